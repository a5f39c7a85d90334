// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl enable SYSTEM.json / disable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <axvm/ioctl.h>

#include "axvm-ctl.h"
#include "config.h"

/* Convert and check a config, then hand it to @cmd; returns an exit code. */
int send_config(const char *path, bool want_system, unsigned long cmd,
		const char *what, int *result)
{
	struct config_blob blob;
	struct axvm_blob arg = { 0 };
	int fd, ret;

	if (config_load(path, &blob))
		return EXIT_INVALID;
	if (blob.is_system != want_system) {
		error("%s: %s needs a %s config, this is a %s config", path,
		      what, want_system ? "system" : "cell",
		      blob.is_system ? "system" : "cell");
		free(blob.data);
		return EXIT_INVALID;
	}
	if (config_check_blob(path, &blob, NULL)) {
		free(blob.data);
		return EXIT_INVALID;
	}
	fd = device_open();
	if (fd < 0) {
		free(blob.data);
		return EXIT_FAILED;
	}
	arg.address = (uintptr_t)blob.data;
	arg.size = (__u32)blob.size;
	ret = device_ioctl(fd, cmd, &arg, what);
	close(fd);
	free(blob.data);
	if (result)
		*result = ret;
	return ret < 0 ? EXIT_FAILED : EXIT_OK;
}

static int run_enable(int argc, char **argv)
{
	if (argc != 2)
		return usage_error(&verb_enable, "expected one system config");
	return send_config(argv[1], true, AXVM_IOCTL_ENABLE, "enable", NULL);
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
	.help = "Checks SYSTEM-CONFIG (JSON, see docs/config.md), loads the\n"
		"firmware and enters it on every online CPU; Linux becomes the\n"
		"root cell the config describes.\n",
	.run = run_enable,
};

const struct verb verb_disable = {
	.name = "disable",
	.args = "",
	.summary = "stop the hypervisor; Linux owns the machine again",
	.help = "Leaves the firmware on every CPU. Refused while cells exist.\n",
	.run = run_disable,
};
