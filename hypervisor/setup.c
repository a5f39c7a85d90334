// SPDX-License-Identifier: GPL-2.0
/*
 * Start-up: the driver enters CPUs one at a time. The first one copies the
 * system config out of the area the driver wrote (root-cell CPUs not yet
 * entered could still change that area, so only the copy is checked and
 * used), validates it, and sets up the page pool and the firmware's own
 * page tables; every CPU then takes itself over.
 */
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/config_check.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/console.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>
#include <hv/string.h>

#include <asm/layout.h>

extern char __image_start[], __memory_end[];

const struct axvm_system_config *system_config;
static unsigned int cpus_entered;

u64 hypervisor_memory_base(void)
{
	return (u64)(uintptr_t)__image_start;
}

u64 hypervisor_memory_size(void)
{
	return system_config ? system_config->system.hypervisor_size : 0;
}

u64 hypervisor_memory_used(void)
{
	/* Everything but the free pages of the pool. */
	return hypervisor_memory_size() - (page_pool_total() - page_pool_used());
}

struct per_cpu *per_cpu(unsigned int cpu)
{
	return (struct per_cpu *)(uintptr_t)((u64)(uintptr_t)__memory_end +
					     (u64)cpu * AXVM_PERCPU_SIZE);
}

static void quiet(struct axvm_report *report, const char *fmt, va_list args)
{
	(void)report;
	(void)fmt;
	(void)args;
}

/* The config area the driver wrote: after the per-CPU areas. */
static u64 config_area(void)
{
	return (u64)(uintptr_t)per_cpu(AXVM_MAX_CPUS);
}

static int global_init(u64 config_size)
{
	struct axvm_report report = { .message = quiet };
	u64 base = hypervisor_memory_base();
	struct axvm_system_config *copy;
	u64 copy_at, end;
	int err;

	if (config_size < sizeof(struct axvm_system_config) ||
	    config_size > AXVM_CONFIG_MAX_SIZE)
		return -EINVAL;
	/* The copy goes right after the driver's area; the pool follows. */
	copy_at = PAGE_ALIGN(config_area() + config_size);
	copy = (struct axvm_system_config *)(uintptr_t)copy_at;
	memcpy(copy, (void *)(uintptr_t)config_area(), config_size);

	err = axvm_check_system_config(copy, config_size, AXVM_ARCH_NATIVE,
				       &report);
	if (err)
		return err;
	end = copy_at + PAGE_ALIGN(config_size);
	if (copy->system.hypervisor_phys != base ||
	    copy->system.hypervisor_size < end - base + 64 * PAGE_SIZE ||
	    copy->system.platform.num_cpus > AXVM_MAX_CPUS)
		return -EINVAL;

	err = page_pool_init(end, base + copy->system.hypervisor_size);
	if (err)
		return -ENOMEM;
	system_config = copy;
	hypervisor_ring = console_ring_alloc();
	err = hypervisor_ring ? arch_global_init(copy) : -ENOMEM;
	if (!err)
		err = cell_init_root(copy);
	if (!err)
		err = root_map_ring(hypervisor_ring, true);
	if (err) {
		system_config = NULL;
		return err;
	}
	printk("axvm %s: %llu KiB of hypervisor memory at 0x%llx, %u CPUs\n",
	       AXVM_VERSION, (unsigned long long)copy->system.hypervisor_size >> 10,
	       (unsigned long long)base, copy->system.platform.num_cpus);
	return 0;
}

int hypervisor_enter(unsigned int cpu_id, u64 config_size)
{
	struct per_cpu *cpu = this_cpu();
	int err;

	if (!system_config) {
		err = global_init(config_size);
		if (err)
			return err;
	}
	if (cpu_id >= system_config->system.platform.num_cpus || cpu->active)
		return -EINVAL;
	if (!cell_owns_cpu(&root_cell, cpu_id))
		return -EINVAL;
	memset(cpu, 0, sizeof(*cpu));
	cpu->id = cpu_id;
	cpu->cell = &root_cell;
	cpu->power = CPU_RUNNING;
	err = arch_cpu_init(cpu);
	if (err)
		return err;
	__atomic_store_n(&cpu->active, true, __ATOMIC_RELEASE);
	cpus_entered++;
	printk("CPU %u entered (%u in)\n", cpu_id, cpus_entered);
	return 0;
}
