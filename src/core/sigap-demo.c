#include "sigap-demo.h"
