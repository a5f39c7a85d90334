// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: interrupt every other CPU (the root's, and another
 * cell's) with IPI_IRQ, one by one and as "everyone". The hypervisor must
 * drop them all: the other cell (rtos) counts every interrupt that is not
 * its timer.
 */
#include <inmate.h>

/* QEMU virt's CPUs have hardware ids 0-3 (MPIDR Aff0, hart ids). */
#define MACHINE_CPUS	4

void inmate_main(void)
{
	u64 me = cpu_hw_id();

	for (int i = 0; i < 10; i++) {
		for (u64 cpu = 0; cpu < MACHINE_CPUS; cpu++)
			if (cpu != me)
				ipi_send(cpu);
		ipi_broadcast();
	}
	printk("probe: sent IPIs to the other CPUs 10 times each, and 10 to everyone\n");
	printk("Test result: SUCCESS\n");
}
