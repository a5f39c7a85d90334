/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells as the firmware keeps them. The root cell (id 0) is Linux; it is
 * built from the system config at start-up.
 */
#ifndef _HV_CELL_H
#define _HV_CELL_H

#include <axvm/config.h>
#include <axvm/console.h>
#include <hv/paging.h>
#include <hv/types.h>

#include <asm/cell.h>

struct per_cpu;

#define MAX_CELLS 8	/* the root cell included */

/**
 * struct cell - one cell
 * @id:            0 for the root cell.
 * @in_use:        the slot holds a cell.
 * @state:         AXVM_CELL_STATE_*.
 * @desc:          its validated config (memory regions and interrupts
 *                 follow).
 * @config_pages:  pages holding the config copy (0 for the root).
 * @cpus:          the CPUs it owns now.
 * @stage2:        its guest-physical address space.
 * @console:       its console ring.
 * @stopping:      a shutdown, destroy or failure is parking its CPUs:
 *                 PSCI CPU_ON is refused meanwhile. A u32, not a bool:
 *                 it is exchanged atomically, which some architectures
 *                 (riscv64) do natively on words only.
 * @fail_syndrome: for a failed cell: what stopped it...
 * @fail_address:  ...and where.
 * @arch:          the architecture's part.
 */
struct cell {
	unsigned int id;
	bool in_use;
	u32 state;
	const struct axvm_cell_desc *desc;
	unsigned int config_pages;
	__u64 cpus[AXVM_CPU_SET_WORDS];
	struct paging stage2;
	struct axvm_console_ring *console;
	u32 stopping;
	u64 fail_syndrome;
	u64 fail_address;
	struct arch_cell arch;
};

extern struct cell root_cell;

/**
 * cells_lock_acquire() / cells_lock_release() - hold off cell creation and
 * destruction (ownership of CPUs, memory and interrupts stays put).
 */
void cells_lock_acquire(void);
void cells_lock_release(void);

/** cell_by_id() - the cell with @id, or NULL. */
struct cell *cell_by_id(u64 id);

/* The root cell's management of other cells (hypercalls). */
long cell_create(u64 config_phys, u64 size);
long cell_set_loadable(struct cell *cell);
long cell_start(struct cell *cell);
long cell_shutdown(struct cell *cell);
long cell_destroy(struct cell *cell);

/**
 * cell_cpu_parked() - @cpu has just parked: if that was the last running
 * CPU of a running cell (each switched itself off with PSCI CPU_OFF), the
 * cell is shut down.
 */
void cell_cpu_parked(struct per_cpu *cpu);

/** cell_shutdown_self() - the calling CPU's cell shuts itself down. */
void __attribute__((noreturn)) cell_shutdown_self(void);

/**
 * cell_fail() - the calling CPU's cell broke a rule or crashed: stop all
 * of its CPUs and mark it failed. Never returns.
 */
void __attribute__((noreturn)) cell_fail(u64 syndrome, u64 address,
					 const char *why);

/** cell_init_root() - build the root cell from the system config. */
int cell_init_root(const struct axvm_system_config *sys);

/** cell_owns_cpu() - @cpu belongs to @cell. */
static inline bool cell_owns_cpu(const struct cell *cell, unsigned int cpu)
{
	return axvm_cpu_in_set(cell->cpus, cpu);
}

/** cell_owns_irq() - @intid is a shared interrupt @cell owns. */
bool cell_owns_irq(const struct cell *cell, unsigned int intid);
/**
 * cell_set_irq_owner() - @cell's configured interrupts become its own
 * (@take) or the root's again. Call with the cells lock held.
 */
void cell_set_irq_owner(const struct cell *cell, bool take);

/** mem_flags_to_map() - the paging flags for a region's AXVM_MEM_* flags. */
unsigned int mem_flags_to_map(u32 flags);

/** root_flags_at() - how the root cell's config maps physical @phys. */
unsigned int root_flags_at(u64 phys);

/** root_map_ring() - let the root read (@map) a console ring, or not. */
int root_map_ring(struct axvm_console_ring *ring, bool map);

/** cell_map_regions() - map @cell's memory regions into its stage-2. */
int cell_map_regions(struct cell *cell);

/**
 * copy_from_root() - copy @size bytes at physical @phys, which must be
 * the root cell's RAM, into the firmware. 0, -EINVAL or -ENOMEM.
 */
int copy_from_root(void *dst, u64 phys, u64 size);

#endif /* _HV_CELL_H */
