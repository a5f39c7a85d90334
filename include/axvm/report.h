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

/**
 * struct axvm_report - where a checker sends its messages
 * @error: called once per problem found, printf-style, without a trailing
 *         newline; the message names the field and the value.
 * @priv:  the caller's context, untouched by the checker.
 */
struct axvm_report {
	void (*error)(struct axvm_report *report, const char *fmt, ...)
		__attribute__((format(printf, 2, 3)));
	void *priv;
};

#endif /* _AXVM_REPORT_H */
