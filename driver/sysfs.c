// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/axvm: the hypervisor's state for people and scripts.
 *
 *   enabled, version, abi_revision, firmware, firmware_version,
 *   memory_total, memory_used            (bytes of hypervisor memory)
 *   cpuN/exits_<reason>                  (exits of CPU N since enable)
 *
 * Values that live in the firmware are fetched by hypercall under the
 * driver's lock, so that they never race with enable or disable.
 */
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include <axvm/abi.h>
#include <axvm/hypercall.h>

#include "axvm.h"

static struct device *axvm_root_device;
static struct kobject **cpu_kobjs;

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

static ssize_t firmware_version_show(struct device *dev,
				     struct device_attribute *attr, char *buf)
{
	ssize_t n;

	if (mutex_lock_interruptible(&axvm_state.lock))
		return -EINTR;
	n = sysfs_emit(buf, "%s\n", axvm_state.enabled ?
		       axvm_state.firmware_version : "");
	mutex_unlock(&axvm_state.lock);
	return n;
}
static DEVICE_ATTR_RO(firmware_version);

/* A value from the firmware, or 0 while it is not enabled. */
static ssize_t show_hypercall(char *buf, u64 code, u64 arg1, u64 arg2)
{
	long v = 0;

	if (mutex_lock_interruptible(&axvm_state.lock))
		return -EINTR;
	if (axvm_state.enabled)
		v = axvm_hypervisor_call(code, arg1, arg2);
	mutex_unlock(&axvm_state.lock);
	return v < 0 ? v : sysfs_emit(buf, "%ld\n", v);
}

static ssize_t memory_total_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return show_hypercall(buf, AXVM_HC_MEMORY_INFO, 0, 0);
}
static DEVICE_ATTR_RO(memory_total);

static ssize_t memory_used_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	return show_hypercall(buf, AXVM_HC_MEMORY_INFO, 1, 0);
}
static DEVICE_ATTR_RO(memory_used);

static struct attribute *axvm_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_version.attr,
	&dev_attr_abi_revision.attr,
	&dev_attr_firmware.attr,
	&dev_attr_firmware_version.attr,
	&dev_attr_memory_total.attr,
	&dev_attr_memory_used.attr,
	NULL,
};

static const struct attribute_group axvm_attr_group = {
	.attrs = axvm_attrs,
};

/* cpuN/exits_<reason>: the reason is the attribute's index. */
struct exit_attr {
	struct kobj_attribute attr;
	unsigned int reason;
};

static ssize_t exits_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	struct exit_attr *ea = container_of(attr, struct exit_attr, attr);
	unsigned int cpu;

	if (kstrtouint(kobject_name(kobj) + 3, 10, &cpu))
		return -EINVAL;
	return show_hypercall(buf, AXVM_HC_CPU_STATS, cpu, ea->reason);
}

#define EXIT_ATTR(_name, _reason) {					\
	.attr = __ATTR(exits_##_name, 0444, exits_show, NULL),		\
	.reason = _reason,						\
}
/* The reasons every architecture has, then the architecture's own. */
static struct exit_attr exit_attrs[] = {
	EXIT_ATTR(hypercall, AXVM_EXIT_HYPERCALL),
	EXIT_ATTR(mmio, AXVM_EXIT_MMIO),
	EXIT_ATTR(abort, AXVM_EXIT_ABORT),
	EXIT_ATTR(management, AXVM_EXIT_MANAGEMENT),
	EXIT_ATTR(other, AXVM_EXIT_OTHER),
	AXVM_ARCH_EXIT_ATTRS(EXIT_ATTR)
};
static_assert(ARRAY_SIZE(exit_attrs) <= AXVM_NUM_EXIT_REASONS);

static struct attribute *exit_attr_list[ARRAY_SIZE(exit_attrs) + 1];
static const struct attribute_group exit_group = { .attrs = exit_attr_list };

static void remove_cpu_dirs(void)
{
	unsigned int cpu;

	if (!cpu_kobjs)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		kobject_put(cpu_kobjs[cpu]);	/* NULL-safe; removes files */
	kfree(cpu_kobjs);
	cpu_kobjs = NULL;
}

static int add_cpu_dirs(void)
{
	unsigned int cpu, i;
	char name[16];

	for (i = 0; i < ARRAY_SIZE(exit_attrs); i++)
		exit_attr_list[i] = &exit_attrs[i].attr.attr;
	cpu_kobjs = kcalloc(nr_cpu_ids, sizeof(*cpu_kobjs), GFP_KERNEL);
	if (!cpu_kobjs)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		cpu_kobjs[cpu] = kobject_create_and_add(name,
							&axvm_root_device->kobj);
		if (!cpu_kobjs[cpu] ||
		    sysfs_create_group(cpu_kobjs[cpu], &exit_group)) {
			remove_cpu_dirs();
			return -ENOMEM;
		}
	}
	return 0;
}

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
	if (!err) {
		err = add_cpu_dirs();
		if (err)
			sysfs_remove_group(&axvm_root_device->kobj,
					   &axvm_attr_group);
	}
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
	remove_cpu_dirs();
	sysfs_remove_group(&axvm_root_device->kobj, &axvm_attr_group);
	root_device_unregister(axvm_root_device);
}
