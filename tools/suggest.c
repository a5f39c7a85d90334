// SPDX-License-Identifier: GPL-2.0
/*
 * Typo suggestions by edit distance (insertions, deletions, substitutions
 * and swaps of neighbours each cost one).
 */
#include <stdio.h>
#include <string.h>

#include "suggest.h"

#define MAX_WORD 32

void join_words(char *buf, size_t size, const char *const *words)
{
	size_t len = 0;

	buf[0] = '\0';
	for (; *words; words++) {
		int n = snprintf(buf + len, size - len, "%s%s",
				 len ? ", " : "", *words);

		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
}

static unsigned int min3(unsigned int a, unsigned int b, unsigned int c)
{
	unsigned int m = a < b ? a : b;

	return m < c ? m : c;
}

static unsigned int distance(const char *a, const char *b)
{
	unsigned int d[MAX_WORD + 1][MAX_WORD + 1];
	size_t la = strlen(a), lb = strlen(b);

	if (la > MAX_WORD || lb > MAX_WORD)
		return MAX_WORD;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (unsigned int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			unsigned int cost = a[i - 1] != b[j - 1];

			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
				       d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[la][lb];
}

const char *suggestion(const char *word, const char *const *words)
{
	static char buf[MAX_WORD + 32];
	const char *best = NULL;
	unsigned int best_d = 3;	/* at most two edits away */

	for (; *words; words++) {
		unsigned int dist = distance(word, *words);

		if (dist < best_d && strlen(*words) > dist) {
			best_d = dist;
			best = *words;
		}
	}
	if (!best)
		return "";
	snprintf(buf, sizeof(buf), "; did you mean \"%s\"?", best);
	return buf;
}
