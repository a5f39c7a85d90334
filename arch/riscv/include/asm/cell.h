/* SPDX-License-Identifier: GPL-2.0 */
/* The riscv64 part of struct cell. */
#ifndef _ASM_CELL_H
#define _ASM_CELL_H

#include <hv/types.h>

struct arch_cell {
	u64 hgatp;	/* G-stage root, mode and VMID, as hgatp takes them */
};

#endif /* _ASM_CELL_H */
