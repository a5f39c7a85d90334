/* SPDX-License-Identifier: GPL-2.0 */
/* The x86-64 part of struct cell. */
#ifndef _ASM_CELL_H
#define _ASM_CELL_H

#include <hv/types.h>

/**
 * struct arch_cell - the x86-64 part of a cell
 * @ncr3:             the nested page table's root as the CPU takes it (the
 *                    core's tree, or the 5-level top page above it).
 * @top:              that top page, or NULL with 4-level paging.
 * @asid:             the cell's address-space ID (its TLB entries' tag).
 * @flush_generation: moves on every change of the nested tables; a CPU
 *                    that saw an older one flushes the ASID first.
 */
struct arch_cell {
	u64 ncr3;
	u64 *top;
	u32 asid;
	u32 flush_generation;
};

#endif /* _ASM_CELL_H */
