// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a config's JSON values with the path of each one in the
 * messages (json_parse.h).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "json_parse.h"
#include "suggest.h"

void perr(struct parser *p, const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (p->path_len)
		axvm_report_error(p->report, "%s: %s", p->path, msg);
	else
		axvm_report_error(p->report, "%s", msg);
	p->errors++;
}

/* Path handling: push returns the old length for pop. */
size_t push_key(struct parser *p, const char *key)
{
	size_t old = p->path_len;
	int n = snprintf(p->path + old, sizeof(p->path) - old, "%s%s",
			 old ? "." : "", key);

	if (n > 0)
		p->path_len = old + (size_t)n < sizeof(p->path) ?
			old + (size_t)n : sizeof(p->path) - 1;
	return old;
}

size_t push_index(struct parser *p, size_t i)
{
	size_t old = p->path_len;
	int n = snprintf(p->path + old, sizeof(p->path) - old, "[%zu]", i);

	if (n > 0)
		p->path_len = old + (size_t)n < sizeof(p->path) ?
			old + (size_t)n : sizeof(p->path) - 1;
	return old;
}

void pop(struct parser *p, size_t old)
{
	p->path_len = old;
	p->path[old] = '\0';
}

const char *type_name(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: return "null";
	case json_type_boolean: return "a boolean";
	case json_type_double: return "a fractional number";
	case json_type_int: return "a number";
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	}
	return "something else";
}

/* Report every key of @obj not in @allowed ("comment" and "$schema" are
 * always fine: notes for people and editors). */
void check_keys(struct parser *p, struct json_object *obj,
		const char *const *allowed)
{
	json_object_object_foreach(obj, key, val) {
		const char *const *k;
		char list[256] = "";

		(void)val;
		if (!strcmp(key, "comment") || !strcmp(key, "$schema"))
			continue;
		for (k = allowed; *k && strcmp(*k, key); k++)
			;
		if (*k)
			continue;
		join_words(list, sizeof(list), allowed);
		perr(p, "unknown key \"%s\" (expected one of: %s)%s", key,
		     list, suggestion(key, allowed));
	}
}

bool expect_type(struct parser *p, struct json_object *v,
		 enum json_type type, const char *what)
{
	if (json_object_is_type(v, type))
		return true;
	perr(p, "expected %s, got %s", what, type_name(v));
	return false;
}

/*
 * A number: a JSON integer, or a string holding a decimal or 0x-prefixed
 * hex number with an optional binary size suffix (K, M, G, T, or KiB...).
 */
bool config_parse_number(const char *s, uint64_t *out)
{
	static const struct { const char *suffix; unsigned int shift; } units[] = {
		{ "", 0 }, { "K", 10 }, { "KiB", 10 }, { "M", 20 },
		{ "MiB", 20 }, { "G", 30 }, { "GiB", 30 }, { "T", 40 },
		{ "TiB", 40 },
	};
	char *end;
	uint64_t v;

	if (!isdigit((unsigned char)s[0]))
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno)
		return false;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcasecmp(end, units[i].suffix))
			continue;
		if (units[i].shift && v > (UINT64_MAX >> units[i].shift))
			return false;
		*out = v << units[i].shift;
		return true;
	}
	return false;
}

bool parse_number(struct parser *p, struct json_object *v, uint64_t *out)
{
	if (json_object_is_type(v, json_type_int)) {
		int64_t i = json_object_get_int64(v);

		if (i < 0) {
			perr(p, "%" PRId64 " is negative", i);
			return false;
		}
		/* Above INT64_MAX json-c holds it as unsigned (and saturates the signed view). */
		*out = i == INT64_MAX ? json_object_get_uint64(v) : (uint64_t)i;
		return true;
	}
	if (json_object_is_type(v, json_type_string)) {
		if (config_parse_number(json_object_get_string(v), out))
			return true;
		perr(p, "\"%s\" is not a number (write 4096, \"0x1000\" or \"4K\"; sizes take K, M, G, T)",
		     json_object_get_string(v));
		return false;
	}
	perr(p, "expected a number or a string like \"0x1000\" or \"16M\", got %s",
	     type_name(v));
	return false;
}

/* @key of @obj as a number; @required, or @def when absent. */
uint64_t get_number(struct parser *p, struct json_object *obj,
		    const char *key, bool required, uint64_t def)
{
	struct json_object *v;
	uint64_t out = def;
	size_t old;

	if (!json_object_object_get_ex(obj, key, &v)) {
		if (required)
			perr(p, "missing key \"%s\"", key);
		return def;
	}
	old = push_key(p, key);
	if (!parse_number(p, v, &out))
		out = def;
	pop(p, old);
	return out;
}

uint32_t get_u32(struct parser *p, struct json_object *obj,
		 const char *key, bool required, uint32_t def)
{
	uint64_t v = get_number(p, obj, key, required, def);
	size_t old;

	if (v <= UINT32_MAX)
		return (uint32_t)v;
	old = push_key(p, key);
	perr(p, "%" PRIu64 " is too large (at most %u)", v, UINT32_MAX);
	pop(p, old);
	return def;
}

struct json_object *get_object(struct parser *p, struct json_object *o,
			       const char *key, bool required)
{
	struct json_object *v;
	size_t old;

	if (!json_object_object_get_ex(o, key, &v)) {
		if (required)
			perr(p, "missing key \"%s\"", key);
		return NULL;
	}
	old = push_key(p, key);
	if (!expect_type(p, v, json_type_object, "an object"))
		v = NULL;
	pop(p, old);
	return v;
}
