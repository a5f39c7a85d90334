/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering, trapping into and leaving the firmware in HS-mode.
 *
 * Entry (include/axvm/arch/riscv64/hypercall.h has the contract): Linux
 * runs in HS-mode already, so the driver's trampoline just points stvec at
 * axvm_entry_code's physical address and satp at boot_table, and its next
 * instruction fetch faults there: the firmware never runs at an address of
 * Linux's, and no code has to be mapped at two addresses. The entry code,
 * running 1:1 on the boot table, saves Linux's registers (all of them but
 * t0-t2, which carry Linux's satp, stvec and sstatus), applies the
 * image's relocations (it is position independent and may sit anywhere)
 * and calls bootstrap() in C, which takes the CPU over and returns into
 * Linux in VS-mode, or goes back into HS-mode Linux (leave_to_linux) on
 * failure. Leaving on disable is the same switch in reverse.
 */
#include <asm/layout.h>

#define R_RISCV_RELATIVE	3
#define EINVAL			22
#define PTE_LEAF_RWX		0xcf	/* V R W X A D */
#define GIB_SHIFT		30

.macro for_regs op, base
	\op	x1, FRAME_REG(1)(\base)
	\op	x3, FRAME_REG(3)(\base)
	\op	x4, FRAME_REG(4)(\base)
	\op	x5, FRAME_REG(5)(\base)
	\op	x6, FRAME_REG(6)(\base)
	\op	x7, FRAME_REG(7)(\base)
	\op	x8, FRAME_REG(8)(\base)
	\op	x9, FRAME_REG(9)(\base)
	\op	x11, FRAME_REG(11)(\base)
	\op	x12, FRAME_REG(12)(\base)
	\op	x13, FRAME_REG(13)(\base)
	\op	x14, FRAME_REG(14)(\base)
	\op	x15, FRAME_REG(15)(\base)
	\op	x16, FRAME_REG(16)(\base)
	\op	x17, FRAME_REG(17)(\base)
	\op	x18, FRAME_REG(18)(\base)
	\op	x19, FRAME_REG(19)(\base)
	\op	x20, FRAME_REG(20)(\base)
	\op	x21, FRAME_REG(21)(\base)
	\op	x22, FRAME_REG(22)(\base)
	\op	x23, FRAME_REG(23)(\base)
	\op	x24, FRAME_REG(24)(\base)
	\op	x25, FRAME_REG(25)(\base)
	\op	x26, FRAME_REG(26)(\base)
	\op	x27, FRAME_REG(27)(\base)
	\op	x28, FRAME_REG(28)(\base)
	\op	x29, FRAME_REG(29)(\base)
	\op	x30, FRAME_REG(30)(\base)
	\op	x31, FRAME_REG(31)(\base)
.endm

/* sepc and every register from the frame at a0 (a0 last), then sret. */
.macro restore_frame_and_sret
	ld	t0, FRAME_SEPC(a0)
	csrw	sepc, t0
	ld	x2, FRAME_REG(2)(a0)
	for_regs ld, a0
	ld	a0, FRAME_REG(10)(a0)
	sret
.endm

	.section .text.entry, "ax"
	.option	norvc

/*
 * The boot table: Sv39, the lower 256 GiB mapped 1:1 with gigapages, the
 * upper half (where every kernel address of Linux lies) not at all, so
 * that the trampoline's next fetch faults instead of running on.
 */
	.align	12
	.globl	boot_table
boot_table:
	.set	gib, 0
	.rept	256
	.quad	(gib << (GIB_SHIFT - 2)) | PTE_LEAF_RWX
	.set	gib, gib + 1
	.endr
	.rept	256
	.quad	0
	.endr

/*
 * a0 = CPU number, a1 = hart id, a2 = hypervisor memory, a3 = config
 * size, a6 = the driver's landing; t0-t2 = Linux's satp, stvec, sstatus.
 */
	.globl	axvm_entry_code
axvm_entry_code:
	sfence.vma
	li	t3, AXVM_MAX_CPUS
	bgeu	a0, t3, .Lbad_cpu

	/* This CPU's frame, at the top of its area after the image. */
	lla	t3, __memory_end
	li	t4, AXVM_PERCPU_SIZE
	mul	t5, a0, t4
	add	t3, t3, t5
	add	t3, t3, t4
	addi	t3, t3, -AXVM_FRAME_SIZE
	for_regs sd, t3
	sd	x10, FRAME_REG(10)(t3)
	sd	x2, FRAME_REG(2)(t3)
	sd	ra, FRAME_SEPC(t3)	/* Linux resumes at its return address */
	sd	a2, FRAME_HV_PA(t3)
	sd	a6, FRAME_LANDING(t3)
	sd	t0, FRAME_SATP(t3)
	sd	t1, FRAME_STVEC(t3)
	sd	t2, FRAME_SSTATUS(t3)
	csrr	t4, sscratch
	sd	t4, FRAME_SSCRATCH(t3)

	/* Relocate for where the image runs: its physical address. */
	lla	t4, __rela_start
	lla	t5, __rela_end
	lla	t6, __image_start
