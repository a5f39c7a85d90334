// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: interrupt every other CPU (the root's, and another
 * cell's) with SGI 7, by target list and as "everyone but me". The
 * hypervisor must drop them all: the other cell (rtos) counts every
 * interrupt that is not its timer.
 */
#include <inmate.h>

void inmate_main(void)
{
	u64 to_cpus_0_1 = (7ull << 24) | 0x7;		/* INTID 7, CPUs 0-2 */
	u64 to_all_others = (7ull << 24) | (1ull << 40);	/* IRM */

	for (int i = 0; i < 10; i++) {
		asm volatile("msr s3_0_c12_c11_5, %0" : : "r"(to_cpus_0_1));
		asm volatile("msr s3_0_c12_c11_5, %0" : : "r"(to_all_others));
	}
	asm volatile("isb");
	printk("probe: sent SGI 7 to the other CPUs 20 times\n");
	printk("Test result: SUCCESS\n");
}
