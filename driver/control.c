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

static int not_enabled(const char *what)
{
	pr_err("axvm: %s: the hypervisor is not enabled (axvm-ctl enable first)\n",
	       what);
	return -ENODEV;
}

/* Cell commands: -ENODEV before enable; cells themselves are next. */
static int cells_unavailable(const char *what)
{
	if (!axvm_state.enabled)
		return not_enabled(what);
	pr_err("axvm: %s: cells are not supported by this version yet\n", what);
	return -EOPNOTSUPP;
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
	if (region_intersects(sys->hypervisor_phys, sys->hypervisor_size,
			      IORESOURCE_SYSTEM_RAM, IORES_DESC_NONE) !=
	    REGION_DISJOINT) {
		pr_err("axvm: enable: hypervisor.memory 0x%llx+0x%llx is RAM Linux uses; keep it from Linux (e.g. mem=768M on the reference machine)\n",
		       sys->hypervisor_phys, sys->hypervisor_size);
		err = -EINVAL;
	}
	return err;
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
	}
	release_firmware(fw);
out_config:
	kfree(config);
	return err;
}

long axvm_cmd_disable(void)
{
	if (!axvm_state.enabled)
		return not_enabled("disable");
	axvm_hypervisor_disable();
	axvm_state.enabled = false;
	return 0;
}

long axvm_cmd_cell_create(const void __user *arg)
{
	struct axvm_report report = axvm_kernel_report("cell create: config");
	void *config;
	u32 size;
	int err;

	config = axvm_copy_blob(arg, AXVM_CONFIG_MAX_SIZE,
				"cell create: config", &size);
	if (IS_ERR(config))
		return PTR_ERR(config);
	/* Alone first; against the system and its cells once enabled. */
	err = axvm_check_cell_config(config, size, axvm_arch_id, NULL, &report);
	if (!err)
		err = cells_unavailable("cell create");
	kfree(config);
	return err;
}

static int check_image(const struct axvm_image *img, unsigned int i)
{
	if (img->reserved) {
		pr_err("axvm: cell load: images[%u].reserved is 0x%llx, must be 0\n",
		       i, img->reserved);
		return -EINVAL;
	}
	if (!img->size) {
		pr_err("axvm: cell load: images[%u].size is 0\n", i);
		return -EINVAL;
	}
	if (img->size > AXVM_IMAGE_MAX_SIZE) {
		pr_err("axvm: cell load: images[%u].size %llu exceeds the limit of %u bytes\n",
		       i, img->size, AXVM_IMAGE_MAX_SIZE);
		return -E2BIG;
	}
	if (img->address + img->size < img->address ||
	    img->source + img->size < img->source) {
		pr_err("axvm: cell load: images[%u]: address 0x%llx or source 0x%llx plus size 0x%llx overflows\n",
		       i, img->address, img->source, img->size);
		return -EINVAL;
	}
	return 0;
}

long axvm_cmd_cell_load(const void __user *arg)
{
	struct axvm_cell_load load;
	struct axvm_image *images;
	unsigned int i;
	int err = 0;

	if (copy_from_user(&load, arg, sizeof(load)))
		return -EFAULT;
	if (load.reserved || load.cell.reserved) {
		pr_err("axvm: cell load: reserved fields must be 0\n");
		return -EINVAL;
	}
	if (!load.num_images) {
		pr_err("axvm: cell load: num_images is 0\n");
		return -EINVAL;
	}
	if (load.num_images > AXVM_MAX_IMAGES) {
		pr_err("axvm: cell load: num_images %u exceeds the limit of %u\n",
		       load.num_images, AXVM_MAX_IMAGES);
		return -E2BIG;
	}
	images = memdup_user(u64_to_user_ptr(load.images),
			     load.num_images * sizeof(*images));
	if (IS_ERR(images))
		return PTR_ERR(images);
	for (i = 0; i < load.num_images && !err; i++)
		err = check_image(&images[i], i);
	if (!err)
		err = cells_unavailable("cell load");
	kfree(images);
	return err;
}

/* START, SHUTDOWN and DESTROY: a cell id and nothing else. */
long axvm_cmd_cell_simple(const void __user *arg, unsigned int cmd)
{
	const char *what = cmd == AXVM_IOCTL_CELL_START ? "cell start" :
			   cmd == AXVM_IOCTL_CELL_SHUTDOWN ? "cell shutdown" :
			   "cell destroy";
	u32 id;
	int err;

	err = axvm_copy_cell_id(arg, what, &id);
	if (err)
		return err;
	return cells_unavailable(what);
}

long axvm_cmd_info(void __user *arg)
{
	struct axvm_info info;

	memset(&info, 0, sizeof(info));
	info.abi_revision = AXVM_ABI_REVISION;
	info.enabled = axvm_state.enabled;
	if (info.enabled) {
		info.memory_total = axvm_hypervisor_call(AXVM_HC_MEMORY_INFO, 0, 0);
		info.memory_used = axvm_hypervisor_call(AXVM_HC_MEMORY_INFO, 1, 0);
	}
	info.num_cpus = nr_cpu_ids;
	strscpy(info.version, AXVM_VERSION, sizeof(info.version));
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

long axvm_cmd_cell_list(void __user *arg)
{
	struct axvm_cell_list list;

	if (copy_from_user(&list, arg, sizeof(list)))
		return -EFAULT;
	if (list.max_entries > AXVM_MAX_LIST_ENTRIES) {
		pr_err("axvm: cell list: max_entries %u exceeds the limit of %u\n",
		       list.max_entries, AXVM_MAX_LIST_ENTRIES);
		return -E2BIG;
	}
	/* No cells exist without the hypervisor. */
	list.num_cells = 0;
	return copy_to_user(arg, &list, sizeof(list)) ? -EFAULT : 0;
}

long axvm_cmd_console_read(void __user *arg)
{
	struct axvm_console_read req;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (req.reserved) {
		pr_err("axvm: console: reserved is 0x%llx, must be 0\n",
		       req.reserved);
		return -EINVAL;
	}
	if (!req.size || req.size > AXVM_CONSOLE_READ_MAX) {
		pr_err("axvm: console: size %u, expected 1 to %u\n", req.size,
		       AXVM_CONSOLE_READ_MAX);
		return req.size ? -E2BIG : -EINVAL;
	}
	return cells_unavailable("console");
}
