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

/* SCTLR_EL1 as after reset: MMU and caches off, RES1 bits set. */
#define SCTLR_EL1_RESET	0x30d00800ull
#define SPSR_EL1H_MASKED (SPSR_DAIF | SPSR_EL1H)

void arch_cpu_stop(void)
{
	for (;;)
		asm volatile("msr daifset, #0xf\n\twfi" ::: "memory");
}

u64 arch_cpu_hw_id(const struct per_cpu *cpu)
{
	return cpu->arch.mpidr & MPIDR_AFF_MASK;
}

void arch_cpu_kick(struct per_cpu *cpu)
{
	gicv3_send_management_sgi(cpu);
}

void arch_cpu_wait_for_request(void)
{
	asm volatile("dsb sy\n\twfi" ::: "memory");
	gicv3_ack_management();
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

void arch_cpu_start_guest(struct per_cpu *cpu, u64 entry, u64 context)
{
	struct trap_frame *frame = top_frame(cpu);
	unsigned int i;

	for (i = 0; i < 31; i++)
		frame->x[i] = 0;
	frame->x[0] = context;
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
