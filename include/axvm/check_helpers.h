/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Small byte helpers for the shared checkers, which may not call a C
 * library (the firmware has none).
 */
#ifndef _AXVM_CHECK_HELPERS_H
#define _AXVM_CHECK_HELPERS_H

/* 1 if the @n bytes at @a and @b are equal. */
static inline int axvm_bytes_equal(const void *a, const void *b, unsigned int n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (n--)
		if (*x++ != *y++)
			return 0;
	return 1;
}

/* 1 if a NUL byte occurs in the @n bytes at @s. */
static inline int axvm_string_terminated(const char *s, unsigned int n)
{
	while (n--)
		if (*s++ == '\0')
			return 1;
	return 0;
}

/* 1 if NUL-terminated @a and @b are equal. */
static inline int axvm_string_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

#endif /* _AXVM_CHECK_HELPERS_H */
