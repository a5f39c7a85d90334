/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's general registers as entry.S saves them on every trap taken
 * to HS-mode (and on the entry from Linux).
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <hv/types.h>
#include <asm/layout.h>

/*
 * x[0] holds sepc (x0 is always zero); x[1..31] the registers. The
 * words after them are used by the entry from Linux only.
 */
struct trap_frame {
	u64 x[32];
	u64 hv_pa;
	u64 landing;
	u64 linux_satp;
	u64 linux_stvec;
	u64 linux_sscratch;
	u64 linux_sstatus;
	u64 pad[2];
};
_Static_assert(sizeof(struct trap_frame) == AXVM_FRAME_SIZE, "entry.S frame");
_Static_assert(__builtin_offsetof(struct trap_frame, hv_pa) == FRAME_HV_PA, "frame");
_Static_assert(__builtin_offsetof(struct trap_frame, linux_sstatus) == FRAME_SSTATUS,
	       "frame");

/* Register numbers of the calling convention, as indices of x[]. */
#define REG_RA	1
#define REG_SP	2
#define REG_A0	10
#define REG_A1	11
#define REG_A2	12
#define REG_A3	13
#define REG_A4	14
#define REG_A5	15
#define REG_A6	16
#define REG_A7	17

/* entry.S */
extern char trap_vector[];
void __attribute__((noreturn)) return_to_guest(struct trap_frame *frame);
/*
 * leave_to_linux() - back to Linux in HS-mode: @frame's registers (but
 * t0-t2), satp = its linux_satp, then the driver's landing puts back its
 * linux_stvec and resumes at its x[0] (entry.S).
 */
void __attribute__((noreturn)) leave_to_linux(struct trap_frame *frame);

/* traps.c */
void handle_trap(struct trap_frame *frame);
/* The frame a CPU's guest registers are saved in (top of its area). */
struct per_cpu;
struct trap_frame *cpu_frame(struct per_cpu *cpu);

#endif /* _ASM_TRAPS_H */
