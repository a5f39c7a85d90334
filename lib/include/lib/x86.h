/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the x86-64 firmware and the x86-64 inmates both use of the CPU:
 * port I/O, the TSC, CPUID, and the long-mode IDT's gate and the operand
 * of LGDT/LIDT.
 */
#ifndef _LIB_X86_H
#define _LIB_X86_H

/* The exceptions for which the CPU pushes an error code (assembly too). */
#define X86_HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			       (v) == 21 || (v) == 29 || (v) == 30)

#ifndef __ASSEMBLY__
#include <lib/types.h>

/* A 64-bit interrupt gate (type 0x8e: present, DPL 0). */
struct x86_idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
};

#define X86_INTERRUPT_GATE	0x8e

static inline struct x86_idt_gate x86_interrupt_gate(u64 at, u16 selector)
{
	return (struct x86_idt_gate){
		.offset_low = (u16)at, .selector = selector,
		.type = X86_INTERRUPT_GATE, .offset_mid = (u16)(at >> 16),
		.offset_high = (u32)(at >> 32),
	};
}

/* What LGDT and LIDT load. */
struct x86_table_register {
	u16 limit;
	u64 base;
} __attribute__((packed));

static inline void outb(u16 port, u8 v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 port, u16 v)
{
	asm volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

struct cpuid_regs {
	u32 eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(u32 leaf, u32 subleaf)
{
	struct cpuid_regs r;

	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}
#endif /* __ASSEMBLY__ */

#endif /* _LIB_X86_H */
