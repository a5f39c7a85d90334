/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt numbering of the riscv64 port (PLIC): what the core needs to
 * keep a table of interrupt owners.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

/* PLIC sources 1-1023 (0 means "none"); all of them are shared lines. */
#define ARCH_NUM_IRQS		1024

#endif /* _ASM_IRQ_H */
