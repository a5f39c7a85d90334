// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/axvm: the hypervisor's state for people and scripts.
 */
#include <linux/device.h>
#include <linux/sysfs.h>

#include <axvm/abi.h>

#include "axvm.h"

static struct device *axvm_root_device;

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(axvm_state.enabled) ? 1 : 0);
}
static DEVICE_ATTR_RO(enabled);

static ssize_t version_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%s\n", AXVM_VERSION);
}
static DEVICE_ATTR_RO(version);

static ssize_t abi_revision_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", AXVM_ABI_REVISION);
}
static DEVICE_ATTR_RO(abi_revision);

static ssize_t firmware_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	return sysfs_emit(buf, "%s\n", axvm_firmware_name());
}
static DEVICE_ATTR_RO(firmware);

static struct attribute *axvm_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_version.attr,
	&dev_attr_abi_revision.attr,
	&dev_attr_firmware.attr,
	NULL,
};

static const struct attribute_group axvm_attr_group = {
	.attrs = axvm_attrs,
};

struct device *axvm_sysfs_device(void)
{
	return axvm_root_device;
}

int axvm_sysfs_init(void)
{
	int err;

	axvm_root_device = root_device_register("axvm");
	if (IS_ERR(axvm_root_device)) {
		err = PTR_ERR(axvm_root_device);
		pr_err("axvm: cannot create /sys/devices/axvm (error %d)\n", err);
		return err;
	}
	err = sysfs_create_group(&axvm_root_device->kobj, &axvm_attr_group);
	if (err) {
		pr_err("axvm: cannot create attributes in /sys/devices/axvm (error %d)\n",
		       err);
		root_device_unregister(axvm_root_device);
		return err;
	}
	return 0;
}

void axvm_sysfs_exit(void)
{
	sysfs_remove_group(&axvm_root_device->kobj, &axvm_attr_group);
	root_device_unregister(axvm_root_device);
}
