// SPDX-License-Identifier: GPL-2.0
/* The shared firmware image check, compiled into the driver. */
#include <axvm/firmware_check.c>
