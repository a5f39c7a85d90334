/* SPDX-License-Identifier: GPL-2.0 */
/* x86-64 instructions the firmware uses, as inline functions. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <hv/types.h>
#include <lib/x86.h>

#define X86_CR0_PE		(1ull << 0)
#define X86_CR0_ET		(1ull << 4)
#define X86_CR0_NE		(1ull << 5)
#define X86_CR0_WP		(1ull << 16)
#define X86_CR0_PG		(1ull << 31)
#define X86_CR4_PAE		(1ull << 5)
#define X86_CR4_LA57		(1ull << 12)
#define X86_CR4_OSXSAVE		(1ull << 18)
#define X86_RFLAGS_FIXED	(1ull << 1)

#define MSR_EFER		0xc0000080u
#define EFER_LME		(1ull << 8)
#define EFER_LMA		(1ull << 10)
#define EFER_NXE		(1ull << 11)
#define EFER_SVME		(1ull << 12)
#define MSR_PAT			0x277u
#define MSR_VM_CR		0xc0010114u
#define VM_CR_SVMDIS		(1ull << 4)
#define MSR_VM_HSAVE_PA		0xc0010117u
#define MSR_APIC_BASE		0x1bu
#define APIC_BASE_EXTD		(1ull << 10)	/* x2APIC mode */

#define CPUID_EXT_FEATURES	0x80000001u
#define CPUID_EXT_SVM		(1u << 2)	/* ECX */
#define CPUID_SVM_FEATURES	0x8000000au

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 value)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
}

static inline u64 read_cr3(void)
{
	u64 v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(u64 v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline u64 read_cr4(void)
{
	u64 v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}

/* Every TLB entry of this CPU, global ones included (CR4.PGE toggled). */
static inline void flush_tlb_all_local(void)
{
	u64 cr4 = read_cr4();

	asm volatile("mov %0, %%cr4\n\tmov %1, %%cr4"
		     : : "r"(cr4 ^ (1ull << 7)), "r"(cr4) : "memory");
	write_cr3(read_cr3());
}

#endif /* _ASM_PROCESSOR_H */
