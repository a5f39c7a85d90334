// SPDX-License-Identifier: GPL-2.0
/*
 * Exit counters as /sys/devices/axvm/cpuN/exits_<reason> holds them, for
 * `info` and `cell stats`: reading them and printing them as a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "axvm-ctl.h"

const char *const exit_reason_names[NUM_EXIT_NAMES] = {
	"hypercall", "psci", "mmio", "sysreg", "abort", "management", "other",
};

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

int read_cpu_exits(unsigned int cpu, unsigned long long exits[NUM_EXIT_NAMES])
{
	char path[128], val[32];

	snprintf(path, sizeof(path), AXVM_SYSFS "/cpu%u", cpu);
	if (access(path, F_OK))
		return -1;
	for (unsigned int r = 0; r < NUM_EXIT_NAMES; r++) {
		snprintf(path, sizeof(path), AXVM_SYSFS "/cpu%u/exits_%s", cpu,
			 exit_reason_names[r]);
		read_sysfs(path, val, sizeof(val));
		exits[r] = strtoull(val, NULL, 10);
	}
	return 0;
}

void print_exits_header(void)
{
	printf("  cpu");
	for (unsigned int r = 0; r < NUM_EXIT_NAMES; r++)
		printf(" %11s", exit_reason_names[r]);
	printf("\n");
}

void print_exits_row(const char *label,
		     const unsigned long long exits[NUM_EXIT_NAMES])
{
	printf("  %3s", label);
	for (unsigned int r = 0; r < NUM_EXIT_NAMES; r++)
		printf(" %11llu", exits[r]);
	printf("\n");
}
