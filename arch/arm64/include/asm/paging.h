/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 translation settings shared by the table formats and the code that
 * turns translation on.
 */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <hv/paging.h>

#define MAIR_IDX_NORMAL	0ull
#define MAIR_IDX_DEVICE	1ull
/* Attr0 = normal write-back RA/WA, Attr1 = Device-nGnRE. */
#define MAIR_EL2_VALUE	0x04ffull

/* EL2 stage 1: 48-bit VA (walk from level 0), 4 KiB, inner shareable WB. */
#define TCR_EL2_T0SZ	16ull
#define TCR_EL2_BASE	(TCR_EL2_T0SZ | (1ull << 8) | (1ull << 10) | \
			 (3ull << 12) | (1ull << 23) | (1ull << 31))
#define TCR_PS_SHIFT	16

/*
 * Stage 2: 40-bit IPA (all of QEMU virt, PCIe windows included, lies
 * below 2^40), walk from level 1 with two concatenated tables.
 */
#define VTCR_EL2_VALUE	0x80023558ull
#define S2_START_LEVEL	1
#define S2_ROOT_TABLES	2
#define S2_IPA_BITS	40

extern const struct paging_format el2_format, stage2_format;

#endif /* _ASM_PAGING_H */
