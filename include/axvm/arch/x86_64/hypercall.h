/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The hypercall conduit on x86-64: VMMCALL where the CPU virtualizes with
 * AMD SVM, VMCALL where it has Intel VMX (the other one is an undefined
 * instruction in a guest), with rax = the function number of
 * <axvm/hypercall.h>, rdi = its first argument, rsi = its second; the
 * result comes back in rax, and no other register changes.
 */
#ifndef _AXVM_ARCH_X86_64_HYPERCALL_H
#define _AXVM_ARCH_X86_64_HYPERCALL_H

#include <axvm/hypercall.h>

/*
 * Entering: not a hypercall. The driver reads the entry area (struct
 * axvm_x86_64_entry_area) at header.entry_offset of the image, and before
 * the first CPU enters builds the boot page table in the image's
 * boot_table pages: 4 or 5 levels as Linux runs (CR4.LA57), hypervisor
 * memory 1:1 with 2 MiB pages and the driver's trampoline page at Linux's
 * address of it. Then, on each CPU with interrupts off, it writes the
 * state Linux runs in into the CPU's struct axvm_x86_64_linux_state
 * (linux_state_offset + CPU number * its size), sets EFER.SVME and clears
 * GIF (SVM: no NMI may come while the firmware runs) and calls its
 * trampoline, which saves the callee-saved registers on Linux's stack,
 * records RSP, RFLAGS and the address to resume at (rip) in that state,
 * loads CR3 = the boot table and jumps, 1:1, to the entry code at
 * entry_offset + code_offset with
 *	rdi = CPU number, rsi = physical address of its linux state,
 *	rdx = physical address of hypervisor memory,
 *	rcx = size of the system config at header.config_offset.
 * The firmware resumes Linux as its guest at rip with rax = 0. Leaving
 * (a failed entry, the disable hypercall) it jumps to the trampoline's
 * return code at return_rip, in the firmware's tables (which keep the
 * trampoline page), with rdi = Linux's address of the linux state and
 * rsi = the CR3 to load: the return code loads it and then everything
 * else from the state (GDTR, IDTR, every general register, RSP, RFLAGS)
 * and jumps to rip, still with GIF clear: the driver sets it and clears
 * EFER.SVME. For a failed entry that is the state the trampoline
 * recorded, with rax = a negative errno; for the disable hypercall the
 * guest's state at the instruction after it, rax = 0, with the segment
 * registers, CR0, CR4, EFER, PAT, DR7 and the SYSCALL/SYSENTER MSRs as
 * the guest had them.
 */

#define AXVM_X86_64_ENTRY_MAGIC		0x5952544e45565841ull	/* "AXVENTRY" */
#define AXVM_X86_64_BOOT_TABLE_PAGES	16

/*
 * Offsets in struct axvm_x86_64_linux_state, for the assembly on both
 * sides (the trampoline's and the firmware's); the structs below check
 * them.
 */
#define AXVM_X86_64_LS_SELF		0
#define AXVM_X86_64_LS_RETURN_RIP	8
#define AXVM_X86_64_LS_RIP		24
#define AXVM_X86_64_LS_RSP		32
#define AXVM_X86_64_LS_RFLAGS		40
#define AXVM_X86_64_LS_REGS		48	/* + 8 * AXVM_X86_64_REG_* */
#define AXVM_X86_64_LS_CR3		184
#define AXVM_X86_64_LS_GDTR		222	/* lgdt's operand: limit, base */
#define AXVM_X86_64_LS_IDTR		238
#define AXVM_X86_64_LS_SIZE		480

/* General registers in the state, in this order (rsp is its own field). */
#define AXVM_X86_64_REG_RAX	0
#define AXVM_X86_64_REG_RCX	1
#define AXVM_X86_64_REG_RDX	2
#define AXVM_X86_64_REG_RBX	3
#define AXVM_X86_64_REG_RBP	5
#define AXVM_X86_64_REG_RSI	6
#define AXVM_X86_64_REG_RDI	7
#define AXVM_X86_64_NUM_REGS	16	/* index 4 (rsp) unused; r8-r15 at 8-15 */

#define AXVM_X86_64_SEG_ES	0
#define AXVM_X86_64_SEG_CS	1
#define AXVM_X86_64_SEG_SS	2
#define AXVM_X86_64_SEG_DS	3
#define AXVM_X86_64_SEG_FS	4
#define AXVM_X86_64_SEG_GS	5
#define AXVM_X86_64_SEG_LDTR	6
#define AXVM_X86_64_SEG_TR	7
#define AXVM_X86_64_NUM_SEGS	8

#ifndef __ASSEMBLY__
#include <axvm/types.h>

/**
 * struct axvm_x86_64_entry_area - at header.entry_offset
 * @magic:              AXVM_X86_64_ENTRY_MAGIC.
 * @code_offset:        the entry code, from the start of this area.
 * @boot_table_pages:   pages of the boot table; the root table is the first.
 * @boot_table_offset:  the boot table, from the start of the image; page
 *                      aligned, zero when the image is loaded.
 * @linux_state_offset: the CPUs' struct axvm_x86_64_linux_state, from the
 *                      start of the image, max_cpus of them.
 * @linux_state_size:   AXVM_X86_64_LS_SIZE as built.
 * @reserved:           zero.
 */
struct axvm_x86_64_entry_area {
	__u64 magic;
	__u32 code_offset;
	__u32 boot_table_pages;
	__u64 boot_table_offset;
	__u64 linux_state_offset;
	__u32 linux_state_size;
	__u32 reserved;
};

