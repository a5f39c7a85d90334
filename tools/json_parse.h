/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a config's JSON values, for config_json.c and the architectures'
 * platform parts (arch_*.c): each problem is reported with the JSON path
 * of the value at fault, and parsing goes on after it, so that one run
 * shows all of them.
 */
#ifndef AXVM_CTL_JSON_PARSE_H
#define AXVM_CTL_JSON_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include <axvm/report.h>

/*
 * @path: where the value being read is, e.g. "memory[1].flags";
 * @errors: problems reported so far.
 */
struct parser {
	struct axvm_report *report;
	char path[256];
	size_t path_len;
	int errors;
};

/* "PATH: message" (or the message alone at the top). */
void perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Path handling: a push returns the old length for pop(). */
size_t push_key(struct parser *p, const char *key);
size_t push_index(struct parser *p, size_t i);
void pop(struct parser *p, size_t old);

/* "a number", "an object"...: what @v is, for messages. */
const char *type_name(struct json_object *v);
/*
 * Reports every key of @obj not in the NULL-terminated @allowed, with the
 * closest one ("comment" and "$schema" are always fine).
 */
void check_keys(struct parser *p, struct json_object *obj, const char *const *allowed);
bool expect_type(struct parser *p, struct json_object *v, enum json_type type,
		 const char *what);

/* A JSON integer or a string as config_parse_number() reads it. */
bool parse_number(struct parser *p, struct json_object *v, uint64_t *out);
/* @key of @obj as a number: @required, or @def when absent. */
uint64_t get_number(struct parser *p, struct json_object *obj, const char *key,
		    bool required, uint64_t def);
uint32_t get_u32(struct parser *p, struct json_object *obj, const char *key,
		 bool required, uint32_t def);
/* @key of @obj, which must be an object; NULL if absent or not one. */
struct json_object *get_object(struct parser *p, struct json_object *o,
			       const char *key, bool required);

#endif /* AXVM_CTL_JSON_PARSE_H */
