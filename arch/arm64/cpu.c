// SPDX-License-Identifier: GPL-2.0
/*
 * CPU control hooks of the arm64 firmware.
 */
#include <hv/arch.h>

void arch_cpu_stop(void)
{
	for (;;)
		asm volatile("msr daifset, #0xf\n\twfi" ::: "memory");
}
