// SPDX-License-Identifier: GPL-2.0
/*
 * Reading root-cell memory from the firmware (configs handed over by
 * hypercall). Only the root's RAM qualifies, never a device or the
 * hypervisor's own memory; the pages are mapped for the copy only.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/string.h>

static bool in_root_ram(u64 phys, u64 size)
{
	const struct axvm_memory_region *mem =
		axvm_cell_memory_regions(root_cell.desc);
	unsigned int i;

	if (phys + size < phys)
		return false;
	for (i = 0; i < root_cell.desc->num_memory_regions; i++)
		if (!(mem[i].flags & AXVM_MEM_IO) && phys >= mem[i].phys_start &&
		    phys - mem[i].phys_start + size <= mem[i].size)
			return true;
	return false;
}

int copy_from_root(void *dst, u64 phys, u64 size)
{
	u64 start = phys & ~PAGE_MASK, len = PAGE_ALIGN(phys + size) - start;
	int err;

	if (!size || !in_root_ram(phys, size))
		return -EINVAL;
	err = arch_map_hypervisor(start, len);
	if (err)
		return err;
	memcpy(dst, (const void *)(uintptr_t)phys, size);
	arch_unmap_hypervisor(start, len);
	return 0;
}
