// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing the firmware in under Linux and taking it out again.
 *
 * Enable: claim the hypervisor memory named by the system config, copy the
 * firmware image and the config into it, then enter the firmware on every
 * online CPU, one CPU at a time (no CPU ever waits for another inside the
 * firmware). A CPU that fails makes every CPU already in leave again, so
 * Linux goes on as before. Disable: every CPU leaves.
 */
#include <linux/cpu.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/smp.h>
#include <linux/string.h>

#include <linux/mm.h>

#include <axvm/config.h>
#include <axvm/firmware.h>

#include "axvm.h"

static struct resource *hv_region;
static void *hv_mem;

/*
 * Fault injection for the tests: entering this CPU fails as if the
 * firmware had refused it, so that the unwinding can be seen to work.
 */
static int test_fail_cpu = -1;
module_param(test_fail_cpu, int, 0600);
MODULE_PARM_DESC(test_fail_cpu,
		 "testing only: make entering this CPU fail (-1: none)");

struct cpu_call {
	long (*fn)(unsigned int cpu, const struct axvm_hv_layout *layout);
	const struct axvm_hv_layout *layout;
	long result;
};

static void cpu_call_fn(void *arg)
{
	struct cpu_call *call = arg;

	call->result = call->fn(smp_processor_id(), call->layout);
}

static long call_on_cpu(unsigned int cpu,
			long (*fn)(unsigned int, const struct axvm_hv_layout *),
			const struct axvm_hv_layout *layout)
{
	struct cpu_call call = { .fn = fn, .layout = layout };
	int err = smp_call_function_single(cpu, cpu_call_fn, &call, 1);

	return err ? err : call.result;
}

static void leave_cpus(const struct cpumask *cpus)
{
	unsigned int cpu;
	long err;

	for_each_cpu(cpu, cpus) {
		err = call_on_cpu(cpu, axvm_arch_leave_cpu, NULL);
		if (err)
			pr_err("axvm: CPU %u did not leave the hypervisor (error %ld)\n",
			       cpu, err);
	}
}

static void release_memory(void)
{
	axvm_arch_release();
	memunmap(hv_mem);
	hv_mem = NULL;
	release_mem_region(hv_region->start, resource_size(hv_region));
	hv_region = NULL;
}

static int claim_memory(const struct axvm_system_desc *sys,
			const struct firmware *fw, const void *config,
			u32 config_size, struct axvm_hv_layout *layout)
{
	const struct axvm_firmware_header *hdr = (const void *)fw->data;
	u64 needed = hdr->config_offset + 2 * PAGE_ALIGN(config_size) +
		     AXVM_HV_MIN_POOL;
	int err;

	if (sys->hypervisor_size < needed) {
		pr_err("axvm: enable: hypervisor.memory.size 0x%llx is too small; this firmware and config need at least 0x%llx\n",
		       sys->hypervisor_size, needed);
		return -EINVAL;
	}
	if (sys->platform.num_cpus > hdr->max_cpus) {
		pr_err("axvm: enable: platform.cpus is %u, the firmware supports %u\n",
		       sys->platform.num_cpus, hdr->max_cpus);
		return -EINVAL;
	}
	hv_region = request_mem_region(sys->hypervisor_phys, sys->hypervisor_size,
				       "axvm hypervisor");
	if (!hv_region) {
		pr_err("axvm: enable: hypervisor.memory 0x%llx+0x%llx is busy (another driver claimed it; see /proc/iomem)\n",
		       sys->hypervisor_phys, sys->hypervisor_size);
		return -EBUSY;
	}
	hv_mem = memremap(sys->hypervisor_phys, sys->hypervisor_size,
			  MEMREMAP_WB);
	if (!hv_mem) {
		pr_err("axvm: enable: cannot map hypervisor memory 0x%llx+0x%llx\n",
		       sys->hypervisor_phys, sys->hypervisor_size);
		release_mem_region(sys->hypervisor_phys, sys->hypervisor_size);
		hv_region = NULL;
		return -ENOMEM;
	}
	/* A fresh image every time: code, data, zeroed bss and per-CPU. */
	memset(hv_mem, 0, hdr->config_offset + PAGE_ALIGN(config_size));
	memcpy(hv_mem, fw->data, fw->size);
	memcpy(hv_mem + hdr->config_offset, config, config_size);
	/* The firmware starts with its MMU off: make it all reach memory. */
	axvm_arch_flush(hv_mem, sys->hypervisor_size);

	layout->phys = sys->hypervisor_phys;
	layout->mem = hv_mem;
	layout->entry = sys->hypervisor_phys + hdr->entry_offset;
	layout->config_size = config_size;
	err = axvm_arch_prepare(layout, sys->hypervisor_size);
	if (err)
		release_memory();
	return err;
}

int axvm_hypervisor_enable(const struct axvm_system_config *cfg,
			   u32 config_size, const struct firmware *fw)
{
	struct axvm_hv_layout layout;
	cpumask_var_t entered;
	unsigned int cpu;
	long err;

	if (!zalloc_cpumask_var(&entered, GFP_KERNEL))
		return -ENOMEM;
	err = claim_memory(&cfg->system, fw, cfg, config_size, &layout);
	if (err)
		goto out_mask;

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		if ((int)cpu == READ_ONCE(test_fail_cpu))
			err = -EIO;
		else
			err = call_on_cpu(cpu, axvm_arch_enter_cpu, &layout);
		if (err) {
			pr_err("axvm: enable: CPU %u could not enter the hypervisor (error %ld); leaving again on every CPU\n",
			       cpu, err);
			leave_cpus(entered);
			break;
		}
		cpumask_set_cpu(cpu, entered);
	}
	cpus_read_unlock();
	if (err) {
		release_memory();
		goto out_mask;
	}
	__module_get(THIS_MODULE);	/* no unloading while enabled */
	if (axvm_modules_guard())
		pr_warn("axvm: cannot watch module loading: keep KVM unloaded while enabled\n");
	pr_info("axvm: hypervisor enabled on %u CPUs\n", cpumask_weight(entered));
out_mask:
	free_cpumask_var(entered);
	return (int)err;
}

void axvm_hypervisor_disable(void)
{
	cpus_read_lock();
	leave_cpus(cpu_online_mask);
	cpus_read_unlock();
	release_memory();
	axvm_modules_unguard();
	module_put(THIS_MODULE);
	pr_info("axvm: hypervisor disabled\n");
}

long axvm_hypervisor_call(u64 code, u64 arg1, u64 arg2)
{
	return axvm_arch_hypercall(code, arg1, arg2);
}
