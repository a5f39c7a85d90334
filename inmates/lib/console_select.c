// SPDX-License-Identifier: GPL-2.0
/*
 * Where an inmate's console goes: through the axvm console hypercall
 * when it runs in a cell (the hypervisor answers AXVM_HC_VERSION), to the
 * platform's own console when it runs alone on the machine (arm64: the
 * PL011; riscv64: the SBI console; there the same call reaches the
 * platform's firmware and is refused).
 */
#include <axvm/abi.h>
#include <axvm/hypercall.h>
#include <inmate.h>

static enum { UNKNOWN, HYPERCALL, UART } console_kind;

bool in_cell(void)
{
	if (console_kind == UNKNOWN)
		console_kind = hypercall(AXVM_HC_VERSION, 0, 0) ==
			AXVM_ABI_REVISION ? HYPERCALL : UART;
	return console_kind == HYPERCALL;
}

void console_putc(char c)
{
	if (in_cell())
		hypercall(AXVM_HC_CONSOLE_PUTC, (unsigned char)c, 0);
	else
		bare_console_putc(c);
}
