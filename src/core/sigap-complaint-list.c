#include "sigap-complaint-list.h"
