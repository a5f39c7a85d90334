/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Start-up of an x86-64 inmate: from real mode (a cell's CPU as the
 * hypervisor starts it: CS.base = the entry, IP 0; or a further CPU after
 * INIT and SIPI, on a copy of the real-mode part in a low page) or from
 * 32-bit protected mode (a multiboot loader, QEMU's -kernel, on the bare
 * machine) into long mode on page tables of its own: the first 4 GiB 1:1
 * in 2 MiB pages, the top one (the APICs) uncached. The first CPU through
 * clears .bss, builds the tables, calls inmate_main() and then
 * inmate_exit(); every later one jumps to what arch_cpu_on() left it
 * (cpu.c: start_mailbox).
 */
#include <lib/x86.h>

#define CODE32		0x08
#define DATA		0x10
#define CODE64		0x18
#define CR0_PE		0x1
#define CR0_PG		0x80000000
#define CR4_PAE		0x20
#define MSR_EFER	0xc0000080
#define EFER_LME	0x100
#define PTE_PRESENT_RW	0x3
#define PDE_LARGE	0x83	/* present, writable, 2 MiB */
#define PDE_UNCACHED	0x18	/* PCD, PWT */
#define MULTIBOOT_MAGIC	0x1badb002
#define MULTIBOOT_FLAGS	0x00010000	/* the address fields below are valid */

	.section .text.start, "ax"
	.code16
	.globl	_start
_start:
	cli
	cld
	lgdtl	%cs:(gdt_descriptor - _start)
	mov	%cr0, %eax
	or	$CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$CODE32, $start32

	.balign	8
gdt:
	.quad	0
	.quad	0x00cf9b000000ffff	/* 0x08: 32-bit code */
	.quad	0x00cf93000000ffff	/* 0x10: data */
	.quad	0x00af9b000000ffff	/* 0x18: 64-bit code */
gdt_end:
gdt_descriptor:
	.word	gdt_end - gdt - 1
	.long	gdt
	/* What cpu.c copies to the start page of a further CPU. */
	.globl	_start16_end
_start16_end:

	.balign	4
multiboot_header:
	.long	MULTIBOOT_MAGIC
	.long	MULTIBOOT_FLAGS
	.long	-(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
	.long	multiboot_header	/* header_addr */
	.long	_start			/* load_addr */
	.long	__image_end		/* load_end_addr */
	.long	__stack_top		/* bss_end_addr */
	.long	multiboot_entry		/* entry_addr */

	.code32
multiboot_entry:
	lgdt	gdt_descriptor
	ljmp	$CODE32, $start32

start32:
	mov	$DATA, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	%ax, %fs
	mov	%ax, %gs
	xor	%ebx, %ebx
	lock btsl $0, boot_claimed
	jc	.Lsecondary32
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb
	/* pml4[0] -> pdpt; pdpt[0..3] -> pd[0..3]; pd: 2048 large pages. */
	mov	$pdpt + PTE_PRESENT_RW, %eax
	mov	%eax, pml4
	mov	$pd + PTE_PRESENT_RW, %eax
	xor	%ecx, %ecx
1:	mov	%eax, pdpt(, %ecx, 8)
	add	$4096, %eax
	inc	%ecx
	cmp	$4, %ecx
	jne	1b
	xor	%ecx, %ecx
2:	mov	%ecx, %eax
	shl	$21, %eax
	or	$PDE_LARGE, %eax
	cmp	$3 * 512, %ecx
	jb	3f
	or	$PDE_UNCACHED, %eax
3:	mov	%eax, pd(, %ecx, 8)
	inc	%ecx
	cmp	$4 * 512, %ecx
	jne	2b
	jmp	.Llong_mode
.Lsecondary32:
	mov	$1, %ebx
.Llong_mode:
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_PE), %eax
	mov	%eax, %cr0
	ljmp	$CODE64, $start64

	.code64
start64:
	mov	$DATA, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	test	%ebx, %ebx
	jnz	.Lsecondary64
	mov	$__stack_top, %rsp
	call	arch_init
	call	inmate_main
	call	inmate_exit
.Lsecondary64:
	lidt	idt_descriptor(%rip)
	mov	start_mailbox + 8(%rip), %rdi
	mov	start_mailbox(%rip), %rax
	movq	$0, start_mailbox(%rip)	/* taken: cpu.c may start the next one */
	jmp	*%rax

/* A further CPU: rdi = its struct secondary_cpu (cpu_start.c): stack, function. */
	.text
	.globl	_secondary_start
_secondary_start:
	mov	(%rdi), %rsp
	call	*8(%rdi)
	call	cpu_off

/*
 * The IDT's entries: 16 bytes apart, each pushes a zero where the CPU
 * pushes no error code, then its vector; the common part saves the
 * registers a C function may change and calls trap_dispatch() with the
 * frame (struct trap_frame, cpu.c).
 */
	.balign	16
	.globl	trap_stubs
trap_stubs:
	.set	vector, 0
	.rept	256
	.balign	16
	.if	!X86_HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	trap_common
	.set	vector, vector + 1
	.endr

trap_common:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	mov	%rsp, %rdi
	call	trap_dispatch
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$16, %rsp
	iretq

	.data
	.balign	4
boot_claimed:
	.long	0

	.bss
	.balign	4096
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4 * 4096

	.section .note.GNU-stack, "", @progbits
