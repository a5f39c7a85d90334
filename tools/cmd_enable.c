// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl enable FILE / axvm-ctl disable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <axvm/ioctl.h>

#include "axvm-ctl.h"

static int run_enable(int argc, char **argv)
{
	struct axvm_blob blob = { 0 };
	size_t size;
	void *config;
	int fd, ret;

	if (argc != 2)
		return usage_error(&verb_enable, "expected one system config");
	config = read_file(argv[1], AXVM_CONFIG_MAX_SIZE, &size);
	if (!config)
		return EXIT_INVALID;

	fd = device_open();
	if (fd < 0) {
		free(config);
		return EXIT_FAILED;
	}
	blob.address = (uintptr_t)config;
	blob.size = (__u32)size;
	ret = device_ioctl(fd, AXVM_IOCTL_ENABLE, &blob, "enable");
	close(fd);
	free(config);
	return ret < 0 ? EXIT_FAILED : EXIT_OK;
}

static int run_disable(int argc, char **argv)
{
	int fd, ret;

	(void)argv;
	if (argc != 1)
		return usage_error(&verb_disable, "takes no arguments");
	fd = device_open();
	if (fd < 0)
		return EXIT_FAILED;
	ret = device_ioctl(fd, AXVM_IOCTL_DISABLE, NULL, "disable");
	close(fd);
	return ret < 0 ? EXIT_FAILED : EXIT_OK;
}

const struct verb verb_enable = {
	.name = "enable",
	.args = "SYSTEM-CONFIG",
	.summary = "start the hypervisor under the running Linux",
	.help = "Loads the firmware and enters it on every online CPU; Linux\n"
		"becomes the root cell described by SYSTEM-CONFIG.\n",
	.run = run_enable,
};

const struct verb verb_disable = {
	.name = "disable",
	.args = "",
	.summary = "stop the hypervisor; Linux owns the machine again",
	.help = "Leaves the firmware on every CPU. Refused while cells exist.\n",
	.run = run_disable,
};
