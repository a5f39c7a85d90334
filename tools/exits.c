// SPDX-License-Identifier: GPL-2.0
/*
 * Exit counters as /sys/devices/axvm/cpuN/exits_<reason> holds them, for
 * `info` and `cell stats`: reading them and printing them as a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <axvm/hypercall.h>

#include "arch.h"
#include "axvm-ctl.h"
#include "machine.h"

/* The reasons every architecture counts, in AXVM_EXIT_* order. */
static const char *const common_names[] = {
	"hypercall", "mmio", "abort", "management", "other",
};
_Static_assert(sizeof(common_names) / sizeof(common_names[0]) ==
	       AXVM_EXIT_ARCH_FIRST, "common exit names");

static const char *names[MAX_EXIT_NAMES];
static unsigned int num_names;

/* The common names, then those of the machine's architecture, if known. */
static void find_names(void)
{
	const struct arch_ops *arch = machine_arch();

	if (num_names)
		return;
	for (; num_names < AXVM_EXIT_ARCH_FIRST; num_names++)
		names[num_names] = common_names[num_names];
	for (unsigned int i = 0; arch && arch->exit_names[i] &&
	     num_names < MAX_EXIT_NAMES; i++)
		names[num_names++] = arch->exit_names[i];
}

unsigned int num_exit_names(void)
{
	find_names();
	return num_names;
}

const char *exit_name(unsigned int i)
{
	find_names();
	return i < num_names ? names[i] : "?";
}

void read_sysfs(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	if (!f)
		return;
	if (!fgets(buf, (int)size, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

int read_cpu_exits(unsigned int cpu, unsigned long long exits[MAX_EXIT_NAMES])
{
	char path[128], val[32];

	snprintf(path, sizeof(path), AXVM_SYSFS "/cpu%u", cpu);
	if (access(path, F_OK))
		return -1;
	for (unsigned int r = 0; r < num_exit_names(); r++) {
		snprintf(path, sizeof(path), AXVM_SYSFS "/cpu%u/exits_%s", cpu,
			 exit_name(r));
		read_sysfs(path, val, sizeof(val));
		exits[r] = strtoull(val, NULL, 10);
	}
	return 0;
}

void print_exits_header(void)
{
	printf("  cpu");
	for (unsigned int r = 0; r < num_exit_names(); r++)
		printf(" %11s", exit_name(r));
	printf("\n");
}

void print_exits_row(const char *label,
		     const unsigned long long exits[MAX_EXIT_NAMES])
{
	printf("  %3s", label);
	for (unsigned int r = 0; r < num_exit_names(); r++)
		printf(" %11llu", exits[r]);
	printf("\n");
}
