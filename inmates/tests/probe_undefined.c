// SPDX-License-Identifier: GPL-2.0
/*
 * Containment probe: an undefined instruction. The inmate's exception
 * handler reports the crash; the hypervisor stops the cell as "failed".
 */
#include <inmate.h>

void inmate_main(void)
{
	printk("probe: executing an undefined instruction\n");
	asm volatile(".inst 0x00000000" ::: "memory");	/* UDF #0 */
	printk("probe: it executed\n");
	printk("Test result: FAILURE\n");
}
