/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Fixed-width types for the ABI shared by driver, firmware and tools.
 *
 * The kernel and user space take them from <linux/types.h>; the firmware is
 * freestanding and defines them itself (AXVM_FREESTANDING).
 */
#ifndef _AXVM_TYPES_H
#define _AXVM_TYPES_H

#if defined(AXVM_FREESTANDING)
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed int __s32;
typedef signed long long __s64;
#else
#include <linux/types.h>
#endif

#endif /* _AXVM_TYPES_H */
