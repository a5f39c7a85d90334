/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Supervisor Binary Interface as the firmware uses it: the calls below
 * itself (the platform's M-mode firmware) and what it answers for the
 * cells above it (sbi.c). The specification's numbers are <lib/sbi.h>,
 * shared with the inmates.
 */
#ifndef _ASM_SBI_H
#define _ASM_SBI_H

#include <hv/types.h>
#include <lib/sbi.h>

/* An SBI call to the platform's firmware (M-mode) from HS-mode. */
struct sbi_ret sbi_call(u64 ext, u64 fid, u64 a0, u64 a1, u64 a2, u64 a3,
			u64 a4, u64 a5);

static inline struct sbi_ret sbi_call3(u64 ext, u64 fid, u64 a0, u64 a1,
				       u64 a2)
{
	return sbi_call(ext, fid, a0, a1, a2, 0, 0, 0);
}

/* Raise the supervisor software interrupt on one hart. */
void sbi_send_ipi_hart(u64 hartid);

struct trap_frame;
/* sbi.c: an SBI call of the calling CPU's cell (ecall from VS-mode). */
void sbi_handle(struct trap_frame *frame);

#endif /* _ASM_SBI_H */
