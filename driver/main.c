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
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <axvm/firmware.h>
#include <axvm/ioctl.h>

#include "axvm.h"

struct axvm_state axvm_state = {
	.lock = __MUTEX_INITIALIZER(axvm_state.lock),
};

/*
 * Copy a blob argument: the descriptor, then the bytes it points at, each
 * exactly once. @what names the command for the error message.
 */
static void *axvm_copy_blob(const void __user *arg, u32 max_size,
			    const char *what, u32 *size)
{
	struct axvm_blob blob;
	void *data;

	if (copy_from_user(&blob, arg, sizeof(blob)))
		return ERR_PTR(-EFAULT);
	if (blob.reserved) {
		pr_err("axvm: %s: reserved is 0x%x, must be 0\n", what,
		       blob.reserved);
		return ERR_PTR(-EINVAL);
	}
	if (blob.size == 0) {
		pr_err("axvm: %s: size is 0\n", what);
		return ERR_PTR(-EINVAL);
	}
	if (blob.size > max_size) {
		pr_err("axvm: %s: size %u exceeds the limit of %u bytes\n",
		       what, blob.size, max_size);
		return ERR_PTR(-E2BIG);
	}
	data = memdup_user(u64_to_user_ptr(blob.address), blob.size);
	if (IS_ERR(data))
		return data;
	*size = blob.size;
	return data;
}

static long axvm_cmd_enable(const void __user *arg)
{
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

	err = axvm_firmware_load(&fw);
	if (err)
		goto out_config;

	/* Entering EL2 comes with the enable issue; say so plainly. */
	pr_err("axvm: enable: firmware %s (%s) is valid, but entering the hypervisor is not implemented in this version\n",
	       axvm_firmware_name(),
	       ((const struct axvm_firmware_header *)fw->data)->version);
	err = -EOPNOTSUPP;

	release_firmware(fw);
out_config:
	kfree(config);
	return err;
}

static long axvm_cmd_disable(void)
{
	if (!axvm_state.enabled) {
		pr_err("axvm: disable: the hypervisor is not enabled\n");
		return -EINVAL;
	}
	return -EOPNOTSUPP;
}

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

	pr_info("axvm: version %s loaded; /dev/axvm ready\n", AXVM_VERSION);
	return 0;

err_sysfs:
	axvm_sysfs_exit();
	return err;
}

static void __exit axvm_exit(void)
{
	misc_deregister(&axvm_misc);
	axvm_sysfs_exit();
	pr_info("axvm: unloaded\n");
}

module_init(axvm_init);
module_exit(axvm_exit);

MODULE_DESCRIPTION("axvm static partitioning hypervisor: Linux driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(AXVM_VERSION);
