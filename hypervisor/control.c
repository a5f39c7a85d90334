// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls answered by the core.
 */
#include <axvm/abi.h>
#include <axvm/errno.h>
#include <axvm/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
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

long hypercall(u64 code, u64 arg1, u64 arg2)
{
	this_cpu()->stats[EXIT_HYPERCALL]++;
	if (this_cpu()->cell != &root_cell && code >= AXVM_HC_DISABLE)
		return -EPERM;	/* management is the root cell's alone */
	switch (code) {
	case AXVM_HC_VERSION:
		return AXVM_ABI_REVISION;
	case AXVM_HC_DISABLE:
		return cpu_disable();
	case AXVM_HC_MEMORY_INFO:
		return arg1 ? (long)hypervisor_memory_used() :
			      (long)hypervisor_memory_size();
	case AXVM_HC_CPU_STATS:
		return cpu_stats(arg1, arg2);
	default:
		return -ENOSYS;
	}
}
