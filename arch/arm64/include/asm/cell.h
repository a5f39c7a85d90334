/* SPDX-License-Identifier: GPL-2.0 */
/* The arm64 part of struct cell. */
#ifndef _ASM_CELL_H
#define _ASM_CELL_H

#include <hv/types.h>

struct arch_cell {
	u64 vttbr;	/* stage-2 root and VMID, as VTTBR_EL2 takes them */
};

#endif /* _ASM_CELL_H */
