// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI from inside a cell acts on the cell's own CPUs only: switching on
 * or asking about a root CPU (CPU 0) is an invalid parameter, the version
 * is answered, and SYSTEM_OFF ends the cell, not the machine.
 */
#include <inmate.h>

#define PSCI_VERSION		0x84000000ul
#define PSCI_CPU_ON		0xc4000003ul
#define PSCI_AFFINITY_INFO	0xc4000004ul
#define PSCI_INVALID		(-2)

static long psci(unsigned long fn, unsigned long a1, unsigned long a2)
{
	return hvc_call(fn, a1, a2, 0);	/* hvc: the same conduit */
}

void inmate_main(void)
{
	long version = psci(PSCI_VERSION, 0, 0);
	long on = psci(PSCI_CPU_ON, 0 /* CPU 0's MPIDR */, 0x40000000);
	long info = psci(PSCI_AFFINITY_INFO, 0, 0);

	printk("psci: version 0x%lx, CPU_ON(CPU 0) %ld, AFFINITY_INFO(CPU 0) %ld, AFFINITY_INFO(self) %ld\n",
	       version, on, info, psci(PSCI_AFFINITY_INFO, cpu_hw_id() & 0xff, 0));
	test_verdict(version == 0x10001 && on == PSCI_INVALID && info == PSCI_INVALID);
	/* inmate_exit(): PSCI SYSTEM_OFF, which must only end this cell. */
}
