// SPDX-License-Identifier: GPL-2.0
/*
 * The /dev/axvm commands. Each one copies its argument once, checks it
 * with the shared validator and against the running machine, and only
 * then acts. Commands that need the hypervisor answer -ENODEV ("not
 * enabled") while it is not.
 */
#include <linux/cpumask.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <axvm/abi.h>
#include <axvm/config_check.h>
#include <axvm/firmware.h>
#include <axvm/hypercall.h>
#include <axvm/ioctl.h>

#include "axvm.h"

int axvm_not_enabled(const char *what)
{
	pr_err("axvm: %s: the hypervisor is not enabled (axvm-ctl enable first)\n",
	       what);
	return -ENODEV;
}

/* What the validator cannot know: does the config fit this machine? */
static int check_system_fits_machine(const struct axvm_system_config *cfg)
{
	const struct axvm_system_desc *sys = &cfg->system;
	unsigned int cpu;
	int err = 0;

	if (sys->platform.num_cpus != nr_cpu_ids) {
		pr_err("axvm: enable: platform.cpus is %u but this machine has %u possible CPUs\n",
		       sys->platform.num_cpus, nr_cpu_ids);
		err = -EINVAL;
	}
	for_each_online_cpu(cpu) {
		if (!axvm_cpu_in_set(cfg->root_cell.cpus, cpu)) {
			pr_err("axvm: enable: root_cell.cpus lacks CPU %u, which Linux has online\n",
			       cpu);
			err = -EINVAL;
		}
	}
	return err ? err : axvm_check_machine(cfg);
}

long axvm_cmd_enable(const void __user *arg)
{
	struct axvm_report report = axvm_kernel_report("enable: system config");
	const struct firmware *fw;
	void *config;
	u32 size;
	int err;

	if (axvm_state.enabled) {
		pr_err("axvm: enable: the hypervisor is already enabled\n");
		return -EBUSY;
	}
	config = axvm_copy_blob(arg, AXVM_CONFIG_MAX_SIZE, "enable: config",
				&size);
	if (IS_ERR(config))
		return PTR_ERR(config);
	err = axvm_check_system_config(config, size, axvm_arch_id, &report);
	if (err)
		goto out_config;
	err = check_system_fits_machine(config);
	if (err)
		goto out_config;

	err = axvm_firmware_load(&fw);
	if (err)
		goto out_config;
	err = axvm_hypervisor_enable(config, size, fw);
	if (!err) {
		axvm_state.enabled = true;
		strscpy(axvm_state.firmware_version,
			((const struct axvm_firmware_header *)fw->data)->version,
			sizeof(axvm_state.firmware_version));
		axvm_state.system_config = config;	/* for checking cells */
		config = NULL;
	}
	release_firmware(fw);
out_config:
	kfree(config);
	return err;
}

long axvm_cmd_disable(void)
{
	if (!axvm_state.enabled)
		return axvm_not_enabled("disable");
	if (axvm_state.num_cells) {
		pr_err("axvm: disable: %u cell%s still exist%s; destroy %s first (axvm-ctl cell list)\n",
		       axvm_state.num_cells, axvm_state.num_cells == 1 ? "" : "s",
		       axvm_state.num_cells == 1 ? "s" : "",
		       axvm_state.num_cells == 1 ? "it" : "them");
		return -EBUSY;
	}
	axvm_cells_disabled();
	axvm_hypervisor_disable();
	axvm_state.enabled = false;
	kfree(axvm_state.system_config);
	axvm_state.system_config = NULL;
	return 0;
}

long axvm_cmd_info(void __user *arg)
{
	struct axvm_info info;

	memset(&info, 0, sizeof(info));
	info.abi_revision = AXVM_ABI_REVISION;
	info.enabled = axvm_state.enabled;
	info.num_cells = axvm_state.num_cells;
	if (info.enabled) {
		info.memory_total = axvm_hypervisor_call(AXVM_HC_MEMORY_INFO, 0, 0);
		info.memory_used = axvm_hypervisor_call(AXVM_HC_MEMORY_INFO, 1, 0);
	}
	info.num_cpus = nr_cpu_ids;
	strscpy(info.version, AXVM_VERSION, sizeof(info.version));
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

