// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/axvm/hypercall_ticks: for `make bench`, the round trip
 * of a null hypercall from the root cell, in counter ticks: 2000 calls of
 * AXVM_HC_VERSION, "samples min avg p99 max". Only while enabled.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <asm/arch_timer.h>

#include <axvm/hypercall.h>

#include "axvm.h"

#define SAMPLES 2000

static struct dentry *bench_dir;

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

static int hypercall_ticks_show(struct seq_file *m, void *unused)
{
	u32 *v;
	u64 sum = 0;
	unsigned long flags;
	int i;

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
	for (i = 0; i < SAMPLES; i++) {
		u64 t0 = __arch_counter_get_cntvct();

		axvm_hypervisor_call(AXVM_HC_VERSION, 0, 0);
		v[i] = (u32)(__arch_counter_get_cntvct() - t0);
	}
	local_irq_restore(flags);
	mutex_unlock(&axvm_state.lock);
	for (i = 0; i < SAMPLES; i++)
		sum += v[i];
	sort(v, SAMPLES, sizeof(*v), cmp_u32, NULL);
	seq_printf(m, "%d %u %llu %u %u\n", SAMPLES, v[0], sum / SAMPLES,
		   v[SAMPLES - SAMPLES / 100 - 1], v[SAMPLES - 1]);
	kfree(v);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hypercall_ticks);

void axvm_bench_init(void)
{
	bench_dir = debugfs_create_dir("axvm", NULL);
	debugfs_create_file("hypercall_ticks", 0400, bench_dir, NULL,
			    &hypercall_ticks_fops);
}

void axvm_bench_exit(void)
{
	debugfs_remove_recursive(bench_dir);
}
