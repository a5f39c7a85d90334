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
	struct va_format vaf = { .fmt = fmt, .va = &args };

	pr_err("axvm: %s: %pV\n", (const char *)report->priv, &vaf);
}

struct axvm_report axvm_kernel_report(const char *what)
{
	struct axvm_report report = {
		.message = axvm_report_message,
		.priv = (void *)what,
	};

	return report;
}
