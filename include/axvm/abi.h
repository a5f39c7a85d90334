/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The ABI revision shared by driver, firmware and tools. Any change to a
 * binary layout in include/axvm/ bumps it; every blob carries it and every
 * side refuses a blob of another revision.
 */
#ifndef _AXVM_ABI_H
#define _AXVM_ABI_H

#define AXVM_ABI_REVISION	3	/* 3: riscv64: struct axvm_plic, the SBI console */

#endif /* _AXVM_ABI_H */