/**
 * struct axvm_x86_64_segment - a segment register, as the CPU holds it
 * @selector: the selector.
 * @attrib:   the descriptor's attributes in SVM's packed form: bits 0-7
 *            are descriptor bits 40-47 (type, S, DPL, P), bits 8-11 are
 *            bits 52-55 (AVL, L, D/B, G); 0 for an unusable segment.
 * @limit:    the limit in bytes (granularity applied).
 * @base:     the base.
 */
struct axvm_x86_64_segment {
	__u16 selector;
	__u16 attrib;
	__u32 limit;
	__u64 base;
};

/* A descriptor-table register: @limit and @base are lgdt's operand. */
struct axvm_x86_64_table_reg {
	__u16 pad[3];
	__u16 limit;
	__u64 base;
};

/**
 * struct axvm_x86_64_linux_state - a CPU's state as Linux runs it
 * @self:           Linux's address of this struct (the return code's rdi).
 * @return_rip:     Linux's address of the trampoline's return code...
 * @return_page_pa: ...and the physical address of its page.
 * @rip:            where Linux resumes.
 * @rsp:            its stack pointer there.
 * @rflags:         its flags there (interrupts off).
 * @regs:           general registers (AXVM_X86_64_REG_*) there.
 * @cr0, @cr3, @cr4, @efer, @pat: as named; @efer without SVME.
 * @gdtr, @idtr:    the descriptor tables.
 * @segs:           the segment registers (AXVM_X86_64_SEG_*), with FS's
 *                  and GS's bases from their MSRs.
 * @kernel_gs_base, @star, @lstar, @cstar, @sfmask, @sysenter_cs,
 * @sysenter_esp, @sysenter_eip: the MSRs SYSCALL, SWAPGS and SYSENTER use.
 * @dr7, @debugctl: debug state.
 * @apic_id:        the CPU's local APIC ID.
 * @tsc_khz:        the TSC's frequency, as Linux calibrated it.
 * @reserved:       zero.
 */
struct axvm_x86_64_linux_state {
	__u64 self;
	__u64 return_rip;
	__u64 return_page_pa;
	__u64 rip;
	__u64 rsp;
	__u64 rflags;
	__u64 regs[AXVM_X86_64_NUM_REGS];
	__u64 cr0, cr3, cr4, efer, pat;
	struct axvm_x86_64_table_reg gdtr, idtr;
	struct axvm_x86_64_segment segs[AXVM_X86_64_NUM_SEGS];
	__u64 kernel_gs_base, star, lstar, cstar, sfmask;
	__u64 sysenter_cs, sysenter_esp, sysenter_eip;
	__u64 dr7, debugctl;
	__u32 apic_id;
	__u32 tsc_khz;
	__u64 reserved[2];
};
_Static_assert(__builtin_offsetof(struct axvm_x86_64_linux_state, rip) ==
	       AXVM_X86_64_LS_RIP, "linux state");
_Static_assert(__builtin_offsetof(struct axvm_x86_64_linux_state, regs) ==
	       AXVM_X86_64_LS_REGS, "linux state");
_Static_assert(__builtin_offsetof(struct axvm_x86_64_linux_state, cr3) ==
	       AXVM_X86_64_LS_CR3, "linux state");
_Static_assert(__builtin_offsetof(struct axvm_x86_64_linux_state, gdtr.limit) ==
	       AXVM_X86_64_LS_GDTR, "linux state");
_Static_assert(__builtin_offsetof(struct axvm_x86_64_linux_state, idtr.limit) ==
	       AXVM_X86_64_LS_IDTR, "linux state");
_Static_assert(sizeof(struct axvm_x86_64_linux_state) == AXVM_X86_64_LS_SIZE,
	       "linux state");
#endif /* __ASSEMBLY__ */

/*
 * A cell's start (what the x86 inmate library expects): the first CPU in
 * real mode with CS.base = the config's entry and IP = 0, as a CPU leaves
 * reset with CS.base high above its selector; every other register at its
 * reset value; the first far jump reloads CS. Further CPUs start as the
 * hardware starts them, with INIT and SIPI to the vector's page (below
 * 1 MiB: the cell's own RAM there). x86 has no firmware call for a CPU to
 * switch itself off or to tell whether another is: AXVM_HC_CPU_OFF and
 * AXVM_HC_CPU_GET_STATE (<axvm/hypercall.h>) are those.
 *
 * CPUID in a cell: leaf AXVM_X86_64_CPUID_SIGNATURE has "axvmaxvmaxvm" in
 * ebx, ecx, edx and the last leaf in eax; AXVM_X86_64_CPUID_INFO has the
 * TSC's frequency in kHz in eax (as Linux measured it) and the hypercall
 * instruction in ebx (AXVM_X86_64_CONDUIT_*).
 */
#define AXVM_X86_64_CPUID_SIGNATURE	0x40000000u
#define AXVM_X86_64_CPUID_SIGNATURE_WORD 0x6d767861u	/* "axvm" */
#define AXVM_X86_64_CPUID_INFO		0x40000001u
#define AXVM_X86_64_CONDUIT_VMMCALL	0u	/* AMD SVM */
#define AXVM_X86_64_CONDUIT_VMCALL	1u	/* Intel VMX */

/* x86-64's exit reasons (<axvm/hypercall.h>: AXVM_EXIT_*). */
#define AXVM_EXIT_X86_64_CPUID		(AXVM_EXIT_ARCH_FIRST + 0)
#define AXVM_EXIT_X86_64_MSR		(AXVM_EXIT_ARCH_FIRST + 1)
#define AXVM_EXIT_X86_64_IO		(AXVM_EXIT_ARCH_FIRST + 2)	/* port I/O */

#endif /* _AXVM_ARCH_X86_64_HYPERCALL_H */
