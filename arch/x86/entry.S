/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering, running guests in and leaving the firmware on x86-64.
 *
 * Entry (include/axvm/arch/x86_64/hypercall.h has the contract): the
 * driver's trampoline switches CR3 to the boot table, which maps
 * hypervisor memory 1:1 and the trampoline's own page, and jumps to
 * axvm_entry_code, running 1:1 with interrupts off and GIF clear. The
 * entry code takes this CPU's stack, applies the image's relocations (it
 * is position independent and may sit anywhere) and calls bootstrap() in
 * C, which takes the CPU over and runs Linux as its guest (vmrun_loop),
 * or goes back to Linux through the trampoline's return code on failure.
 * Leaving on disable goes the same way back.
 */
#include <asm/layout.h>
#include <lib/x86.h>
#include <axvm/arch/x86_64/hypercall.h>

#define R_X86_64_RELATIVE	8
#define EINVAL			22

	.section .text.entry, "ax"
	.code64

/* struct axvm_x86_64_entry_area, read by the driver from the image. */
	.globl	entry_area
entry_area:
	.quad	AXVM_X86_64_ENTRY_MAGIC
	.long	axvm_entry_code - entry_area
	.long	AXVM_X86_64_BOOT_TABLE_PAGES
	.quad	boot_table
	.quad	linux_states
	.long	AXVM_X86_64_LS_SIZE
	.long	0

/* rdi = CPU number, rsi = its linux state, rdx = hypervisor memory, rcx = config size */
	.balign	16
axvm_entry_code:
	endbr64
	cmp	$AXVM_MAX_CPUS, %rdi
	jae	.Lbad_cpu

	/* This CPU's stack, below its guest registers at the top of its area. */
	lea	__memory_end(%rip), %rsp
	mov	%rdi, %rax
	imul	$AXVM_PERCPU_SIZE, %rax
	lea	AXVM_PERCPU_SIZE - AXVM_FRAME_SIZE(%rsp, %rax), %rsp

	/* Relocate for where the image runs: its physical address. */
	lea	__rela_start(%rip), %r8
	lea	__rela_end(%rip), %r9
	lea	__image_start(%rip), %r10
1:	cmp	%r9, %r8
	jae	2f
	cmpl	$R_X86_64_RELATIVE, 8(%r8)	/* r_info's type */
	jne	3f
	mov	16(%r8), %rax			/* r_addend */
	add	%r10, %rax
	mov	(%r8), %r11			/* r_offset */
	mov	%rax, (%r10, %r11)
3:	add	$24, %r8
	jmp	1b
2:
	call	bootstrap		/* does not return */
	ud2

.Lbad_cpu:	/* nothing taken over: straight back, with -EINVAL */
	movq	$-EINVAL, AXVM_X86_64_LS_REGS(%rsi)
	mov	AXVM_X86_64_LS_RETURN_RIP(%rsi), %rax
	mov	AXVM_X86_64_LS_SELF(%rsi), %rdi
	mov	AXVM_X86_64_LS_CR3(%rsi), %rsi
	jmp	*%rax

	.text

/*
 * leave_to_linux(return_rip, state_va, cr3): into the trampoline's return
 * code, which is mapped at Linux's address in our tables too.
 */
	.globl	leave_to_linux
leave_to_linux:
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	jmp	*%rax

/*
 * vmrun_loop(regs, vmcb_pa): run the guest for ever, one exit at a time.
 * The stack restarts just below @regs (the top of the CPU's area): the
 * VMCB's address at its bottom, 16 bytes, so that calls see it aligned.
 * VMRUN keeps rax, rsp and rip in the VMCB and saves ours in the host
 * save area; vmload/vmsave move the rest of the guest's segment state
 * (FS, GS, TR, LDTR and the SYSCALL MSRs) that the host does not use.
 */
	.globl	vmrun_loop
vmrun_loop:
	mov	%rdi, %rsp
	sub	$16, %rsp
	mov	%rsi, (%rsp)
.Lrun:
	mov	(%rsp), %rax
	mov	16 + REGS_RCX(%rsp), %rcx
	mov	16 + REGS_RDX(%rsp), %rdx
	mov	16 + REGS_RBX(%rsp), %rbx
	mov	16 + REGS_RBP(%rsp), %rbp
	mov	16 + REGS_RSI(%rsp), %rsi
	mov	16 + REGS_RDI(%rsp), %rdi
	mov	16 + REGS_R8(%rsp), %r8
	mov	16 + REGS_R9(%rsp), %r9
	mov	16 + REGS_R10(%rsp), %r10
	mov	16 + REGS_R11(%rsp), %r11
	mov	16 + REGS_R12(%rsp), %r12
	mov	16 + REGS_R13(%rsp), %r13
	mov	16 + REGS_R14(%rsp), %r14
	mov	16 + REGS_R15(%rsp), %r15
	vmload	%rax
	vmrun	%rax
	vmsave	%rax
	mov	%rcx, 16 + REGS_RCX(%rsp)
	mov	%rdx, 16 + REGS_RDX(%rsp)
	mov	%rbx, 16 + REGS_RBX(%rsp)
	mov	%rbp, 16 + REGS_RBP(%rsp)
	mov	%rsi, 16 + REGS_RSI(%rsp)
	mov	%rdi, 16 + REGS_RDI(%rsp)
	mov	%r8, 16 + REGS_R8(%rsp)
	mov	%r9, 16 + REGS_R9(%rsp)
	mov	%r10, 16 + REGS_R10(%rsp)
	mov	%r11, 16 + REGS_R11(%rsp)
	mov	%r12, 16 + REGS_R12(%rsp)
	mov	%r13, 16 + REGS_R13(%rsp)
	mov	%r14, 16 + REGS_R14(%rsp)
	mov	%r15, 16 + REGS_R15(%rsp)
	lea	16(%rsp), %rdi
	call	handle_exit
	jmp	.Lrun

/*
 * Exceptions in host mode are firmware bugs: each vector's stub (16 bytes
 * apart, traps.c builds the IDT from them; an indirect branch's target
 * under CET like every entry) pushes a zero where the CPU
 * pushes no error code, then its number; the common part saves the
 * registers and reports (traps.c), never returning.
 */
	.balign	16
	.globl	host_exception_stubs
host_exception_stubs:
	.set	vector, 0
	.rept	32
	.balign	16
	endbr64
	.if	!X86_HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	host_exception_common
	.set	vector, vector + 1
	.endr

/*
 * An NMI in host mode: the one an intercepted NMI left pending, taken
 * when svm.c sets GIF for a moment so that the next VMRUN does not exit
 * for it again. Nothing to do but return.
 */
	.balign	16
	.globl	host_nmi
host_nmi:
	endbr64
	iretq

/*
 * An interrupt in host mode: one the CPU's last owner left pending, taken
 * on purpose when apic_quiesce() opens interrupts for a moment at a
 * hand-over. It ends (EOI) and goes nowhere.
 */
	.balign	16
	.globl	host_irq_drain
host_irq_drain:
	endbr64
	push	%rax
	mov	apic_eoi_register(%rip), %rax
	movl	$0, (%rax)
	pop	%rax
	iretq

host_exception_common:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rbx
	push	%rbp
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	host_exception
	ud2

	.section .note.GNU-stack, "", @progbits
