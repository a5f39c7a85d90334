// SPDX-License-Identifier: GPL-2.0
/* Sets of physical address ranges (see ranges.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ranges.h"

int ranges_add(struct range_list *l, uint64_t start, uint64_t end, const char *label)
{
	struct range *r;

	if (end <= start)
		return 0;
	if (l->count == l->capacity) {
		unsigned int cap = l->capacity ? l->capacity * 2 : 16;
		struct range *n = realloc(l->r, cap * sizeof(*n));

		if (!n)
			return -1;
		l->r = n;
		l->capacity = cap;
	}
	r = &l->r[l->count++];
	r->start = start;
	r->end = end;
	strncpy(r->label, label ? label : "", sizeof(r->label) - 1);
	r->label[sizeof(r->label) - 1] = '\0';
	return 0;
}

int ranges_subtract(struct range_list *l, uint64_t start, uint64_t end)
{
	unsigned int n = l->count;

	for (unsigned int i = 0; i < n; i++) {
		struct range *r = &l->r[i];

		if (end <= r->start || r->end <= start)
			continue;
		if (r->start < start && end < r->end) {
			/* A hole in the middle: the tail becomes a new range. */
			char label[RANGE_LABEL];
			uint64_t tail_end = r->end;

			memcpy(label, r->label, sizeof(label));
			r->end = start;
			if (ranges_add(l, end, tail_end, label))
				return -1;
			continue;
		}
		if (start <= r->start)
			r->start = end < r->end ? end : r->end;
		if (r->end > start && end >= r->end)
			r->end = start > r->start ? start : r->start;
	}
	/* Drop what became empty. */
	for (unsigned int i = 0; i < l->count;) {
		if (l->r[i].start >= l->r[i].end)
			l->r[i] = l->r[--l->count];
		else
			i++;
	}
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void join_label(char *into, const char *more)
{
	char joined[2 * RANGE_LABEL + 2];
	size_t len = strlen(into);

	if (!*more || strstr(into, more) || strstr(into, ", ..."))
		return;
	if (len + 2 + strlen(more) + 1 > RANGE_LABEL) {
		if (len + 6 <= RANGE_LABEL)
			memcpy(into + len, ", ...", 6);
		return;
	}
	snprintf(joined, sizeof(joined), "%s%s%s", into, len ? ", " : "", more);
	memcpy(into, joined, RANGE_LABEL);	/* fits: checked above */
}

void ranges_merge(struct range_list *l, uint64_t align)
{
	unsigned int out = 0;

	/* Sorted first, so that merged labels come in address order. */
	qsort(l->r, l->count, sizeof(*l->r), by_start);
	for (unsigned int i = 0; i < l->count; i++) {
		l->r[i].start &= ~(align - 1);
		l->r[i].end = (l->r[i].end + align - 1) & ~(align - 1);
	}
	for (unsigned int i = 0; i < l->count; i++) {
		struct range *last = out ? &l->r[out - 1] : NULL;

		if (last && l->r[i].start <= last->end) {
			if (l->r[i].end > last->end)
				last->end = l->r[i].end;
			join_label(last->label, l->r[i].label);
		} else {
			l->r[out++] = l->r[i];
		}
	}
	l->count = out;
}

void ranges_free(struct range_list *l)
{
	free(l->r);
	l->r = NULL;
	l->count = l->capacity = 0;
}
