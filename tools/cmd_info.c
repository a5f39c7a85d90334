// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl info [--json]: the hypervisor's state, from INFO and from
 * /sys/devices/axvm (firmware version, exits per CPU and reason).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <axvm/hypercall.h>
#include <axvm/ioctl.h>

#include "axvm-ctl.h"

#define MAX_CPUS 256

/* exits[cpu][reason]; returns how many CPUs have a directory. */
static unsigned int read_exits(unsigned long long exits[][MAX_EXIT_NAMES])
{
	unsigned int n = 0;

	while (n < MAX_CPUS && !read_cpu_exits(n, exits[n]))
		n++;
	return n;
}

static void print_json(const struct axvm_info *info, const char *fw_version,
		       unsigned long long exits[][MAX_EXIT_NAMES],
		       unsigned int ncpus)
{
	printf("{\"version\": \"%s\", \"abi_revision\": %u, \"enabled\": %s, "
	       "\"firmware_version\": \"%s\", \"cpus\": %u, \"cells\": %u, "
	       "\"memory_total\": %llu, \"memory_used\": %llu, \"exits\": [",
	       info->version, info->abi_revision,
	       info->enabled ? "true" : "false", fw_version, info->num_cpus,
	       info->num_cells, (unsigned long long)info->memory_total,
	       (unsigned long long)info->memory_used);
	for (unsigned int cpu = 0; cpu < ncpus; cpu++) {
		printf("%s{\"cpu\": %u", cpu ? ", " : "", cpu);
		for (unsigned int r = 0; r < num_exit_names(); r++)
			printf(", \"%s\": %llu", exit_name(r), exits[cpu][r]);
		printf("}");
	}
	printf("]}\n");
}

static void print_text(const struct axvm_info *info, const char *fw_version,
		       unsigned long long exits[][MAX_EXIT_NAMES],
		       unsigned int ncpus)
{
	printf("driver version:    %s (ABI revision %u)\n", info->version,
	       info->abi_revision);
	printf("hypervisor:        %s\n", info->enabled ? "enabled" : "disabled");
	if (info->enabled)
		printf("firmware version:  %s\n", fw_version);
	printf("CPUs:              %u\n", info->num_cpus);
	printf("cells:             %u\n", info->num_cells);
	if (!info->enabled)
		return;
	printf("hypervisor memory: %llu of %llu KiB in use\n",
	       (unsigned long long)info->memory_used >> 10,
	       (unsigned long long)info->memory_total >> 10);
	printf("exits since enable:\n");
	print_exits_header();
	for (unsigned int cpu = 0; cpu < ncpus; cpu++) {
		char label[8];

		snprintf(label, sizeof(label), "%u", cpu);
		print_exits_row(label, exits[cpu]);
	}
}

static int run_info(int argc, char **argv)
{
	static unsigned long long exits[MAX_CPUS][MAX_EXIT_NAMES];
	struct axvm_info info;
	char fw_version[64];
	unsigned int ncpus;
	bool json = false;
	int fd, ret;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else
			return usage_error(&verb_info, "unknown argument \"%s\"",
					   argv[i]);
	}
	fd = device_open();
	if (fd < 0)
		return EXIT_FAILED;
	memset(&info, 0, sizeof(info));
	ret = device_ioctl(fd, AXVM_IOCTL_INFO, &info, "info");
	close(fd);
	if (ret < 0)
		return EXIT_FAILED;
	info.version[sizeof(info.version) - 1] = '\0';
	read_sysfs(AXVM_SYSFS "/firmware_version", fw_version, sizeof(fw_version));
	ncpus = read_exits(exits);
	if (json)
		print_json(&info, fw_version, exits, ncpus);
	else
		print_text(&info, fw_version, exits, ncpus);
	return EXIT_OK;
}

const struct verb verb_info = {
	.name = "info",
	.args = "[--json]",
	.summary = "show the hypervisor's state",
	.help = "Prints the driver and firmware versions, whether the hypervisor\n"
		"runs, CPUs, cells, hypervisor memory in use, and each CPU's exits\n"
		"to the hypervisor by reason; --json for scripts.\n",
	.run = run_info,
};
