// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: read memory the cell does not own (the root's RAM).
 * The hypervisor must stop the cell (state "failed"); if the read returns,
 * isolation is broken.
 */
#include <inmate.h>

void inmate_main(void)
{
	volatile u32 *outside = (volatile u32 *)0x48000000ul;

	printk("probe: reading 0x48000000, outside the cell\n");
	(void)*outside;
	printk("probe: the read returned\n");
	printk("Test result: FAILURE\n");
}
