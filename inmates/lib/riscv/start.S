/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate start-up on riscv64: entered in S-mode (VS-mode in a cell) with
 * translation off, a0 = hart id, from the hypervisor's cell start or from
 * OpenSBI on the bare machine. tp keeps the hart id for cpu_hw_id(); a
 * stack, the trap vector, .bss cleared, then inmate_main() and off.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	mv	tp, a0
	lla	sp, __stack_top
	lla	t0, trap_entry
	csrw	stvec, t0
	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	call	inmate_main
	call	inmate_exit

/*
 * A further hart, started with cpu_start(): a0 = hart id, a1 points at its
 * struct secondary_cpu { stack top, function }. When the function returns,
 * the hart switches itself off.
 */
	.globl _secondary_start
_secondary_start:
	csrw	sie, zero
	mv	tp, a0
	ld	sp, 0(a1)
	lla	t0, trap_entry
	csrw	stvec, t0
	ld	t0, 8(a1)
	jalr	t0
	call	cpu_off

/* Every trap: the caller-saved registers around trap_dispatch() in C. */
	.align	2
trap_entry:
	addi	sp, sp, -(16 * 8)
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	call	trap_dispatch
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 16 * 8
	sret
