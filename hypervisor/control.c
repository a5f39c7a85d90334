// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls answered by the core.
 */
#include <axvm/abi.h>
#include <axvm/errno.h>
#include <axvm/hypercall.h>
#include <hv/arch.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>

static long cpu_disable(void)
{
	struct per_cpu *cpu = this_cpu();

	printk("CPU %u leaving\n", cpu->id);
	cpu->active = false;
	arch_cpu_leave(cpu);
}

long hypercall(u64 code, u64 arg1)
{
	(void)arg1;
	this_cpu()->stats[EXIT_HYPERCALL]++;
	switch (code) {
	case AXVM_HC_VERSION:
		return AXVM_ABI_REVISION;
	case AXVM_HC_DISABLE:
		return cpu_disable();
	case AXVM_HC_MEMORY_INFO:
		return arg1 ? (long)page_pool_used() : (long)page_pool_total();
	default:
		return -ENOSYS;
	}
}
