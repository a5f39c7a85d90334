/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few memory functions the firmware needs (the compiler may also emit
 * calls to them for struct copies).
 */
#ifndef _HV_STRING_H
#define _HV_STRING_H

#include <hv/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif /* _HV_STRING_H */
