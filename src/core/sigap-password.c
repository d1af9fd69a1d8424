#include "sigap-password.h"
