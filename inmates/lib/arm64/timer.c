// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual timer (PPI 27) for inmates.
 */
#include <inmate.h>

void timer_arm(u64 deadline)
{
	asm volatile("msr cntv_cval_el0, %0\n\t"
		     "msr cntv_ctl_el0, %1\n\tisb"
		     : : "r"(deadline), "r"(1ull) : "memory");
}

void timer_stop(void)
{
	asm volatile("msr cntv_ctl_el0, %0\n\tisb" : : "r"(0ull) : "memory");
}
