/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two pieces of code the riscv64 firmware switches through: the
 * trampoline into it and the landing back (include/axvm/arch/riscv64/
 * hypercall.h has the contract). Both live in the module's text, the
 * only executable memory we have: the firmware itself never runs at an
 * address of Linux's.
 */
#include <linux/linkage.h>

/*
 * long axvm_riscv64_enter(cpu, hartid, hv_phys, config_size, boot_satp,
 *			   entry_phys, landing): returns through the firmware.
 */
SYM_FUNC_START(axvm_riscv64_enter)
	csrr	t0, satp
	csrr	t1, stvec
	csrr	t2, sstatus
	csrw	stvec, a5
	csrw	satp, a4
	sfence.vma
	j	.		/* not reached: the fetch above faults */
SYM_FUNC_END(axvm_riscv64_enter)

/*
 * Reached by an instruction page fault right after the firmware put back
 * Linux's satp: t0 = Linux's stvec, t2 = where to resume; a0 holds the
 * result, every other register but t1 is Linux's again.
 */
	.balign	4
SYM_CODE_START(axvm_riscv64_landing)
	csrw	stvec, t0
	sfence.vma		/* nothing of the firmware's tables may stay */
	jr	t2
SYM_CODE_END(axvm_riscv64_landing)
