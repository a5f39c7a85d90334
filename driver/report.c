// SPDX-License-Identifier: GPL-2.0
/*
 * The driver's reporter for the shared checkers: one pr_err line per
 * problem, prefixed with what was being checked.
 */
#include <linux/printk.h>

#include "axvm.h"

static void axvm_report_message(struct axvm_report *report, const char *fmt,
				va_list args)
{
	va_list copy;	/* a parameter's va_list may be a pointer (x86-64) */
	struct va_format vaf = { .fmt = fmt, .va = &copy };

	va_copy(copy, args);
	pr_err("axvm: %s: %pV\n", (const char *)report->priv, &vaf);
	va_end(copy);
}

struct axvm_report axvm_kernel_report(const char *what)
{
	struct axvm_report report = {
		.message = axvm_report_message,
		.priv = (void *)what,
	};

	return report;
}
