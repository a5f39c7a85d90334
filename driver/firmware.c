// SPDX-License-Identifier: GPL-2.0
/*
 * Finding and checking the firmware image.
 */
#include <linux/firmware.h>
#include <linux/printk.h>

#include <axvm/arch.h>
#include <axvm/firmware_check.h>

#include "axvm.h"

static struct device *axvm_fw_device;

const char *axvm_firmware_name(void)
{
	static char name[AXVM_FIRMWARE_NAME_MAX];

	if (!name[0])
		snprintf(name, sizeof(name), "axvm-%s.bin",
			 axvm_arch_name(axvm_arch_id));
	return name;
}

void axvm_firmware_set_device(struct device *dev)
{
	axvm_fw_device = dev;
}

/**
 * axvm_firmware_load() - read the firmware file and check its header
 * @fw: receives the loaded image; release_firmware() it when done.
 *
 * Return: 0, -ENOENT when the file is missing, -ENOEXEC when it is not an
 * image for this driver, or another negative errno from the loader.
 */
int axvm_firmware_load(const struct firmware **fw)
{
	char what[AXVM_FIRMWARE_NAME_MAX + 16];
	struct axvm_report report = axvm_kernel_report(what);
	int err;

	snprintf(what, sizeof(what), "firmware %s", axvm_firmware_name());

	err = request_firmware_direct(fw, axvm_firmware_name(), axvm_fw_device);
	if (err) {
		pr_err("axvm: cannot load firmware %s (error %d): is it installed in /lib/firmware?\n",
		       axvm_firmware_name(), err);
		return err;
	}
	err = axvm_firmware_check((*fw)->data, (*fw)->size, axvm_arch_id,
				  &report);
	if (err) {
		release_firmware(*fw);
		*fw = NULL;
	}
	return err;
}
