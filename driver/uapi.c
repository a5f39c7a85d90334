// SPDX-License-Identifier: GPL-2.0
/*
 * Copying ioctl arguments in. Every argument is read from user space
 * exactly once into kernel memory and only that copy is checked and used,
 * so that a second thread changing the original cannot slip anything past
 * a check.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <axvm/ioctl.h>

#include "axvm.h"

/**
 * axvm_copy_blob() - copy a struct axvm_blob and the bytes it points at
 * @arg:      the user's struct axvm_blob.
 * @max_size: larger blobs get -E2BIG.
 * @what:     names the command in messages.
 * @size:     receives the blob's size.
 *
 * Return: a kmalloc'ed copy, or an ERR_PTR: -EFAULT, -EINVAL (reserved
 * field set, zero size), -E2BIG.
 */
void *axvm_copy_blob(const void __user *arg, u32 max_size, const char *what,
		     u32 *size)
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

/**
 * axvm_copy_cell_id() - copy a struct axvm_cell_id
 * @arg:  the user's struct.
 * @what: names the command in messages.
 * @id:   receives the id.
 *
 * Return: 0, -EFAULT or -EINVAL (reserved field set).
 */
int axvm_copy_cell_id(const void __user *arg, const char *what, u32 *id)
{
	struct axvm_cell_id cell;

	if (copy_from_user(&cell, arg, sizeof(cell)))
		return -EFAULT;
	if (cell.reserved) {
		pr_err("axvm: %s: reserved is 0x%x, must be 0\n", what,
		       cell.reserved);
		return -EINVAL;
	}
	*id = cell.id;
	return 0;
}
