/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reporter for unit tests: collects the checkers' messages, one per
 * line, so that a test can look for the one it expects.
 */
#ifndef AXVM_UNIT_COLLECT_H
#define AXVM_UNIT_COLLECT_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <axvm/report.h>

struct messages {
	int count;
	char text[4096];
};

static inline void collect(struct axvm_report *report, const char *fmt,
			   va_list args)
{
	struct messages *m = report->priv;
	size_t len = strlen(m->text);

	vsnprintf(m->text + len, sizeof(m->text) - len, fmt, args);
	strncat(m->text, "\n", sizeof(m->text) - strlen(m->text) - 1);
	m->count++;
}

/* Empty @m and return a reporter that fills it. */
static inline struct axvm_report reporter(struct messages *m)
{
	memset(m, 0, sizeof(*m));
	return (struct axvm_report){ .message = collect, .priv = m };
}

#endif
