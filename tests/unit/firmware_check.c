// SPDX-License-Identifier: GPL-2.0
/* The shared firmware check, compiled for the host unit tests. */
#include <axvm/firmware_check.c>
