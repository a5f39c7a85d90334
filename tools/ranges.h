/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of physical address ranges, for `config create`: RAM minus what
 * Linux uses, device regions merged page by page. Pure code (unit-tested).
 */
#ifndef AXVM_CTL_RANGES_H
#define AXVM_CTL_RANGES_H

#include <stdint.h>

#define RANGE_LABEL 96

/* [start, end): end is exclusive; label names what the range holds. */
struct range {
	uint64_t start, end;
	char label[RANGE_LABEL];
};

struct range_list {
	struct range *r;
	unsigned int count, capacity;
};

/* Adds [start, end) (nothing if empty); -1 when out of memory. */
int ranges_add(struct range_list *l, uint64_t start, uint64_t end, const char *label);
/* Removes [start, end) from every range, splitting where needed. */
int ranges_subtract(struct range_list *l, uint64_t start, uint64_t end);
/*
 * Rounds every range out to @align (a power of two), sorts them and merges
 * those that overlap or touch, joining their labels with ", ".
 */
void ranges_merge(struct range_list *l, uint64_t align);
void ranges_free(struct range_list *l);

#endif /* AXVM_CTL_RANGES_H */
