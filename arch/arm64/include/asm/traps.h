/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's general registers as entry.S saves them on every exception
 * taken to EL2 (and on the bootstrap entry).
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <hv/types.h>
#include <asm/layout.h>

struct trap_frame {
	u64 x[31];
	u64 pad;
};
_Static_assert(sizeof(struct trap_frame) == AXVM_FRAME_SIZE, "entry.S frame");

/* entry.S */
extern char bootstrap_vectors[], hyp_vectors[];
void __attribute__((noreturn)) return_to_guest(struct trap_frame *frame);
void __attribute__((noreturn)) leave_hypervisor(struct trap_frame *frame,
					       u64 stub_vectors);

/* traps.c */
void handle_sync(struct trap_frame *frame);
void handle_fiq(struct trap_frame *frame);
void __attribute__((noreturn)) handle_bad_exception(struct trap_frame *frame,
						    u64 vector);

#endif /* _ASM_TRAPS_H */
