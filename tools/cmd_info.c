// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl info [--json]: the hypervisor's state.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <axvm/ioctl.h>

#include "axvm-ctl.h"

static int run_info(int argc, char **argv)
{
	struct axvm_info info;
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
	if (json) {
		printf("{\"version\": \"%s\", \"abi_revision\": %u, \"enabled\": %s, "
		       "\"cpus\": %u, \"cells\": %u, \"memory_total\": %llu, "
		       "\"memory_used\": %llu}\n",
		       info.version, info.abi_revision,
		       info.enabled ? "true" : "false", info.num_cpus,
		       info.num_cells, (unsigned long long)info.memory_total,
		       (unsigned long long)info.memory_used);
		return EXIT_OK;
	}
	printf("driver version:   %s (ABI revision %u)\n", info.version,
	       info.abi_revision);
	printf("hypervisor:       %s\n", info.enabled ? "enabled" : "disabled");
	printf("CPUs:             %u\n", info.num_cpus);
	printf("cells:            %u\n", info.num_cells);
	if (info.enabled)
		printf("hypervisor memory: %llu of %llu KiB in use\n",
		       (unsigned long long)info.memory_used >> 10,
		       (unsigned long long)info.memory_total >> 10);
	return EXIT_OK;
}

const struct verb verb_info = {
	.name = "info",
	.args = "[--json]",
	.summary = "show the hypervisor's state",
	.help = "Prints the driver version, whether the hypervisor runs, CPUs,\n"
		"cells and hypervisor memory; --json for scripts.\n",
	.run = run_info,
};
