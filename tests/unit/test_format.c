// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's formatter (hypervisor/format.c) against the C library's
 * snprintf, which defines the behaviour it promises.
 */
#include <stdio.h>

#include "kselftest_harness.h"
#include <lib/format.h>

#define CHECK_LIKE_LIBC(fmt, ...) do {					\
	char want[128], got[128];					\
	int n = snprintf(want, sizeof(want), fmt, ##__VA_ARGS__);	\
	size_t m = format_snprintf(got, sizeof(got), fmt, ##__VA_ARGS__); \
	EXPECT_STREQ(want, got) TH_LOG("format \"%s\"", fmt);		\
	EXPECT_EQ((size_t)n, m) TH_LOG("format \"%s\"", fmt);		\
} while (0)

TEST(integers)
{
	CHECK_LIKE_LIBC("%d %i %u", 0, -1, 4000000000u);
	CHECK_LIKE_LIBC("%d", -2147483647 - 1);
	CHECK_LIKE_LIBC("%lld", -9223372036854775807LL - 1);
	CHECK_LIKE_LIBC("%llu", 18446744073709551615ULL);
	CHECK_LIKE_LIBC("%ld %lu", -5L, 5UL);
	CHECK_LIKE_LIBC("%zu", (size_t)12345);
	CHECK_LIKE_LIBC("%hd %hhu", (short)-3, (unsigned char)250);
	CHECK_LIKE_LIBC("%o", 8);
}

TEST(hex_and_pointers)
{
	CHECK_LIKE_LIBC("%x %X", 0xdeadbeef, 0xdeadbeef);
	CHECK_LIKE_LIBC("%llx", 0xffffffffffffffffULL);
	CHECK_LIKE_LIBC("%016llx", 0x1234ULL);
	CHECK_LIKE_LIBC("%p", (void *)0x40001000);
}

TEST(width_flags_precision)
{
	CHECK_LIKE_LIBC("[%5d] [%-5d] [%05d]", 42, 42, 42);
	CHECK_LIKE_LIBC("[%05d]", -42);
	CHECK_LIKE_LIBC("[%*d] [%-*d]", 6, 7, 6, 7);
	CHECK_LIKE_LIBC("[%10s] [%-10s]", "abc", "abc");
	CHECK_LIKE_LIBC("[%.2s] [%.*s]", "abcdef", 3, "abcdef");
	CHECK_LIKE_LIBC("[%c%c] [%3c]", 'o', 'k', 'x');
	CHECK_LIKE_LIBC("100%% sure");
}

TEST(null_string_is_marked)
{
	const char *volatile nothing = NULL;
	char buf[32];

	format_snprintf(buf, sizeof(buf), "%s", nothing);
	EXPECT_STREQ("(null)", buf);
}

TEST(truncation_reports_full_length)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	EXPECT_EQ(11, format_snprintf(buf, sizeof(buf), "hello %s", "world"));
	EXPECT_STREQ("hello w", buf);
	EXPECT_EQ(5, format_snprintf(buf, 1, "%d", 12345));
	EXPECT_STREQ("", buf);
	EXPECT_EQ(3, format_snprintf(NULL, 0, "abc"));
}

TEST(unknown_conversion_is_visible)
{
	/* Not a literal: the compiler would rightly refuse it. */
	const char *volatile fmt = "a%qb";
	char buf[32];

	format_snprintf(buf, sizeof(buf), fmt);
	EXPECT_STREQ("a%qb", buf);
}

TEST_HARNESS_MAIN
