// SPDX-License-Identifier: GPL-2.0
/*
 * A cell that sleeps: interrupts masked, no timer, wfi for ever. Destroy
 * must not depend on it waking up (hostile_test times it).
 */
#include <inmate.h>

void inmate_main(void)
{
	irq_disable();
	timer_stop();
	printk("sleeper: asleep\n");
	for (;;)
		cpu_wait();
}
