// SPDX-License-Identifier: GPL-2.0
/*
 * axvm: the Linux side of the axvm partitioning hypervisor.
 *
 * /dev/axvm takes the commands of include/axvm/ioctl.h. Each argument is
 * copied from user space once, checked, then used; every command holds the
 * one driver mutex.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include <axvm/ioctl.h>

#include "axvm.h"

struct axvm_state axvm_state = {
	.lock = __MUTEX_INITIALIZER(axvm_state.lock),
	.cells = LIST_HEAD_INIT(axvm_state.cells),
};

static long axvm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	long err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (_IOC_TYPE(cmd) != AXVM_IOCTL_TYPE)
		return -ENOTTY;

	if (mutex_lock_interruptible(&axvm_state.lock))
		return -EINTR;
	switch (cmd) {
	case AXVM_IOCTL_ENABLE:
		err = axvm_cmd_enable(uarg);
		break;
	case AXVM_IOCTL_DISABLE:
		err = axvm_cmd_disable();
		break;
	case AXVM_IOCTL_CELL_CREATE:
		err = axvm_cmd_cell_create(uarg);
		break;
	case AXVM_IOCTL_CELL_LOAD:
		err = axvm_cmd_cell_load(uarg);
		break;
	case AXVM_IOCTL_CELL_START:
	case AXVM_IOCTL_CELL_SHUTDOWN:
	case AXVM_IOCTL_CELL_DESTROY:
		err = axvm_cmd_cell_simple(uarg, cmd);
		break;
	case AXVM_IOCTL_INFO:
		err = axvm_cmd_info(uarg);
		break;
	case AXVM_IOCTL_CELL_LIST:
		err = axvm_cmd_cell_list(uarg);
		break;
	case AXVM_IOCTL_CONSOLE_READ:
		err = axvm_cmd_console_read(uarg);
		break;
	default:
		err = -ENOTTY;
		break;
	}
	mutex_unlock(&axvm_state.lock);
	return err;
}

static const struct file_operations axvm_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = axvm_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice axvm_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "axvm",
	.fops = &axvm_fops,
	.mode = 0600,
};

static int __init axvm_init(void)
{
	int err;

	err = axvm_resolve_symbols(axvm_arch_symbols, axvm_arch_symbol_count);
	if (err)
		return err;

	err = axvm_sysfs_init();
	if (err)
		return err;

	err = misc_register(&axvm_misc);
	if (err) {
		pr_err("axvm: cannot register /dev/axvm (error %d)\n", err);
		goto err_sysfs;
	}
	axvm_firmware_set_device(axvm_misc.this_device);
	axvm_bench_init();

	pr_info("axvm: version %s loaded; /dev/axvm ready\n", AXVM_VERSION);
	return 0;

err_sysfs:
	axvm_sysfs_exit();
	return err;
}

static void __exit axvm_exit(void)
{
	axvm_bench_exit();
	misc_deregister(&axvm_misc);
	axvm_sysfs_exit();
	pr_info("axvm: unloaded\n");
}

module_init(axvm_init);
module_exit(axvm_exit);

MODULE_DESCRIPTION("axvm static partitioning hypervisor: Linux driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(AXVM_VERSION);
