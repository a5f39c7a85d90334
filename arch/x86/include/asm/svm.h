/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AMD SVM: the VMCB (AMD64 Architecture Programmer's Manual vol. 2,
 * appendix B), the intercepts and exit codes the firmware uses.
 */
#ifndef _ASM_SVM_H
#define _ASM_SVM_H

#include <hv/types.h>

struct vmcb_segment {
	u16 selector;
	u16 attrib;
	u32 limit;
	u64 base;
};

struct vmcb {
	/* control area */
	u32 intercept_cr;
	u32 intercept_dr;
	u32 intercept_exceptions;
	u32 intercept_misc1;
	u32 intercept_misc2;
	u32 intercept_misc3;
	u8 reserved_018[0x03c - 0x018];
	u16 pause_filter_threshold;
	u16 pause_filter_count;
	u64 iopm_base_pa;
	u64 msrpm_base_pa;
	u64 tsc_offset;
	u32 asid;
	u8 tlb_control;
	u8 reserved_05d[3];
	u64 int_control;
	u64 int_state;
	u64 exit_code;
	u64 exit_info1;
	u64 exit_info2;
	u64 exit_int_info;
	u64 nested_control;
	u64 avic_apic_bar;
	u64 ghcb_pa;
	u64 event_inject;
	u64 nested_cr3;
	u64 virt_ext;
	u32 clean_bits;
	u32 reserved_0c4;
	u64 next_rip;
	u8 insn_len;
	u8 insn_bytes[15];
	u8 reserved_0e0[0x400 - 0x0e0];
	/* state save area */
	struct vmcb_segment es, cs, ss, ds, fs, gs, gdtr, ldtr, idtr, tr;
	u8 reserved_4a0[0x4cb - 0x4a0];
	u8 cpl;
	u32 reserved_4cc;
	u64 efer;
	u8 reserved_4d8[0x548 - 0x4d8];
	u64 cr4, cr3, cr0, dr7, dr6, rflags, rip;
	u8 reserved_580[0x5d8 - 0x580];
	u64 rsp, s_cet, ssp, isst_addr, rax;
	u64 star, lstar, cstar, sfmask, kernel_gs_base;
	u64 sysenter_cs, sysenter_esp, sysenter_eip, cr2;
	u8 reserved_648[0x668 - 0x648];
	u64 g_pat, dbgctl;
	u8 reserved_678[0x1000 - 0x678];
};
_Static_assert(__builtin_offsetof(struct vmcb, iopm_base_pa) == 0x040, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, asid) == 0x058, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, exit_code) == 0x070, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, nested_cr3) == 0x0b0, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, next_rip) == 0x0c8, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, tr) == 0x490, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, efer) == 0x4d0, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, cr4) == 0x548, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, rip) == 0x578, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, rsp) == 0x5d8, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, rax) == 0x5f8, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, cr2) == 0x640, "vmcb");
_Static_assert(__builtin_offsetof(struct vmcb, g_pat) == 0x668, "vmcb");
_Static_assert(sizeof(struct vmcb) == 0x1000, "vmcb");

/* intercept_misc1 */
#define SVM_INTERCEPT_NMI	(1u << 1)
#define SVM_INTERCEPT_INIT	(1u << 3)
#define SVM_INTERCEPT_INVD	(1u << 22)
#define SVM_INTERCEPT_CPUID	(1u << 18)
#define SVM_INTERCEPT_INVLPGA	(1u << 26)
#define SVM_INTERCEPT_IOIO	(1u << 27)
#define SVM_INTERCEPT_MSR	(1u << 28)
#define SVM_INTERCEPT_SHUTDOWN	(1u << 31)
/* intercept_misc2 */
#define SVM_INTERCEPT_VMRUN	(1u << 0)
#define SVM_INTERCEPT_VMMCALL	(1u << 1)
#define SVM_INTERCEPT_VMLOAD	(1u << 2)
#define SVM_INTERCEPT_VMSAVE	(1u << 3)
#define SVM_INTERCEPT_STGI	(1u << 4)
#define SVM_INTERCEPT_CLGI	(1u << 5)
#define SVM_INTERCEPT_SKINIT	(1u << 6)

#define SVM_TLB_FLUSH_ALL	1
#define SVM_NESTED_PAGING	1ull

/* exit codes */
#define SVM_EXIT_EXCP_UD	0x046
#define SVM_EXIT_NMI		0x061
#define SVM_EXIT_INIT		0x063
#define SVM_EXIT_CPUID		0x072
#define SVM_EXIT_INVD		0x076
#define SVM_EXIT_INVLPGA	0x07a
#define SVM_EXIT_IOIO		0x07b
#define SVM_EXIT_MSR		0x07c
#define SVM_EXIT_SHUTDOWN	0x07f
#define SVM_EXIT_VMRUN		0x080
#define SVM_EXIT_VMMCALL	0x081
#define SVM_EXIT_VMLOAD		0x082
#define SVM_EXIT_VMSAVE		0x083
#define SVM_EXIT_STGI		0x084
#define SVM_EXIT_CLGI		0x085
#define SVM_EXIT_SKINIT		0x086
#define SVM_EXIT_NPF		0x400
#define SVM_NPF_FETCH		(1ull << 4)	/* exit_info1: an instruction fetch */
#define SVM_EXIT_INVALID	(~0ull)

/* event_inject: an exception to deliver on the next VMRUN */
#define SVM_EVENT_VALID		(1ull << 31)
#define SVM_EVENT_NMI		(2ull << 8)
#define SVM_EVENT_EXCEPTION	(3ull << 8)
#define SVM_EVENT_ERROR_CODE	(1ull << 11)
#define X86_TRAP_NMI		2
#define X86_TRAP_UD		6
#define X86_TRAP_GP		13

/* svm.c */
struct per_cpu;
int svm_cpu_init(struct per_cpu *cpu);
/* The CPU's guest as after INIT and SIPI: real mode at CS:IP = @entry >> 4:0. */
void svm_reset_to_real_mode(struct per_cpu *cpu, u64 entry);
void svm_cpu_exit(struct per_cpu *cpu);
/* @vector on the next VMRUN, with an error code of 0 where it has one. */
void svm_inject_exception(struct vmcb *v, unsigned int vector, bool error_code);

#endif /* _ASM_SVM_H */
