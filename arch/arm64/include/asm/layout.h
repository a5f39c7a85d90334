/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the firmware lives in its own EL2 address space. Used by C and by
 * the linker script, so only preprocessor constants here.
 *
 * The firmware runs at EL2 without VHE, translated by TTBR0_EL2 alone: a
 * link address below 2^39 keeps it reachable with three table levels.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define AXVM_LINK_ADDRESS	0x0000004000000000
#define AXVM_MAX_CPUS		64
#define AXVM_PAGE_SIZE		4096

#endif /* _ASM_LAYOUT_H */
