// SPDX-License-Identifier: GPL-2.0
/* The shared config validator, compiled into axvm-ctl. */
#include <axvm/config_check.c>
