// SPDX-License-Identifier: GPL-2.0
/*
 * Containment probe: an undefined instruction. The inmate's exception
 * handler reports the crash; the hypervisor stops the cell as "failed".
 */
#include <inmate.h>

void inmate_main(void)
{
	printk("probe: executing an undefined instruction\n");
	UNDEFINED_INSTRUCTION();
	printk("probe: it executed\n");
	printk("Test result: FAILURE\n");
}
