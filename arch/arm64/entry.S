/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering, trapping into and leaving the firmware at EL2.
 *
 * Entry: the driver installs bootstrap_vectors with the hyp stub's
 * HVC_SET_VECTORS and then issues `hvc #0` with
 *	x0 = AXVM_ARM64_HC_ENTER, x1 = CPU number, x2 = PA of Linux's stub vectors,
 *	x3 = size of the system config the driver placed after the per-CPU
 *	areas;
 * which lands in the lower-EL synchronous slot at EL2, MMU off, SP junk.
 * bootstrap_entry applies the image's relocations (it is position
 * independent and may sit anywhere), takes the CPU's own stack, saves the
 * caller's registers and calls bootstrap() in C. That returns 0 with the
 * CPU now under the hypervisor, or a negative errno with everything as it
 * was; either way the caller resumes after its hvc with x0 = the result.
 */
#include <axvm/arch/arm64/hypercall.h>
#include <asm/layout.h>

#define HVC_SET_VECTORS	0
#define R_AARCH64_RELATIVE 1027
#define EINVAL		22

/* Save x0-x30 into a trap frame at sp (sp already lowered). */
.macro save_guest_regs
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	str	x30, [sp, #16 * 15]
.endm

/* Restore x0-x30 from the trap frame at x0, then eret. */
.macro restore_guest_regs_and_eret
	mov	sp, x0
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #16 * 15]
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #AXVM_FRAME_SIZE
	eret
.endm

	.section .text.entry, "ax"

/* ---- bootstrap: used for entry only ---------------------------------- */
	.align	11
	.globl	bootstrap_vectors
bootstrap_vectors:
	.rept	8
	.align	7
	b	.
	.endr
	.align	7		/* 0x400: lower EL AArch64 synchronous */
	b	bootstrap_entry
	.rept	7
	.align	7
	b	.
	.endr

bootstrap_entry:
	/*
	 * Like the stub, HVC_SET_VECTORS installs x1: how the driver puts
	 * the stub back after a failed entry.
	 */
	cbnz	x0, 4f
	msr	vbar_el2, x1
	isb
	eret
4:	/* Otherwise only our entry call is answered. */
	mov	x9, #(AXVM_ARM64_HC_ENTER & 0xffff)
	movk	x9, #(AXVM_ARM64_HC_ENTER >> 16), lsl #16
	cmp	x0, x9
	b.ne	1f
	cmp	x1, #AXVM_MAX_CPUS
	b.hs	1f

	/* Relocate: the image is linked at 0 and runs where it was put. */
	adr	x9, __image_start
	adrp	x10, __rela_start
	add	x10, x10, :lo12:__rela_start
	adrp	x11, __rela_end
	add	x11, x11, :lo12:__rela_end
2:	cmp	x10, x11
	b.hs	3f
	ldp	x12, x13, [x10], #16	/* r_offset, r_info */
	ldr	x14, [x10], #8		/* r_addend */
	cmp	x13, #R_AARCH64_RELATIVE
	b.ne	2b
	add	x14, x14, x9
	str	x14, [x9, x12]
	b	2b
3:
	/* This CPU's area: after the image, AXVM_PERCPU_SIZE each. */
	adrp	x10, __memory_end
	add	x10, x10, :lo12:__memory_end
	mov	x11, #AXVM_PERCPU_SIZE
	madd	x10, x1, x11, x10
	msr	tpidr_el2, x10
	add	x10, x10, x11
	sub	sp, x10, #AXVM_FRAME_SIZE
	save_guest_regs
	mov	x0, sp
	bl	bootstrap
	/* bootstrap() returned: x0 is the result for the caller. */
	str	x0, [sp]
	mov	x0, sp
	restore_guest_regs_and_eret

1:	mov	x0, #-EINVAL
	eret

/* ---- the firmware's vectors once it runs ------------------------------ */
.macro vector_entry handler
	.align	7
	sub	sp, sp, #AXVM_FRAME_SIZE
	save_guest_regs
	mov	x0, sp
	b	\handler
.endm

.macro bad_vector index
	.align	7
	sub	sp, sp, #AXVM_FRAME_SIZE
	save_guest_regs
	mov	x0, sp
	mov	x1, #\index
	b	handle_bad_exception
.endm

	.align	11
	.globl	hyp_vectors
hyp_vectors:
	bad_vector 0		/* current EL, SP0: sync, irq, fiq, serror */
	bad_vector 1
	bad_vector 2
	bad_vector 3
	bad_vector 4		/* current EL, SPx */
	bad_vector 5
	bad_vector 6
	bad_vector 7
	vector_entry lower_sync	/* lower EL, AArch64 */
	bad_vector 9
	vector_entry lower_fiq
	bad_vector 11
	bad_vector 12		/* lower EL, AArch32 */
	bad_vector 13
	bad_vector 14
	bad_vector 15

lower_sync:
	bl	handle_sync
	mov	x0, sp
	b	return_to_guest

lower_fiq:
	bl	handle_fiq
	mov	x0, sp
	b	return_to_guest

/* return_to_guest(frame): resume the guest with the frame's registers. */
	.globl	return_to_guest
return_to_guest:
	restore_guest_regs_and_eret

/*
 * leave_hypervisor(frame, stub_vectors): the CPU leaves for good. The
 * caller has restored every EL2 register Linux had, except these two:
 * VBAR_EL2 back to the stub, and the MMU off (harmless mid-flight: the
 * firmware is identity-mapped).
 */
	.globl	leave_hypervisor
leave_hypervisor:
	msr	vbar_el2, x1
	mrs	x9, sctlr_el2
	bic	x9, x9, #1		/* M */
	bic	x9, x9, #(1 << 2)	/* C */
	bic	x9, x9, #(1 << 12)	/* I */
	dsb	sy
	msr	sctlr_el2, x9
	isb
	tlbi	alle2
	dsb	nsh
	isb
	restore_guest_regs_and_eret
