// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/axvm/hypercall_{ticks,instructions}: for `make bench`,
 * the round trip of a null hypercall from the root cell, in counter ticks
 * and in instructions retired (EL1 and EL2): 2000 calls of AXVM_HC_VERSION
 * with interrupts off, "samples min avg p99 max". Only while enabled;
 * instructions only where the PMU counts them (QEMU: -icount).
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include <axvm/hypercall.h>

#include "axvm.h"

#define SAMPLES 2000

static struct dentry *bench_dir;

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

static void null_hypercall(void)
{
	axvm_hypervisor_call(AXVM_HC_VERSION, 0, 0);
}

static int count_ticks(u32 *v, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		u64 t0 = axvm_arch_ticks();

		null_hypercall();
		v[i] = (u32)(axvm_arch_ticks() - t0);
	}
	return 0;
}

static int hypercall_show(struct seq_file *m, bool instructions)
{
	unsigned long flags;
	u64 sum = 0;
	u32 *v;
	int i, err;

	if (mutex_lock_interruptible(&axvm_state.lock))
		return -EINTR;
	if (!axvm_state.enabled) {
		mutex_unlock(&axvm_state.lock);
		return -ENODEV;
	}
	v = kmalloc_array(SAMPLES, sizeof(*v), GFP_KERNEL);
	if (!v) {
		mutex_unlock(&axvm_state.lock);
		return -ENOMEM;
	}
	local_irq_save(flags);
	if (instructions)
		err = axvm_arch_count_instructions(null_hypercall, v, SAMPLES);
	else
		err = count_ticks(v, SAMPLES);
	local_irq_restore(flags);
	mutex_unlock(&axvm_state.lock);
	if (err) {
		kfree(v);
		return err;
	}
	for (i = 0; i < SAMPLES; i++)
		sum += v[i];
	sort(v, SAMPLES, sizeof(*v), cmp_u32, NULL);
	seq_printf(m, "%d %u %llu %u %u\n", SAMPLES, v[0], sum / SAMPLES,
		   v[SAMPLES - SAMPLES / 100 - 1], v[SAMPLES - 1]);
	kfree(v);
	return 0;
}

static int hypercall_ticks_show(struct seq_file *m, void *unused)
{
	return hypercall_show(m, false);
}
DEFINE_SHOW_ATTRIBUTE(hypercall_ticks);

static int hypercall_instructions_show(struct seq_file *m, void *unused)
{
	return hypercall_show(m, true);
}
DEFINE_SHOW_ATTRIBUTE(hypercall_instructions);

void axvm_bench_init(void)
{
	bench_dir = debugfs_create_dir("axvm", NULL);
	debugfs_create_file("hypercall_ticks", 0400, bench_dir, NULL,
			    &hypercall_ticks_fops);
	debugfs_create_file("hypercall_instructions", 0400, bench_dir, NULL,
			    &hypercall_instructions_fops);
}

void axvm_bench_exit(void)
{
	debugfs_remove_recursive(bench_dir);
}
