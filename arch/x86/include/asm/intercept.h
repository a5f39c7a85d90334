/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What exits and what the firmware answers (intercept.c): CPUID, the MSR
 * permission maps of the root and of cells, the I/O permission map of
 * cells.
 */
#ifndef _ASM_INTERCEPT_H
#define _ASM_INTERCEPT_H

#include <hv/types.h>

struct cell;
struct per_cpu;
struct vmcb;
struct guest_regs;

/* The maps, built once by the first CPU in. */
void intercept_maps_init(void);
/* The MSR permission map @cell's CPUs run with (its physical address). */
u64 intercept_msrpm(const struct cell *cell);
/* The I/O permission map of cells: every port exits. */
u64 intercept_iopm(void);

/* The guest's CPUID, answered and skipped. */
void intercept_cpuid(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs);
/* The guest's intercepted RDMSR or WRMSR: emulated and skipped, or a #GP. */
void intercept_msr(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs);

#endif /* _ASM_INTERCEPT_H */
