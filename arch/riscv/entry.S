/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering, trapping into and leaving the firmware in HS-mode.
 *
 * Entry: Linux runs in HS-mode already (the H extension makes S-mode
 * HS-mode), so the driver simply calls axvm_entry through its own
 * executable mapping V of hypervisor memory (include/axvm/arch/riscv64/
 * hypercall.h has the arguments). Still on Linux's page tables, the entry
 * saves the caller's registers, applies the image's relocations (it is
 * position independent and may sit anywhere), writes a one-entry boot
 * table (a gigapage mapping hypervisor memory 1:1) and switches to it.
 * The switch needs no code mapped at both addresses: with stvec pointing
 * at the physical address of the next step, the first fetch at V under the
 * new table takes an instruction page fault (Linux delegates those to
 * S-mode) and lands there, now running 1:1. bootstrap() in C then takes
 * the CPU over and returns into Linux in VS-mode, or goes back into
 * HS-mode Linux the same way in reverse (leave_to_linux) on failure.
 */
#include <asm/layout.h>

#define R_RISCV_RELATIVE	3
#define EINVAL			22
#define PTE_LEAF_RWX		0xcf	/* V R W X A D */

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

/* ---- entry from Linux (HS-mode, Linux's page tables) ----------------- */
	.globl	axvm_entry
axvm_entry:
	li	t0, AXVM_MAX_CPUS
	bgeu	a0, t0, .Lbad_args
	slli	t0, a2, 52		/* page aligned */
	bnez	t0, .Lbad_args
	srli	t0, a2, 39		/* the boot table is Sv39 */
	bnez	t0, .Lbad_args

	/* This CPU's frame, at the top of its area after the image. */
	lla	t0, __memory_end
	li	t1, AXVM_PERCPU_SIZE
	mul	t2, a0, t1
	add	t0, t0, t2
	add	t0, t0, t1
	addi	t0, t0, -AXVM_FRAME_SIZE
	for_regs sd, t0
	sd	x10, FRAME_REG(10)(t0)
	sd	x2, FRAME_REG(2)(t0)
	sd	ra, FRAME_SEPC(t0)	/* Linux resumes at its return address */
	sd	a2, FRAME_HV_PA(t0)
	sd	a4, FRAME_HV_VA(t0)
	csrr	t1, satp
	sd	t1, FRAME_SATP(t0)
	csrr	t1, stvec
	sd	t1, FRAME_STVEC(t0)
	csrr	t1, sscratch
	sd	t1, FRAME_SSCRATCH(t0)
	csrr	t1, sstatus
	sd	t1, FRAME_SSTATUS(t0)

	/* Relocate for where the image runs: its physical address. */
	lla	t1, __rela_start
	lla	t2, __rela_end
	lla	t3, __image_start
1:	bgeu	t1, t2, 2f
	ld	t4, 0(t1)		/* r_offset */
	ld	t5, 8(t1)		/* r_info */
	ld	t6, 16(t1)		/* r_addend */
	addi	t1, t1, 24
	addi	t5, t5, -R_RISCV_RELATIVE
	bnez	t5, 1b
	add	t6, t6, a2
	add	t4, t4, t3
	sd	t6, 0(t4)
	j	1b
2:
	/* The boot table: the gigapage(s) of hypervisor memory, 1:1. */
	lla	t1, boot_table
	srli	t2, a2, 30
	slli	t3, t2, 3
	add	t3, t3, t1
	slli	t4, t2, 28
	ori	t4, t4, PTE_LEAF_RWX
	sd	t4, 0(t3)
	addi	t2, t2, 1		/* hypervisor memory may cross a GiB */
	slli	t3, t2, 3
	add	t3, t3, t1
	slli	t4, t2, 28
	ori	t4, t4, PTE_LEAF_RWX
	sd	t4, 0(t3)
	fence	rw, rw

	/* V-based to physical: subtract a4 (V), add a2 (PA). */
	sub	t5, t0, a4
	add	t5, t5, a2		/* t5 = the frame, physical */
	lla	t2, .Lentered
	sub	t2, t2, a4
	add	t2, t2, a2
	csrw	stvec, t2
	sub	t1, t1, a4
	add	t1, t1, a2
	srli	t1, t1, 12
	li	t2, 8			/* Sv39 */
	slli	t2, t2, 60
	or	t1, t1, t2
	csrw	satp, t1
	sfence.vma
	j	.			/* not reached: the fetch faults */

	.align	2
.Lentered:
	/* HS-mode, 1:1 on the boot table; the other registers as on entry. */
	sfence.vma
	csrw	sscratch, t5
	mv	sp, t5
	mv	a0, t5
	call	bootstrap		/* does not return */
	j	.

.Lbad_args:
	li	a0, -EINVAL
	ret

/*
 * leave_to_linux(frame_va, satp, landing_va, stvec): the reverse switch.
 * With stvec at linux_landing's address in Linux's mapping, the first fetch
 * here under Linux's satp faults (this physical address is not kernel
 * memory Linux can execute) and lands there.
 */
	.globl	leave_to_linux
leave_to_linux:
	csrw	stvec, a2
	csrw	satp, a1
	sfence.vma
	j	.

	.align	2
	.globl	linux_landing
linux_landing:
	csrw	stvec, a3
	restore_frame_and_sret

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

	.section .bss.boot, "aw", @nobits
	.align	12
boot_table:
	.skip	4096
