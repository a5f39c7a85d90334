/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 translation: the firmware's own tables and the guests' nested
 * page tables share the long-mode format (4 KiB pages, 2 MiB and 1 GiB
 * blocks). Both have as many levels as Linux runs (CR4.LA57 cannot change
 * while paging is on, and nested paging walks at the host's depth): with
 * 5-level paging a top page above the core's 4-level tree holds it at
 * entry 0, since every physical address the firmware maps is below
 * 256 TiB.
 */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <hv/paging.h>

#define PTE_P		(1ull << 0)
#define PTE_RW		(1ull << 1)
#define PTE_US		(1ull << 2)
#define PTE_PWT		(1ull << 3)
#define PTE_PCD		(1ull << 4)
#define PTE_A		(1ull << 5)
#define PTE_D		(1ull << 6)
#define PTE_PS		(1ull << 7)
#define PTE_NX		(1ull << 63)
#define PTE_ADDR_MASK	0x000ffffffffff000ull

extern const struct paging_format host_format, npt_format;

/* setup.c: the firmware's own tables, CR3 as the CPU takes it. */
u64 host_cr3(void);
/*
 * setup.c: the calling CPU's window onto physical @phys's page: its byte
 * at @phys, readable until window_unmap(). Nothing else uses the window.
 */
const void *window_map(u64 phys);
void window_unmap(void);
/* paging.c: a top page for a 5-level walk of @tree, or @tree itself. */
int paging_top(struct paging *tree, u64 **top, u64 *root_pa);
/* Does Linux, and so the firmware, run 5-level paging? */
bool paging_5level(void);

#endif /* _ASM_PAGING_H */
