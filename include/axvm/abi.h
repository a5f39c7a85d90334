/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The ABI revision shared by driver, firmware and tools. Any change to a
 * binary layout in include/axvm/ bumps it; every blob carries it and every
 * side refuses a blob of another revision.
 */
#ifndef _AXVM_ABI_H
#define _AXVM_ABI_H

#define AXVM_ABI_REVISION	4	/* 4: x86-64: struct axvm_ioapic, the 8250 PIO console */

#endif /* _AXVM_ABI_H */
