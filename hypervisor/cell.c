// SPDX-License-Identifier: GPL-2.0
/*
 * Building cells: each gets its own stage-2 address space from its memory
 * regions, plus whatever devices the architecture passes through.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>

#include <asm/irq.h>

struct cell root_cell;

unsigned int mem_flags_to_map(u32 flags)
{
	unsigned int map = 0;

	if (flags & AXVM_MEM_READ)
		map |= MAP_READ;
	if (flags & AXVM_MEM_WRITE)
		map |= MAP_WRITE;
	if (flags & AXVM_MEM_EXECUTE)
		map |= MAP_EXEC;
	if (flags & AXVM_MEM_IO)
		map |= MAP_DEVICE;
	return map;
}

/*
 * Who owns each shared interrupt, by cell id (0: the root cell, which owns
 * every interrupt no other cell does). Written under the cells lock when a
 * cell comes and goes; read by every distributor access, so a lookup is an
 * index, not a walk of every cell's interrupt list.
 */
/* The owner of each interrupt the architecture numbers (0: the root). */
static u8 irq_owner[ARCH_NUM_IRQS];

void cell_set_irq_owner(const struct cell *cell, bool take)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell->desc);
	unsigned int i, intid;

	for (i = 0; i < cell->desc->num_irq_ranges; i++)
		for (intid = irq[i].first;
		     intid - irq[i].first < irq[i].count && intid < ARCH_NUM_IRQS; intid++)
			__atomic_store_n(&irq_owner[intid], take ? (u8)cell->id : 0,
					 __ATOMIC_RELEASE);
}

bool cell_owns_irq(const struct cell *cell, unsigned int intid)
{
	if (intid >= ARCH_NUM_IRQS)
		return cell == &root_cell;
	return __atomic_load_n(&irq_owner[intid], __ATOMIC_ACQUIRE) == cell->id;
}

int cell_map_regions(struct cell *cell)
{
	const struct axvm_memory_region *mem =
		axvm_cell_memory_regions(cell->desc);
	unsigned int i;
	int err;

	for (i = 0; i < cell->desc->num_memory_regions; i++) {
		err = paging_map(&cell->stage2, mem[i].virt_start,
				 mem[i].phys_start, mem[i].size,
				 mem_flags_to_map(mem[i].flags));
		if (err)
			return err;
	}
	return 0;
}

unsigned int root_flags_at(u64 phys)
{
	const struct axvm_memory_region *mem =
		axvm_cell_memory_regions(root_cell.desc);
	unsigned int i;

	for (i = 0; i < root_cell.desc->num_memory_regions; i++)
		if (phys >= mem[i].phys_start &&
		    phys - mem[i].phys_start < mem[i].size)
			return mem_flags_to_map(mem[i].flags);
	return MAP_RW;
}

int cell_init_root(const struct axvm_system_config *sys)
{
	struct cell *cell = &root_cell;
	int err;

	cell->id = 0;
	cell->desc = &sys->root_cell;
	for (unsigned int w = 0; w < AXVM_CPU_SET_WORDS; w++)
		cell->cpus[w] = sys->root_cell.cpus[w];
	err = arch_cell_create(cell);
	if (err)
		return err;
	err = cell_map_regions(cell);
	if (!err)
		err = arch_cell_map_devices(cell);
	if (err)
		arch_cell_destroy(cell);
	return err;
}
