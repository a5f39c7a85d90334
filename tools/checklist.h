/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `hardware check`'s items (checklist.c): each passes or fails with the
 * fix. The common ones are cmd_hardware.c's, the architecture's come from
 * its table (arch.h).
 */
#ifndef AXVM_CTL_CHECKLIST_H
#define AXVM_CTL_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

/* One item: @fix is shown when it fails, @fmt is what was found. */
void item(const char *name, bool ok, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* All items so far as text or JSON; true if every one passed. */
bool print_items(bool json);

/*
 * Does the machine's file @path (below the sysroot) contain @needle? 1 or
 * 0; -1 if it cannot be read. Read without waiting: the kernel log
 * (/dev/kmsg, as busybox has no /var/log; it needs root) blocks at its end.
 */
int file_has(const char *path, const char *needle);
/*
 * The same, and the first line holding @needle from @needle on, into
 * @found (@size bytes, newline included).
 */
int file_line(const char *path, const char *needle, char *found, size_t size);

#endif /* AXVM_CTL_CHECKLIST_H */
