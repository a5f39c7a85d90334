// SPDX-License-Identifier: GPL-2.0
/*
 * A second, small reading of a config's JSON text (see json_scan.h). It
 * runs on text json-c has accepted, so it follows the grammar without
 * checking it again: objects, arrays, strings, numbers and literals; on
 * anything else it still moves forward on every step (it ends, whatever
 * the text).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_scan.h"

#define MAX_DEPTH	64	/* json-c was created with 32 */
#define MAX_KEY		256

struct scan {
	const char *text, *at, *end;
	struct axvm_report *report;
	char path[512];
	int problems;
};

void json_position(const char *text, size_t offset, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < offset; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static __attribute__((format(printf, 3, 4))) void
problem(struct scan *s, const char *at, const char *fmt, ...)
{
	char what[512];
	va_list args;
	int line, col;

	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	json_position(s->text, (size_t)(at - s->text), &line, &col);
	axvm_report_error(s->report, "line %d, column %d: %s%s%s", line, col,
			  s->path, s->path[0] ? ": " : "", what);
	s->problems++;
}

static void skip_space(struct scan *s)
{
	while (s->at < s->end && isspace((unsigned char)*s->at))
		s->at++;
}

static unsigned int hex4(const char *p)
{
	unsigned int v = 0, i;

	for (i = 0; i < 4; i++)
		v = v * 16 + (unsigned int)(isdigit((unsigned char)p[i]) ?
				p[i] - '0' : (tolower((unsigned char)p[i]) - 'a' + 10));
	return v;
}

/* A string at s->at (the quote): its decoded form in @out, NUL reported. */
static void read_string(struct scan *s, char *out, size_t size)
{
	const char *start = s->at;
	char quote = *s->at++;	/* json-c takes '...' as well as "..." */
	size_t n = 0;
	char c;

	while (s->at < s->end && *s->at != quote) {
		c = *s->at++;
		if (c == '\\' && s->at < s->end) {
			c = *s->at++;
			if (c == 'u' && s->end - s->at >= 4) {
				unsigned int u = hex4(s->at);

				s->at += 4;
				if (!u)
					problem(s, start, "a string may not contain NUL (\\u0000)");
				c = u < 0x80 ? (char)u : '?';
			} else {
				c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' :
				    c == 'b' ? '\b' : c == 'f' ? '\f' : c;
			}
		}
		if (n + 1 < size)
			out[n++] = c;
	}
	out[n] = '\0';
	s->at++;	/* the closing quote */
}

/* An integer literal outside int64 and uint64 is reported as written. */
static void read_number(struct scan *s)
{
	const char *start = s->at;
	char literal[64];
	size_t n;
	bool integer = true;

	while (s->at < s->end && (isdigit((unsigned char)*s->at) ||
				  strchr("+-.eE", *s->at))) {
		if (strchr(".eE", *s->at))
			integer = false;
		s->at++;
	}
	n = (size_t)(s->at - start);
	if (!integer || n >= sizeof(literal))
		goto check_long;
	memcpy(literal, start, n);
	literal[n] = '\0';
	errno = 0;
	if (literal[0] == '-')
		(void)strtoll(literal, NULL, 10);
	else
		(void)strtoull(literal, NULL, 10);
	if (errno == ERANGE)
		problem(s, start, "%s is out of range (%s)", literal, literal[0] == '-' ?
			"at least -9223372036854775808" : "at most 18446744073709551615");
	return;
check_long:
	if (integer) {
		snprintf(literal, sizeof(literal), "%.40s...", start);
		problem(s, start, "%s is out of range (at most 18446744073709551615)",
			literal);
	}
}

static void scan_value(struct scan *s, unsigned int depth);

/* A key as written (between its quotes), to compare keys as json-c does. */
struct key {
	const char *at;
	size_t len;
};

static int key_order(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->at == y->at ? 0 : memcmp(x->at, y->at, x->len) ?:
	       (x->at < y->at ? -1 : 1);
}

/* Sorted, equal keys are neighbours: each later one is a duplicate. */
static void report_duplicates(struct scan *s, struct key *keys, size_t n)
{
	size_t i;

	if (n < 2)
		return;	/* (and qsort may not be handed a NULL array) */
	qsort(keys, n, sizeof(*keys), key_order);
	for (i = 1; i < n; i++)
		if (keys[i].len == keys[i - 1].len &&
		    !memcmp(keys[i].at, keys[i - 1].at, keys[i].len))
			problem(s, keys[i].at - 1,
				"duplicate key \"%.*s\" (json would keep only the last)",
				(int)(keys[i].len > 64 ? 64 : keys[i].len), keys[i].at);
}

static void scan_object(struct scan *s, unsigned int depth)
{
	size_t path_len = strlen(s->path), nkeys = 0, cap = 0;
	struct key *keys = NULL, *grown;
	char key[MAX_KEY];

	s->at++;	/* { */
	for (skip_space(s); s->at < s->end && *s->at != '}'; skip_space(s)) {
		const char *key_at = s->at + 1;

		read_string(s, key, sizeof(key));
		if (nkeys == cap) {
			cap = cap ? 2 * cap : 16;
			grown = realloc(keys, cap * sizeof(*keys));
			if (!grown) {
				problem(s, key_at, "out of memory");
				break;
			}
			keys = grown;
		}
		keys[nkeys++] = (struct key){ key_at, (size_t)(s->at - 1 - key_at) };
		snprintf(s->path + path_len, sizeof(s->path) - path_len, "%s%s",
			 path_len ? "." : "", key);
		skip_space(s);
		s->at++;	/* : */
		skip_space(s);
		scan_value(s, depth + 1);
		s->path[path_len] = '\0';
		skip_space(s);
		if (s->at < s->end && *s->at == ',')
			s->at++;
	}
	s->at++;	/* } */
	report_duplicates(s, keys, nkeys);
	free(keys);
}

static void scan_array(struct scan *s, unsigned int depth)
{
	size_t path_len = strlen(s->path), i = 0;

	s->at++;	/* [ */
	for (skip_space(s); s->at < s->end && *s->at != ']'; skip_space(s), i++) {
		snprintf(s->path + path_len, sizeof(s->path) - path_len, "[%zu]", i);
		scan_value(s, depth + 1);
		s->path[path_len] = '\0';
		skip_space(s);
		if (s->at < s->end && *s->at == ',')
			s->at++;
	}
	s->at++;	/* ] */
}

static void scan_value(struct scan *s, unsigned int depth)
{
	char ignored[MAX_KEY];

	skip_space(s);
	if (s->at >= s->end || depth > MAX_DEPTH) {
		s->at = s->end;
		return;
	}
	switch (*s->at) {
	case '{':
		scan_object(s, depth);
		break;
	case '[':
		scan_array(s, depth);
		break;
	case '"':
	case '\'':
		read_string(s, ignored, sizeof(ignored));
		break;
	default:
		if (*s->at == '-' || isdigit((unsigned char)*s->at))
			read_number(s);
		else if (isalpha((unsigned char)*s->at))	/* true, false, null */
			while (s->at < s->end && isalpha((unsigned char)*s->at))
				s->at++;
		else	/* not JSON json-c would accept: go on, never stay */
			s->at++;
	}
}

int json_scan(const char *text, size_t len, struct axvm_report *report)
{
	struct scan s = { .text = text, .at = text, .end = text + len,
			  .report = report };

	scan_value(&s, 0);
	return s.problems;
}
