/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String formatting for the firmware's and the inmates' consoles. Neither
 * has a libc, so both carry this small formatter (lib/: the code they
 * share, without either reaching into the other); it is pure code,
 * unit-tested on the host (tests/unit/test_format.c).
 */
#ifndef _LIB_FORMAT_H
#define _LIB_FORMAT_H

#include <stdarg.h>
#include <lib/types.h>

/**
 * format_string() - printf-style formatting into a bounded buffer
 * @buf:  destination; always NUL-terminated when @size > 0.
 * @size: bytes available at @buf.
 * @fmt:  format. Conversions: %d %i %u %x %X %o %p %s %c %%, with the flags
 *        '-' and '0', a field width (number or '*'), a precision for %s
 *        ('.N' or '.*') and the length modifiers h, hh, l, ll, z.
 * @args: the arguments.
 *
 * Return: the length the full result would have, like vsnprintf().
 */
size_t format_string(char *buf, size_t size, const char *fmt, va_list args);

/** format_snprintf() - format_string() with variable arguments. */
size_t format_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* _LIB_FORMAT_H */
