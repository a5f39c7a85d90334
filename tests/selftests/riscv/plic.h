/* SPDX-License-Identifier: GPL-2.0 */
/*
 * riscv64's PLIC as the root sees it through /dev/mem (the hypervisor
 * emulates it for the root too), for the arch's tests: its register map
 * and which of its contexts is a Linux CPU's.
 */
#ifndef AXVM_SELFTEST_RISCV_PLIC_H
#define AXVM_SELFTEST_RISCV_PLIC_H

#include <stdio.h>

#include <axvm/config.h>

/* Register map (the RISC-V PLIC specification). */
#define PLIC_PRIORITY(src)	(4ul * (src))
#define PLIC_ENABLE		0x2000ul
#define PLIC_ENABLE_STRIDE	0x80ul
#define PLIC_CONTEXT		0x200000ul
#define PLIC_CONTEXT_STRIDE	0x1000ul

/* The hart id of Linux's CPU @cpu (/proc/cpuinfo), or -1. */
static inline long hart_of(int cpu)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256];
	int processor = -1;
	long hart = -1;

	while (f && hart < 0 && fgets(line, sizeof(line), f)) {
		long n;

		if (sscanf(line, "processor : %d", &processor) == 1)
			continue;
		if (processor == cpu && sscanf(line, "hart : %ld", &n) == 1)
			hart = n;
	}
	if (f)
		fclose(f);
	return hart;
}

/* Hart @hart's S-mode context. */
static inline unsigned long plic_s_context(const struct axvm_plic *plic, unsigned long hart)
{
	return hart * plic->hart_contexts + plic->s_context;
}

/* Offset of enable word @word (sources 32 * @word on) of context @ctx. */
static inline unsigned long plic_enable(unsigned long ctx, unsigned int word)
{
	return PLIC_ENABLE + ctx * PLIC_ENABLE_STRIDE + 4ul * word;
}

/* Offset of context @ctx's threshold (its claim/complete register follows). */
static inline unsigned long plic_threshold(unsigned long ctx)
{
	return PLIC_CONTEXT + ctx * PLIC_CONTEXT_STRIDE;
}

#endif /* AXVM_SELFTEST_RISCV_PLIC_H */
