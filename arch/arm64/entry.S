/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bootstrap exception vectors: the firmware's entry point.
 *
 * The driver installs this table with the hyp stub's HVC_SET_VECTORS and
 * then issues an hvc, which lands in the lower-EL AArch64 synchronous slot
 * at EL2 with the MMU off. This version of the firmware does not take over
 * EL2 yet: it answers -ENOSYS and returns to the caller, so a driver that
 * enters it early gets a clean error instead of a hang.
 */
#define ENOSYS 38

	.section .text.entry, "ax"
	.align 11
	.globl bootstrap_vectors
bootstrap_vectors:
	/* 16 slots of 0x80 bytes: current EL SP0, current EL SPx, lower EL
	 * AArch64, lower EL AArch32; each sync, irq, fiq, serror. */
	.rept 8
	.align 7
	b	.
	.endr

	.align 7		/* 0x400: lower EL AArch64, synchronous */
	mov	x0, #-ENOSYS
	eret

	.rept 7
	.align 7
	b	.
	.endr
