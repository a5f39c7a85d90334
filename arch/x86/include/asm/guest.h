/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A guest's view of its own state, for the exits the firmware emulates:
 * its general registers by number (rax and rsp live in the VMCB), and the
 * instruction at its rip, read through its own page tables.
 */
#ifndef _ASM_GUEST_H
#define _ASM_GUEST_H

#include <hv/types.h>

struct per_cpu;
struct guest_regs;

/* Register @reg (0 rax ... 15 r15) of the CPU's guest. */
u64 guest_reg(struct per_cpu *cpu, struct guest_regs *regs, unsigned int reg);
/* Write @size bytes of @value to it, as a MOV of that size would (32 bits zero-extend). */
void guest_reg_set(struct per_cpu *cpu, struct guest_regs *regs, unsigned int reg,
		   unsigned int size, u64 value);

/*
 * Up to @size bytes of the instruction at the guest's rip into @buf (64-bit
 * mode, through its page tables; only memory the guest's cell owns is
 * read). Returns how many, 0 if none could be read.
 */
unsigned int guest_fetch_insn(struct per_cpu *cpu, u8 *buf, unsigned int size);

struct mmio_insn;
/*
 * guest_access32_decode() - the 32-bit MOV the guest trapped on (a device
 * register access the firmware emulates): false if it is none; a write's
 * value in *@value. guest_access32_done() - complete it: a read's @value
 * into the guest's register, its rip past the instruction.
 */
bool guest_access32_decode(struct per_cpu *cpu, struct guest_regs *regs,
			   struct mmio_insn *insn, u32 *value);
void guest_access32_done(struct per_cpu *cpu, struct guest_regs *regs,
			 const struct mmio_insn *insn, u32 value);

#endif /* _ASM_GUEST_H */
