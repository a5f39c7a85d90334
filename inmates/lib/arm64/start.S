/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate start-up on arm64: entered at EL1 with the MMU off, from the
 * hypervisor's cell start or from QEMU directly. Sets up a stack and the
 * exception vectors, clears .bss, runs inmate_main() and switches off.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	msr	daifset, #0xf
	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =exception_vectors
	msr	vbar_el1, x0
	isb

	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:
	bl	inmate_main
	bl	inmate_exit

/*
 * A further CPU, switched on with cpu_start(): x0 points at its
 * struct secondary_cpu { stack top, function }. The function runs with
 * the same vectors; when it returns, the CPU switches itself off.
 */
	.globl _secondary_start
_secondary_start:
	msr	daifset, #0xf
	ldr	x1, [x0]
	mov	sp, x1
	ldr	x1, =exception_vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, [x0, #8]
	blr	x1
	bl	cpu_off

/*
 * Any exception the inmate did not ask for: report it, then stop. Each slot
 * passes its index so that the report says which kind it was.
 */
	.macro	vector index
	.align	7
	mov	x0, #\index
	b	unexpected_exception_entry
	.endm

/* IRQ from the current EL (SPx): save the caller-saved registers, call
 * irq_dispatch() in C. */
	.macro	irq_vector
	.align	7
	b	irq_entry
	.endm

	.align	11
exception_vectors:
	.irp	i, 0, 1, 2, 3, 4
	vector	\i
	.endr
	irq_vector		/* 5: current EL, SPx, IRQ */
	.irp	i, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\i
	.endr

irq_entry:
	sub	sp, sp, #(20 * 8)
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x30, [sp, #16 * 9]
	bl	irq_dispatch
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x30, [sp, #16 * 9]
	add	sp, sp, #(20 * 8)
	eret

unexpected_exception_entry:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	b	unexpected_exception
