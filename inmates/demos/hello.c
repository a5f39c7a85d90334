// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the smallest inmate. Prints a greeting and the timer it found,
 * then switches off.
 */
#include <inmate.h>

void inmate_main(void)
{
	u64 freq = timer_frequency();
	u64 start = timer_ticks();

	printk("Hello from an axvm inmate\n");
	printk("timer: %llu Hz, counter at %llu\n",
	       (unsigned long long)freq, (unsigned long long)start);
	printk("Test result: SUCCESS\n");
}
