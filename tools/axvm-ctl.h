/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of axvm-ctl share: the verb table entry, exit codes and the
 * helpers for errors, files and the device.
 */
#ifndef AXVM_CTL_H
#define AXVM_CTL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes, documented in docs/cli.md. */
enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,	/* the operation was refused or failed */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_INVALID = 3,	/* an input file is not valid */
};

/**
 * struct verb - one command of axvm-ctl
 * @name:    one or two words, e.g. "enable" or "firmware check".
 * @args:    the synopsis of its arguments.
 * @summary: one line for the verb list.
 * @help:    the text of `axvm-ctl VERB --help`, after the synopsis.
 * @run:     runs the verb; argv[0] is the verb's last word. Returns an
 *           exit code.
 */
struct verb {
	const char *name;
	const char *args;
	const char *summary;
	const char *help;
	int (*run)(int argc, char **argv);
};

extern const struct verb verb_enable, verb_disable, verb_firmware_check,
	verb_config_check, verb_config_show, verb_config_compile,
	verb_cell_create, verb_info, verb_cell_load, verb_cell_start,
	verb_cell_shutdown, verb_cell_destroy, verb_cell_list, verb_cell_run,
	verb_console, verb_cell_stats, verb_hardware_check, verb_config_create;

/* util.c */
extern const char *progname;
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void verror(const char *fmt, va_list args) __attribute__((format(printf, 1, 0)));
void *read_file(const char *path, size_t max_size, size_t *size);
int usage_error(const struct verb *verb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* @s as a JSON string, quotes and escapes included. */
void print_json_string(FILE *out, const char *s);

/* cmd_enable.c: convert, check and send a config with ioctl @cmd */
int send_config(const char *path, bool want_system, unsigned long cmd,
		const char *what, int *result);

/* exits.c: the exit counters of /sys/devices/axvm/cpuN */
/*
 * The exit counters sysfs has (cpuN/exits_<name>), in the order axvm-ctl
 * and the driver show them: the common ones, then the machine's
 * architecture's (arch.h). Indices below num_exit_names().
 */
#define MAX_EXIT_NAMES	8	/* AXVM_NUM_EXIT_REASONS */
#define AXVM_SYSFS "/sys/devices/axvm"
unsigned int num_exit_names(void);
const char *exit_name(unsigned int i);
/* A sysfs attribute without its newline; "" if it cannot be read. */
void read_sysfs(const char *path, char *buf, size_t size);
/* CPU @cpu's counters; -1 if sysfs has no such CPU. */
int read_cpu_exits(unsigned int cpu, unsigned long long exits[MAX_EXIT_NAMES]);
void print_exits_header(void);
void print_exits_row(const char *label,
		     const unsigned long long exits[MAX_EXIT_NAMES]);

/* device.c */
int device_open(void);
int device_ioctl(int fd, unsigned long cmd, void *arg, const char *what);

#endif /* AXVM_CTL_H */
