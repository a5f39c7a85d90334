// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI for the cells. Every SMC a cell issues traps (HCR_EL2.TSC); the
 * firmware answers PSCI itself, acting on the calling cell's CPUs only.
 * CPU_OFF parks the CPU inside the hypervisor and CPU_ON wakes it, so the
 * hypervisor never loses a CPU to the platform firmware.
 */
#include <axvm/arch/arm64/hypercall.h>
#include <axvm/cell.h>
#include <hv/cell.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/psci.h>
#include <asm/sysregs.h>
#include <asm/traps.h>


long psci_smc(u64 fn, u64 a1, u64 a2, u64 a3)
{
	register u64 x0 asm("x0") = fn;
	register u64 x1 asm("x1") = a1;
	register u64 x2 asm("x2") = a2;
	register u64 x3 asm("x3") = a3;

	asm volatile("smc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
		     :
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		       "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

/* The CPU of the caller's cell with affinity @mpidr, or NULL. */
static struct per_cpu *cell_cpu(u64 mpidr)
{
	struct per_cpu *cpu = cpu_by_hw_id(mpidr & MPIDR_AFF_MASK);

	return cpu && cpu->cell == this_cpu()->cell ? cpu : NULL;
}

static long cpu_on(u64 mpidr, u64 entry, u64 context)
{
	struct per_cpu *target = cell_cpu(mpidr);

	struct cell *cell = this_cpu()->cell;

	if (!target)
		return PSCI_INVALID_PARAMETERS;
	if (cell != &root_cell &&
	    (__atomic_load_n(&cell->stopping, __ATOMIC_ACQUIRE) ||
	     cell->state != AXVM_CELL_STATE_RUNNING))
		return PSCI_DENIED;	/* the cell is being stopped */
	return cpu_start(target, entry, context) ? PSCI_ALREADY_ON :
						  PSCI_SUCCESS;
}

static long affinity_info(u64 mpidr, u64 level)
{
	struct per_cpu *target = cell_cpu(mpidr);

	if (!target || level)
		return PSCI_INVALID_PARAMETERS;
	return cpu_power_state(target);	/* AFFINITY_INFO's own values */
}

static long features(u64 fn)
{
	switch (fn) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

void psci_handle(struct trap_frame *frame)
{
	u64 fn = (u32)frame->x[0];	/* SMCCC function IDs are W0 */
	long ret;

	this_cpu()->stats[AXVM_EXIT_ARM64_PSCI]++;
	switch (fn) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_FEATURES:
		ret = features(frame->x[1]);
		break;
	case PSCI_CPU_OFF:
		cpu_park(this_cpu());	/* does not return */
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = cpu_on(frame->x[1], frame->x[2], frame->x[3]);
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(frame->x[1], frame->x[2]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT;
		break;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		if (this_cpu()->cell != &root_cell)
			cell_shutdown_self();	/* a cell's "system" is itself */
		/* The root cell owns the machine: its request goes through. */
		printk("root cell: %s\n", fn == PSCI_SYSTEM_OFF ?
		       "system off" : "system reset");
		ret = psci_smc(fn, 0, 0, 0);
		break;
	default:
		ret = PSCI_NOT_SUPPORTED;
	}
	frame->x[0] = (u64)ret;
}
