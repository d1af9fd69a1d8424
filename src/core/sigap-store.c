#include "sigap-store.h"
