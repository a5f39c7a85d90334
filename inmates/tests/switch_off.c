// SPDX-License-Identifier: GPL-2.0
/*
 * A cell whose only CPU switches itself off (PSCI CPU_OFF) instead of
 * switching the cell off: `cell list` must say it is shut down, not
 * running.
 */
#include <inmate.h>

void inmate_main(void)
{
	printk("switch_off: CPU_OFF\n");
	cpu_off();
}
