// SPDX-License-Identifier: GPL-2.0
/*
 * The shared config validator, compiled into the firmware: the firmware
 * copies every config out of root-cell memory and checks the copy before
 * acting on it (see include/axvm/config_check.h).
 */
#include <axvm/config_check.c>
