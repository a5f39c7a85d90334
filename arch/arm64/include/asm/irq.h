/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt numbering of the arm64 port (GICv3): what the core needs to
 * keep a table of interrupt owners.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

/* INTIDs 0-1019: SGIs 0-15 and PPIs 16-31 per CPU, SPIs 32-1019 shared. */
#define ARCH_NUM_IRQS		1020

#endif /* _ASM_IRQ_H */
