// SPDX-License-Identifier: GPL-2.0
/*
 * CPU control hooks of the arm64 firmware.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/gicv3.h>
#include <asm/layout.h>
#include <asm/psci.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define MPIDR_AFF_MASK	0xff00ffffffull
/* SCTLR_EL1 as after reset: MMU and caches off, RES1 bits set. */
#define SCTLR_EL1_RESET	0x30d00800ull
#define SPSR_EL1H_MASKED (SPSR_DAIF | SPSR_EL1H)

void arch_cpu_stop(void)
{
	for (;;)
		asm volatile("msr daifset, #0xf\n\twfi" ::: "memory");
}

void arch_panic_stop_others(void)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (cpu != this_cpu() && cpu->active)
			gicv3_send_management_sgi(cpu);
	}
}

u64 arch_cpu_hw_id(const struct per_cpu *cpu)
{
	return cpu->arch.mpidr & MPIDR_AFF_MASK;
}

void arch_cpu_kick(struct per_cpu *cpu)
{
	gicv3_send_management_sgi(cpu);
}

void arch_cpu_prepare_park(struct per_cpu *cpu)
{
	gicv3_clear_group1_active_priorities();
	gicv3_setup_management_sgi(cpu);
}

void arch_cpu_wait_for_request(void)
{
	asm volatile("dsb sy\n\twfi" ::: "memory");
	gicv3_ack_management();
	if (__atomic_load_n(&panic_in_progress, __ATOMIC_ACQUIRE))
		arch_cpu_stop();
}

u64 arch_counter(void)
{
	u64 v;

	asm volatile("isb\n\tmrs %0, cntpct_el0" : "=r"(v));
	return v;
}

u64 arch_counter_hz(void)
{
	return read_sysreg(cntfrq_el0);
}

void arch_cpu_signal_all(void)
{
	asm volatile("dsb ish\n\tsev" ::: "memory");
}

void arch_cpu_wait_for_signal(void)
{
	asm volatile("wfe" ::: "memory");
}

static struct trap_frame *top_frame(struct per_cpu *cpu)
{
	return (struct trap_frame *)((u64)(uintptr_t)cpu + AXVM_PERCPU_SIZE -
				     AXVM_FRAME_SIZE);
}

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
 * A CPU that changes cells must not carry the previous cell's EL1 state
 * along (page table pointers, thread pointers, exception state, FP/SIMD
 * registers...).
 */
static void reset_el1_state(void)
{
	wipe_fpsimd();
	write_sysreg(0, cpacr_el1);	/* FP off until the cell turns it on */
	write_sysreg(0, ttbr0_el1);
	write_sysreg(0, ttbr1_el1);
	write_sysreg(0, tcr_el1);
	write_sysreg(0, mair_el1);
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
	write_sysreg(0, contextidr_el1);
	write_sysreg(0, cntv_ctl_el0);
	write_sysreg(0, cntp_ctl_el0);
	write_sysreg(0, cntkctl_el1);
}

void arch_cpu_start_guest(struct per_cpu *cpu, u64 entry, u64 context)
{
	struct trap_frame *frame = top_frame(cpu);
	unsigned int i;

	for (i = 0; i < 31; i++)
		frame->x[i] = 0;
	frame->x[0] = context;
	if (cpu->cell != &root_cell)
		reset_el1_state();
	write_sysreg(cpu->cell->arch.vttbr, vttbr_el2);
	isb();
	asm volatile("tlbi vmalls12e1\n\tdsb nsh" ::: "memory");
	write_sysreg(SCTLR_EL1_RESET, sctlr_el1);
	write_sysreg(entry, elr_el2);
	write_sysreg(SPSR_EL1H_MASKED, spsr_el2);
	isb();
	/* Nothing the CPU translated before it was switched off may stay. */
	asm volatile("tlbi vmalle1\n\tdsb nsh\n\tisb" ::: "memory");
	return_to_guest(frame);
}

void arch_cpu_power_off(struct per_cpu *cpu)
{
	arch_cpu_restore(cpu);
	write_sysreg(cpu->arch.stub_vectors, vbar_el2);
	write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
	isb();
	psci_smc(PSCI_CPU_OFF, 0, 0, 0);
	arch_cpu_stop();	/* only if the platform refused */
}
