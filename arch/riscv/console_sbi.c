// SPDX-License-Identifier: GPL-2.0
/*
 * The debug console through the platform's SBI (its legacy console
 * putchar): the M-mode firmware owns the UART's polling, and the root's
 * own UART driver is never raced at the register level.
 */
#include <axvm/config.h>
#include <hv/arch.h>
#include <hv/control.h>

#include <asm/sbi.h>

void arch_console_putc(char c)
{
	if (system_config &&
	    system_config->system.debug_console.type != AXVM_CONSOLE_SBI)
		return;
	sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (u8)c, 0, 0, 0, 0, 0);
}
