/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOAPIC, emulated for every guest (ioapic.c): each pin its owner's
 * alone.
 */
#ifndef _ASM_IOAPIC_H
#define _ASM_IOAPIC_H

#include <hv/types.h>

struct cell;
struct per_cpu;
struct guest_regs;

/*
 * A guest touched the IOAPIC's page at @offset: emulate the access the
 * instruction at its rip makes. False if it cannot be emulated.
 */
bool ioapic_emulate_access(struct per_cpu *cpu, struct guest_regs *regs, u64 offset);

/* @cell's pins, masked, to it (the root's entries kept) or back to the root. */
void ioapic_hand_over(const struct cell *cell, bool to_cell);

#endif /* _ASM_IOAPIC_H */
