// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls answered by the core.
 */
#include <axvm/abi.h>
#include <axvm/errno.h>
#include <axvm/hypercall.h>
#include <axvm/ioctl.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/console.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/layout.h>

/* Running (not parked) CPUs under the hypervisor besides the caller. */
static unsigned int other_running_cpus(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (cpu != this_cpu() &&
		    __atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE) &&
		    __atomic_load_n(&cpu->power, __ATOMIC_ACQUIRE) != CPU_PARKED)
			n++;
	}
	return n;
}

/*
 * The driver asks each running CPU to leave, one after the other; the last
 * one also switches off the CPUs Linux had switched off (parked here).
 */
static long cpu_disable(void)
{
	struct per_cpu *cpu = this_cpu();

	if (cpu->cell != &root_cell)
		return -EPERM;
	for (unsigned int id = 1; id < MAX_CELLS; id++)
		if (cell_by_id(id))
			return -EBUSY;	/* cells would outlive us */
	if (!other_running_cpus())
		cpus_release_parked();
	printk("CPU %u leaving\n", cpu->id);
	__atomic_store_n(&cpu->active, false, __ATOMIC_RELEASE);
	arch_cpu_leave(cpu);
}

static long cpu_stats(u64 cpu_id, u64 reason)
{
	struct per_cpu *cpu;

	if (cpu_id >= AXVM_MAX_CPUS || reason >= NUM_EXIT_REASONS)
		return -EINVAL;
	cpu = per_cpu((unsigned int)cpu_id);
	return cpu->active ? (long)cpu->stats[reason] : -ENOENT;
}

/* The ring's physical address, for the root to map read-only. */
static long console_ring(u64 id)
{
	struct cell *cell;

	if (id == AXVM_CONSOLE_OF_HYPERVISOR)
		return (long)(uintptr_t)hypervisor_ring;
	cell = cell_by_id(id);
	return cell && cell != &root_cell ? (long)(uintptr_t)cell->console :
					    -ENOENT;
}

static long cell_info(struct cell *cell, u64 what)
{
	switch (what) {
	case AXVM_CELL_INFO_FAIL_SYNDROME:
		return (long)cell->fail_syndrome;
	case AXVM_CELL_INFO_FAIL_ADDRESS:
		return (long)cell->fail_address;
	default:
		return -EINVAL;
	}
}

/* AXVM_HC_CPU_GET_STATE: the CPU @hw_id of the caller's cell. */
static long cpu_state(u64 hw_id)
{
	struct per_cpu *t = cpu_by_hw_id(hw_id);

	return t && t->cell == this_cpu()->cell ? cpu_power_state(t) : -EINVAL;
}

/* Hypercalls any cell but the root may make. */
static long cell_hypercall(u64 code, u64 arg1, u64 arg2)
{
	struct per_cpu *cpu = this_cpu();

	switch (code) {
	case AXVM_HC_VERSION:
		return AXVM_ABI_REVISION;
	case AXVM_HC_CONSOLE_PUTC:
		if (cpu->cell->console)
			console_ring_putc(cpu->cell->console, (char)arg1);
		return 0;
	case AXVM_HC_CELL_SHUTDOWN_SELF:
		cell_shutdown_self();
	case AXVM_HC_CELL_FAIL_SELF:
		cell_fail(arg1, arg2, "it reported a crash");
	case AXVM_HC_CPU_OFF:
		cpu_park(cpu);	/* does not return */
	case AXVM_HC_CPU_GET_STATE:
		return cpu_state(arg1);
	default:
		/* Management is the root cell's alone: a rule broken. */
		if (code >= AXVM_HC_DISABLE && code <= AXVM_HC_LAST)
			cell_fail(code, arg1, "management hypercall from a cell");
		return AXVM_HC_NOT_SUPPORTED;	/* nobody's number: nothing happened */
	}
}

/* The root cell's management of cells, by id. */
static long manage_cell(u64 code, u64 id)
{
	struct cell *cell = cell_by_id(id);

	if (!cell || cell == &root_cell)
		return -ENOENT;
	switch (code) {
	case AXVM_HC_CELL_SET_LOADABLE:
		return cell_set_loadable(cell);
	case AXVM_HC_CELL_START:
		return cell_start(cell);
	case AXVM_HC_CELL_SHUTDOWN:
		return cell_shutdown(cell);
	case AXVM_HC_CELL_DESTROY:
		return cell_destroy(cell);
	default:	/* AXVM_HC_CELL_GET_STATE */
		return cell->state;
	}
}

long hypercall(u64 code, u64 arg1, u64 arg2)
{
	this_cpu()->stats[EXIT_HYPERCALL]++;
	if (this_cpu()->cell != &root_cell)
		return cell_hypercall(code, arg1, arg2);
	switch (code) {
	case AXVM_HC_VERSION:
		return AXVM_ABI_REVISION;
	case AXVM_HC_CELL_CREATE:
		return cell_create(arg1, arg2);
	case AXVM_HC_CELL_SET_LOADABLE:
	case AXVM_HC_CELL_START:
	case AXVM_HC_CELL_SHUTDOWN:
	case AXVM_HC_CELL_DESTROY:
	case AXVM_HC_CELL_GET_STATE:
		return manage_cell(code, arg1);
	case AXVM_HC_CELL_GET_INFO:
		return cell_by_id(arg1) && arg1 ? cell_info(cell_by_id(arg1), arg2) :
						  -ENOENT;
	case AXVM_HC_CONSOLE_RING:
		return console_ring(arg1);
	case AXVM_HC_DISABLE:
		return cpu_disable();
	case AXVM_HC_MEMORY_INFO:
		return arg1 ? (long)hypervisor_memory_used() :
			      (long)hypervisor_memory_size();
	case AXVM_HC_CPU_STATS:
		return cpu_stats(arg1, arg2);
	case AXVM_HC_CPU_PARK:
		return cpu_park_offline(arg1);
	default:
		return -ENOSYS;
	}
}
