/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells as the firmware keeps them. The root cell (id 0) is Linux; it is
 * built from the system config at start-up.
 */
#ifndef _HV_CELL_H
#define _HV_CELL_H

#include <axvm/config.h>
#include <hv/paging.h>
#include <hv/types.h>

#include <asm/cell.h>

/**
 * struct cell - one cell
 * @id:     0 for the root cell.
 * @desc:   its validated config (memory regions and interrupts follow).
 * @cpus:   the CPUs it owns now.
 * @stage2: its guest-physical address space.
 * @arch:   the architecture's part.
 */
struct cell {
	unsigned int id;
	const struct axvm_cell_desc *desc;
	__u64 cpus[AXVM_CPU_SET_WORDS];
	struct paging stage2;
	struct arch_cell arch;
};

extern struct cell root_cell;

/** cell_init_root() - build the root cell from the system config. */
int cell_init_root(const struct axvm_system_config *sys);

/** cell_owns_cpu() - @cpu belongs to @cell. */
static inline bool cell_owns_cpu(const struct cell *cell, unsigned int cpu)
{
	return axvm_cpu_in_set(cell->cpus, cpu);
}

/** cell_owns_irq() - @intid is a shared interrupt @cell owns. */
bool cell_owns_irq(const struct cell *cell, unsigned int intid);

/** mem_flags_to_map() - the paging flags for a region's AXVM_MEM_* flags. */
unsigned int mem_flags_to_map(u32 flags);

#endif /* _HV_CELL_H */
