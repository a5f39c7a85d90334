/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The trampoline into the x86-64 firmware and back
 * (include/axvm/arch/x86_64/hypercall.h has the contract). It fills one
 * page of its own, which the boot table and the firmware's tables map at
 * this same address: it is the only code that runs while CR3 changes
 * between Linux's tables and the firmware's.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include <linux/objtool.h>
#include <asm/page_types.h>
#include <asm/unwind_hints.h>

#include <axvm/arch/x86_64/hypercall.h>

#define LS_REG(n)	(AXVM_X86_64_LS_REGS + 8 * (n))

	.pushsection .text.axvm_trampoline, "ax"
	.balign	PAGE_SIZE, 0xcc
SYM_INNER_LABEL(axvm_x86_64_trampoline_page, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR	/* an address for the page tables, not a target */

/*
 * long axvm_x86_64_enter(state, state_pa, cpu, entry_pa, boot_cr3, hv_pa,
 *                        config_size): interrupts off, GIF clear.
 * The callee-saved registers, the stack pointer and the flags go into the
 * state, not onto the stack: the firmware starts the guest with them, so
 * that Linux resumes at axvm_x86_64_resume as if it had never left, in guest mode
 * with rax = 0, or in host mode through axvm_x86_64_return below with a
 * negative errno.
 */
SYM_FUNC_START(axvm_x86_64_enter)
	mov	%rbx, LS_REG(AXVM_X86_64_REG_RBX)(%rdi)
	mov	%rbp, LS_REG(AXVM_X86_64_REG_RBP)(%rdi)
	mov	%r12, LS_REG(12)(%rdi)
	mov	%r13, LS_REG(13)(%rdi)
	mov	%r14, LS_REG(14)(%rdi)
	mov	%r15, LS_REG(15)(%rdi)
	mov	8(%rsp), %r10			/* config_size, the 7th argument */
	lea	axvm_x86_64_resume(%rip), %rax
	mov	%rax, AXVM_X86_64_LS_RIP(%rdi)
	mov	%rsp, AXVM_X86_64_LS_RSP(%rdi)
	pushf
	pop	%rax
	mov	%rax, AXVM_X86_64_LS_RFLAGS(%rdi)
	mov	%rcx, %r11			/* the entry code */
	mov	%rdx, %rdi			/* CPU number */
	mov	%r9, %rdx			/* hypervisor memory */
	mov	%r10, %rcx			/* config size */
	mov	%r8, %cr3			/* the boot table: this page and hypervisor memory */
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%r11
SYM_FUNC_END(axvm_x86_64_enter)

/* Where Linux resumes: axvm_x86_64_enter's return, with its stack. */
SYM_FUNC_START_LOCAL(axvm_x86_64_resume)
	ANNOTATE_NOENDBR
	RET
SYM_FUNC_END(axvm_x86_64_resume)

/*
 * From the firmware, in its tables: rdi = Linux's address of the state,
 * rsi = the CR3 to load. Everything else comes from the state; the
 * stack is Linux's again before anything is pushed.
 */
SYM_CODE_START(axvm_x86_64_return)
	UNWIND_HINT_ENTRY
	endbr64
	mov	%rsi, %cr3
	lgdt	AXVM_X86_64_LS_GDTR(%rdi)
	lidt	AXVM_X86_64_LS_IDTR(%rdi)
	mov	AXVM_X86_64_LS_RSP(%rdi), %rsp
	push	AXVM_X86_64_LS_RIP(%rdi)
	push	AXVM_X86_64_LS_RFLAGS(%rdi)
	mov	LS_REG(AXVM_X86_64_REG_RAX)(%rdi), %rax
	mov	LS_REG(AXVM_X86_64_REG_RCX)(%rdi), %rcx
	mov	LS_REG(AXVM_X86_64_REG_RDX)(%rdi), %rdx
	mov	LS_REG(AXVM_X86_64_REG_RBX)(%rdi), %rbx
	mov	LS_REG(AXVM_X86_64_REG_RBP)(%rdi), %rbp
	mov	LS_REG(AXVM_X86_64_REG_RSI)(%rdi), %rsi
	mov	LS_REG(8)(%rdi), %r8
	mov	LS_REG(9)(%rdi), %r9
	mov	LS_REG(10)(%rdi), %r10
	mov	LS_REG(11)(%rdi), %r11
	mov	LS_REG(12)(%rdi), %r12
	mov	LS_REG(13)(%rdi), %r13
	mov	LS_REG(14)(%rdi), %r14
	mov	LS_REG(15)(%rdi), %r15
	mov	LS_REG(AXVM_X86_64_REG_RDI)(%rdi), %rdi
	popf
	RET
SYM_CODE_END(axvm_x86_64_return)
	.balign	PAGE_SIZE, 0xcc
	.popsection
