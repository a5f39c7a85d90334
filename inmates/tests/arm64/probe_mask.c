// SPDX-License-Identifier: GPL-2.0
/*
 * Containment probe: a cell that keeps the hypervisor's management
 * interrupt out. Interrupts reach cells directly, so a write to the GIC's
 * Group 1 active priorities (ICC_AP1R0_EL1, bit 0: priority 0 is active)
 * reaches the hardware and holds back every interrupt, the hypervisor's
 * too. The probe does that for HOLD_SECONDS, then lets go; the root must
 * not hang meanwhile (a stop request gives up), and the CPU parks as soon
 * as the interrupt gets in.
 */
#include <inmate.h>

#define HOLD_SECONDS	4

void inmate_main(void)
{
	u64 until = timer_ticks() + HOLD_SECONDS * timer_frequency();

	printk("probe: holding the hypervisor's interrupt out for %u s\n", HOLD_SECONDS);
	asm volatile("msr s3_0_c12_c9_0, %0\n\tisb" : : "r"(1ull));	/* ICC_AP1R0_EL1 */
	while (timer_ticks() < until)
		;
	/* The stop request that waited comes in here: the CPU parks. */
	asm volatile("msr s3_0_c12_c9_0, xzr\n\tisb");
	printk("probe: released, and nobody stopped me\n");
	for (;;)
		cpu_wait();
}
