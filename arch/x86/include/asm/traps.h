/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's general registers, as entry.S keeps them at the top of the
 * CPU's area around every VMRUN (rax and rsp live in the VMCB; the slot
 * for rax mirrors it for the handlers), and the host's own exceptions.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <hv/types.h>
#include <asm/layout.h>

/* Indices as in <axvm/arch/x86_64/hypercall.h>'s AXVM_X86_64_REG_*. */
struct guest_regs {
	u64 r[16];	/* r[4] (rsp) unused */
};
_Static_assert(sizeof(struct guest_regs) == AXVM_FRAME_SIZE, "entry.S frame");

#define REG_RAX	0
#define REG_RCX	1
#define REG_RDX	2
#define REG_RBX	3
#define REG_RSI	6
#define REG_RDI	7

struct per_cpu;
struct guest_regs *cpu_regs(struct per_cpu *cpu);

/* entry.S */
/* Run the CPU's guest from @regs until the next exit, for ever. */
void __attribute__((noreturn)) vmrun_loop(struct guest_regs *regs, u64 vmcb_pa);
/*
 * Jump to the trampoline's return code (Linux's address @return_rip, in
 * the firmware's tables) with rdi = @state_va, rsi = @cr3.
 */
void __attribute__((noreturn)) leave_to_linux(u64 return_rip, u64 state_va,
					      u64 cr3);

/* svm.c: one exit of the guest in @regs; returns to run it again. */
void handle_exit(struct guest_regs *regs);
/* traps.c: load the firmware's GDT and IDT on this CPU. */
void host_tables_load(void);
/* traps.c: an exception in host mode (a firmware bug): report, stop. */
struct host_exception;
void __attribute__((noreturn)) host_exception(struct host_exception *e);

#endif /* _ASM_TRAPS_H */
