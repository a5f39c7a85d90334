/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configs in axvm-ctl: JSON (docs/config.md) to the binary layout of
 * include/axvm/config.h, and back to JSON for `config show`.
 */
#ifndef AXVM_CTL_CONFIG_H
#define AXVM_CTL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <axvm/config.h>
#include <axvm/config_check.h>
#include <axvm/report.h>

/**
 * struct config_blob - a converted config
 * @data:      malloc'ed blob; free() it.
 * @size:      its bytes.
 * @is_system: a system config (else a cell config).
 */
struct config_blob {
	void *data;
	size_t size;
	bool is_system;
};

/**
 * config_from_json() - convert JSON text to a binary config
 * @text:   the JSON, @len bytes (need not be NUL-terminated).
 * @len:    its length.
 * @out:    receives the blob on success.
 * @report: receives "PATH: problem" messages, one per problem.
 *
 * Only the form is checked here (syntax, keys, types, flags, numbers);
 * the rules about the content are the shared validator's.
 *
 * Return: 0, or -1 after at least one message.
 */
int config_from_json(const char *text, size_t len, struct config_blob *out,
		     struct axvm_report *report);

/**
 * config_load() - read and convert a JSON config file
 * @path: the file.
 * @out:  receives the blob.
 *
 * Problems are printed on stderr as "PATH: JSON-PATH: problem".
 * Return: 0 or -1.
 */
int config_load(const char *path, struct config_blob *out);

/**
 * config_check_blob() - run the shared validator over a blob
 * @name:    file name for the messages.
 * @blob:    from config_load().
 * @context: system and cells to check a cell against, or NULL.
 *
 * Return: 0 or the validator's negative errno (after messages on stderr).
 */
int config_check_blob(const char *name, const struct config_blob *blob,
		      const struct axvm_check_context *context);

/**
 * config_parse_number() - a number as configs write it: decimal, 0x hex,
 * with an optional K/M/G/T (or KiB...) suffix. Return: true if @s is one.
 */
bool config_parse_number(const char *s, uint64_t *out);

/** config_print_json() - write a blob as normalised JSON. */
void config_print_json(FILE *out, const struct config_blob *blob);
/*
 * The "platform" object of a system config for architecture @arch_id, as
 * config_print_json() writes it: one tab in, no comma or newline after.
 */
void config_print_platform(FILE *out, const struct axvm_platform *p, __u32 arch_id);
/* Values as config_print_json() writes them: "0x08000000", "512K". */
void config_print_addr(FILE *out, uint64_t addr);
void config_print_size(FILE *out, uint64_t size);

/** stderr_report() - a reporter printing "PREFIX: message" lines. */
struct axvm_report stderr_report(const char *prefix);

#endif /* AXVM_CTL_CONFIG_H */
