/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types of the code the firmware and the inmates share (lib/), and
 * of the firmware itself. Only the compiler's freestanding headers are
 * used, so the same files also build on the host for unit tests.
 */
#ifndef _LIB_TYPES_H
#define _LIB_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#endif /* _LIB_TYPES_H */
