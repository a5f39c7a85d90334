/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt numbering of the x86-64 port: a cell's configs name IOAPIC
 * pins (GSIs); what the core needs to keep a table of interrupt owners.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define ARCH_NUM_IRQS		240	/* the validator's limit of pins */

#endif /* _ASM_IRQ_H */
