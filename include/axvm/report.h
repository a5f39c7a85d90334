/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * How the shared checkers say what is wrong.
 *
 * The checkers in include/axvm/ are compiled into the tool, the driver and
 * the firmware, none of which share a printf. Each side passes a reporter
 * whose callback turns the message into its own output: an error line on
 * stderr naming the file, a pr_err(), or the firmware console.
 */
#ifndef _AXVM_REPORT_H
#define _AXVM_REPORT_H

#if defined(__KERNEL__)
#include <linux/stdarg.h>
#else
#include <stdarg.h>
#endif

/**
 * struct axvm_report - where a checker sends its messages
 * @message: called once per problem found, vprintf-style, without a
 *           trailing newline; the message names the field and the value.
 * @priv:    the caller's context, untouched by the checker.
 */
struct axvm_report {
	void (*message)(struct axvm_report *report, const char *fmt,
			va_list args);
	void *priv;
};

/** axvm_report_error() - send one formatted message to @report. */
static inline __attribute__((format(printf, 2, 3))) void
axvm_report_error(struct axvm_report *report, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	report->message(report, fmt, args);
	va_end(args);
}

#endif /* _AXVM_REPORT_H */
