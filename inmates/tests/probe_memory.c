// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: read memory the cell does not own (the root's RAM).
 * The hypervisor must stop the cell (state "failed"); if the read returns,
 * isolation is broken.
 */
#include <inmate.h>

/* 128 MiB into RAM: beyond any cell's 16 MiB, the root's RAM. */
#define OUTSIDE	(INMATE_RAM_BASE + 0x8000000ul)

void inmate_main(void)
{
	volatile u32 *outside = (volatile u32 *)OUTSIDE;

	printk("probe: reading 0x%lx, outside the cell\n", OUTSIDE);
	(void)*outside;
	printk("probe: the read returned\n");
	printk("Test result: FAILURE\n");
}
