// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 probes of the bench (bench.c): the virtual counter, and the
 * instructions retired around a call, counted at EL0, EL1 and - through
 * PMEVTYPER.NSH - EL2, so that the hypervisor's part of a hypercall is in
 * the count. The highest PMU event counter is borrowed and given back as
 * it was, so that perf's use of the PMU is left alone. QEMU implements the
 * instructions event only under -icount.
 */
#include <linux/kernel.h>
#include <asm/arch_timer.h>
#include <asm/sysreg.h>

#include "axvm.h"

#define PMCR_E			BIT(0)
#define PMCR_N(pmcr)		(((pmcr) >> 11) & 0x1f)
#define PMEVTYPER_NSH		BIT(27)
#define EVENT_INST_RETIRED	0x08

u64 axvm_arch_ticks(void)
{
	return __arch_counter_get_cntvct();
}

static u32 instructions(void)
{
	isb();
	return (u32)read_sysreg(pmxevcntr_el0);
}

/* Call with interrupts off: the borrowed counter must not change hands. */
int axvm_arch_count_instructions(void (*fn)(void), u32 *counts, unsigned int n)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int pmuver = (dfr0 >> 8) & 0xf, idx, i;
	u64 pmcr, sel, typer, cntr, cnten;
	u32 overhead = U32_MAX;

	if (pmuver == 0 || pmuver == 0xf ||
	    !(read_sysreg(pmceid0_el0) & BIT(EVENT_INST_RETIRED)))
		return -EOPNOTSUPP;
	pmcr = read_sysreg(pmcr_el0);
	if (!PMCR_N(pmcr))
		return -EOPNOTSUPP;
	idx = PMCR_N(pmcr) - 1;

	sel = read_sysreg(pmselr_el0);
	cnten = read_sysreg(pmcntenset_el0);
	write_sysreg(idx, pmselr_el0);
	isb();
	typer = read_sysreg(pmxevtyper_el0);
	cntr = read_sysreg(pmxevcntr_el0);
	write_sysreg(PMEVTYPER_NSH | EVENT_INST_RETIRED, pmxevtyper_el0);
	write_sysreg(BIT(idx), pmcntenset_el0);
	write_sysreg(pmcr | PMCR_E, pmcr_el0);

	/* Two back-to-back reads: what every sample includes and loses. */
	for (i = 0; i < 100; i++) {
		u32 c0 = instructions();

		overhead = min(overhead, instructions() - c0);
	}
	for (i = 0; i < n; i++) {
		u32 c0 = instructions();

		fn();
		counts[i] = instructions() - c0 - overhead;
	}

	write_sysreg(pmcr, pmcr_el0);
	if (!(cnten & BIT(idx)))
		write_sysreg(BIT(idx), pmcntenclr_el0);
	write_sysreg(typer, pmxevtyper_el0);
	write_sysreg(cntr, pmxevcntr_el0);
	write_sysreg(sel, pmselr_el0);
	isb();
	return 0;
}