1:	bgeu	t4, t5, 2f
	ld	a4, 0(t4)		/* r_offset */
	ld	a5, 8(t4)		/* r_info */
	ld	a7, 16(t4)		/* r_addend */
	addi	t4, t4, 24
	addi	a5, a5, -R_RISCV_RELATIVE
	bnez	a5, 1b
	add	a7, a7, t6
	add	a4, a4, t6
	sd	a7, 0(a4)
	j	1b
2:
	csrw	sscratch, t3
	mv	sp, t3
	mv	a0, t3
	call	bootstrap		/* does not return */
	j	.

.Lbad_cpu:	/* nothing saved: straight back */
	li	a0, -EINVAL
	mv	t3, t0
	mv	t0, t1
	mv	t2, ra
	csrw	stvec, a6
	csrw	satp, t3
	sfence.vma
	j	.

/*
 * leave_to_linux(frame): back to Linux in HS-mode, with the frame's
 * registers but t0-t2; satp becomes the frame's, and the first fetch
 * faults into the driver's landing (t0 = Linux's stvec, t2 = where to
 * resume).
 */
	.globl	leave_to_linux
leave_to_linux:
	mv	t1, a0
	ld	t0, FRAME_LANDING(t1)
	csrw	stvec, t0
	ld	x1, FRAME_REG(1)(t1)
	ld	x2, FRAME_REG(2)(t1)
	ld	x3, FRAME_REG(3)(t1)
	ld	x4, FRAME_REG(4)(t1)
	ld	x8, FRAME_REG(8)(t1)
	ld	x9, FRAME_REG(9)(t1)
	ld	x10, FRAME_REG(10)(t1)
	ld	x11, FRAME_REG(11)(t1)
	ld	x12, FRAME_REG(12)(t1)
	ld	x13, FRAME_REG(13)(t1)
	ld	x14, FRAME_REG(14)(t1)
	ld	x15, FRAME_REG(15)(t1)
	ld	x16, FRAME_REG(16)(t1)
	ld	x17, FRAME_REG(17)(t1)
	ld	x18, FRAME_REG(18)(t1)
	ld	x19, FRAME_REG(19)(t1)
	ld	x20, FRAME_REG(20)(t1)
	ld	x21, FRAME_REG(21)(t1)
	ld	x22, FRAME_REG(22)(t1)
	ld	x23, FRAME_REG(23)(t1)
	ld	x24, FRAME_REG(24)(t1)
	ld	x25, FRAME_REG(25)(t1)
	ld	x26, FRAME_REG(26)(t1)
	ld	x27, FRAME_REG(27)(t1)
	ld	x28, FRAME_REG(28)(t1)
	ld	x29, FRAME_REG(29)(t1)
	ld	x30, FRAME_REG(30)(t1)
	ld	x31, FRAME_REG(31)(t1)
	ld	t0, FRAME_STVEC(t1)
	ld	t2, FRAME_SEPC(t1)
	ld	t1, FRAME_SATP(t1)
	csrw	satp, t1
	sfence.vma
	j	.

/* ---- traps from the guests -------------------------------------------- */
/*
 * sscratch holds this CPU's frame while a guest runs. A trap taken in
 * HS-mode itself is a bug (expected faults use their own vector,
 * traps.c): handle_trap panics on it.
 */
	.align	2
	.globl	trap_vector
trap_vector:
	csrrw	sp, sscratch, sp
	for_regs sd, sp
	sd	x10, FRAME_REG(10)(sp)
	csrr	t0, sscratch
	sd	t0, FRAME_REG(2)(sp)
	csrr	t0, sepc
	sd	t0, FRAME_SEPC(sp)
	csrw	sscratch, sp
	mv	a0, sp
	call	handle_trap
	mv	a0, sp
	/* fall through */

/* return_to_guest(frame): resume the guest with the frame's registers. */
	.globl	return_to_guest
return_to_guest:
	restore_frame_and_sret

/*
 * An HS-mode fault expected by a caller of traps.c (reading a guest's
 * instruction): skip the faulting 4-byte instruction, note it in t6.
 */
	.align	2
	.globl	expected_fault_vector
expected_fault_vector:
	csrr	t6, sepc
	addi	t6, t6, 4
	csrw	sepc, t6
	li	t6, 1
	sret
