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
 * Any exception the inmate did not ask for: report it, then stop. Each slot
 * passes its index so that the report says which kind it was.
 */
	.macro	vector index
	.align	7
	mov	x0, #\index
	b	unexpected_exception_entry
	.endm

	.align	11
exception_vectors:
	.irp	i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\i
	.endr

unexpected_exception_entry:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	b	unexpected_exception
