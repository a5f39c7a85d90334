// SPDX-License-Identifier: GPL-2.0
/*
 * Formatted console output for inmates, on top of console_putc().
 */
#include <lib/format.h>
#include <inmate.h>

void printk(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	format_string(buf, sizeof(buf), fmt, args);
	va_end(args);
	for (const char *p = buf; *p; p++) {
		if (*p == '\n')
			console_putc('\r');
		console_putc(*p);
	}
}

void test_verdict(bool ok)
{
	printk("Test result: %s\n", ok ? "SUCCESS" : "FAILURE");
}
