/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What json-c lets pass silently, found in the text itself: a key given
 * twice in one object (json-c keeps the last), a NUL inside a string
 * ("a\u0000b" becomes "a"), and an integer outside every 64-bit range
 * (json-c saturates it, and the saturated value is what a later message
 * would show).
 */
#ifndef AXVM_TOOLS_JSON_SCAN_H
#define AXVM_TOOLS_JSON_SCAN_H

#include <stddef.h>

#include <axvm/report.h>

/**
 * json_scan() - check @text (valid JSON, as json-c accepted it)
 * Return: the number of problems, each reported through @report with its
 * line, column and JSON path.
 */
int json_scan(const char *text, size_t len, struct axvm_report *report);

/** json_position() - the 1-based line and column of byte @offset of @text. */
void json_position(const char *text, size_t offset, int *line, int *col);

#endif /* AXVM_TOOLS_JSON_SCAN_H */
