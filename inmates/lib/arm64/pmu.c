// SPDX-License-Identifier: GPL-2.0
/*
 * Instructions retired, from PMU event counter 0, for the bench: event
 * INST_RETIRED (0x08) counted at EL0, EL1 and, through PMEVTYPER.NSH, at
 * EL2, so that the hypervisor's part of a round trip is in the count.
 * QEMU implements this event only under -icount, where it counts the
 * machine's instructions; pmu_instructions_supported() says whether it is
 * there (PMCEID0_EL0 bit 8).
 */
#include <inmate.h>

#define PMCR_E		(1u << 0)
#define PMEVTYPER_NSH	(1u << 27)
#define EVENT_INST_RETIRED 0x08

bool pmu_instructions_supported(void)
{
	u64 dfr0, ceid0;

	asm volatile("mrs %0, id_aa64dfr0_el1" : "=r"(dfr0));
	if (((dfr0 >> 8) & 0xf) == 0 || ((dfr0 >> 8) & 0xf) == 0xf)
		return false;	/* no PMUv3 */
	asm volatile("mrs %0, pmceid0_el0" : "=r"(ceid0));
	return ceid0 & (1u << EVENT_INST_RETIRED);
}

void pmu_instructions_start(void)
{
	u64 pmcr;

	asm volatile("msr pmevtyper0_el0, %0" : : "r"((u64)(PMEVTYPER_NSH | EVENT_INST_RETIRED)));
	asm volatile("msr pmevcntr0_el0, xzr");
	asm volatile("msr pmcntenset_el0, %0" : : "r"(1ull));
	asm volatile("mrs %0, pmcr_el0" : "=r"(pmcr));
	asm volatile("msr pmcr_el0, %0\n\tisb" : : "r"(pmcr | PMCR_E));
}

u32 pmu_instructions(void)
{
	u64 v;

	asm volatile("isb\n\tmrs %0, pmevcntr0_el0" : "=r"(v) : : "memory");
	return (u32)v;
}
