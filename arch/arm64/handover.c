// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-over contract of hv/arch.h on arm64: a CPU that parks keeps
 * nothing of the owner it ran for, a CPU that moves keeps nothing that
 * reached it while parked, and a cell's interrupts and memory come back
 * to the root as the root had them (memory: zeroed).
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>

#include <asm/gicv3.h>
#include <asm/sysregs.h>

#define SCTLR_EL1_RESET		0x30d00800ull	/* MMU and caches off, RES1 */
#define PMCR_P			(1ull << 1)	/* reset the event counters */
#define PMCR_C			(1ull << 2)	/* reset the cycle counter */
#define PMU_ALL_COUNTERS	0xffffffffull
#define ID_DFR0_PMUVER(v)	(((v) >> 8) & 0xf)

/*
 * The FP/SIMD registers as after a reset: zero. The firmware is built
 * without FP (-mgeneral-regs-only), so this is the only FP code at EL2;
 * arch_cpu_init() makes sure CPTR_EL2 does not trap it. On a CPU with SVE,
 * writing Vn also zeroes the rest of Zn, but the predicate registers would
 * still need their own wipe (no SVE on the reference CPU).
 */
static void wipe_fpsimd(void)
{
	asm volatile(".arch_extension fp\n\t.arch_extension simd\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "movi v\\n\\().2d, #0\n\t"
		     ".endr\n\t"
		     "msr fpcr, xzr\n\tmsr fpsr, xzr" ::: "memory");
}

/*
 * EL1 and EL0 state: page table pointers, thread pointers, exception
 * state, the debug enables, and both EL1 timers (an armed virtual timer
 * would also wake the parked CPU's wfi over and over once its deadline
 * passed).
 */
static void reset_el1_state(void)
{
	wipe_fpsimd();
	write_sysreg(0, cpacr_el1);	/* FP off until the next owner turns it on */
	write_sysreg(SCTLR_EL1_RESET, sctlr_el1);
	write_sysreg(0, ttbr0_el1);
	write_sysreg(0, ttbr1_el1);
	write_sysreg(0, tcr_el1);
	write_sysreg(0, mair_el1);
	write_sysreg(0, amair_el1);
	write_sysreg(0, vbar_el1);
	write_sysreg(0, tpidr_el1);
	write_sysreg(0, tpidr_el0);
	write_sysreg(0, tpidrro_el0);
	write_sysreg(0, sp_el0);
	write_sysreg(0, sp_el1);
	write_sysreg(0, elr_el1);
	write_sysreg(0, spsr_el1);
	write_sysreg(0, far_el1);
	write_sysreg(0, esr_el1);
	write_sysreg(0, par_el1);
	write_sysreg(0, afsr0_el1);
	write_sysreg(0, afsr1_el1);
	write_sysreg(0, contextidr_el1);
	write_sysreg(0, mdscr_el1);
	write_sysreg(0, cntv_ctl_el0);
	write_sysreg(0, cntv_cval_el0);
	write_sysreg(0, cntp_ctl_el0);
	write_sysreg(0, cntp_cval_el0);
	write_sysreg(0, cntkctl_el1);
}

/* The PMU: counters stopped, zeroed, their interrupts off. */
static void reset_pmu(void)
{
	u64 ver = ID_DFR0_PMUVER(read_sysreg(id_aa64dfr0_el1));

	if (ver == 0 || ver == 0xf)
		return;	/* no PMU (or an IMPLEMENTATION DEFINED one) */
	write_sysreg(PMCR_P | PMCR_C, pmcr_el0);
	write_sysreg(PMU_ALL_COUNTERS, pmcntenclr_el0);
	write_sysreg(PMU_ALL_COUNTERS, pmintenclr_el1);
	write_sysreg(PMU_ALL_COUNTERS, pmovsclr_el0);
	write_sysreg(0, pmuserenr_el0);
	write_sysreg(0, pmselr_el0);
	write_sysreg(0, pmccfiltr_el0);
}

void arch_cpu_reset(struct per_cpu *cpu)
{
	reset_el1_state();
	reset_pmu();
	gicv3_reset_cpu_interface();
	gicv3_reset_private_irqs(cpu);
	gicv3_setup_management_sgi(cpu);
}

void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to)
{
	gicv3_reset_private_irqs(cpu);
	gicv3_move_redistributor(cpu, from, to);
	arch_cell_flush(from);
	arch_cell_flush(to);
}

void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell)
{
	gicv3_hand_over_spis(cell, to_cell);
}
