/* SPDX-License-Identifier: GPL-2.0 */
/*
 * riscv64 translation: the firmware's own tables (Sv48, or Sv39 where the
 * hart has no Sv48) and the guests' G-stage (Sv48x4 or Sv39x4: the root
 * level is four concatenated tables, 16 KiB, adding two address bits).
 */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <hv/paging.h>

#define GSTAGE_ROOT_TABLES	4

extern const struct paging_format hs_format, gstage_format;

/* setup.c: the translation modes this hart offers, found at start-up. */
extern unsigned int hs_start_level, gstage_start_level;
extern u64 hs_satp_mode, gstage_hgatp_mode;

#endif /* _ASM_PAGING_H */
