/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of the riscv64 port share beyond the hooks of hv/arch.h. */
#ifndef _ASM_RISCV_H
#define _ASM_RISCV_H

#include <hv/types.h>

struct per_cpu;
struct cell;
struct trap_frame;

/* setup.c: satp for the firmware's own tables. */
u64 hs_satp(void);

/* cpu.c */
void bootstrap(struct trap_frame *frame);
/* Switch the calling hart's guest to @cell's G-stage, nothing cached. */
void gstage_enter(const struct cell *cell);

/* traps.c: the hart has Sstc's stimecmp (a read does not fault). */
bool hs_has_stimecmp(void);

/* handover.c: the guest-visible state of a hart, back to reset. */
void vs_state_reset(void);


#endif /* _ASM_RISCV_H */
