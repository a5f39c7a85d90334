/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data: one area of AXVM_PERCPU_SIZE per CPU right after the image,
 * holding this struct at its start and the CPU's stack at its end.
 */
#ifndef _HV_PERCPU_H
#define _HV_PERCPU_H

#include <hv/types.h>
#include <asm/percpu.h>

/* Why a CPU left the guest: counted per CPU, shown in sysfs. */
enum exit_reason {
	EXIT_HYPERCALL,
	EXIT_PSCI,
	EXIT_MMIO,
	EXIT_SYSREG,
	EXIT_ABORT,
	EXIT_MANAGEMENT,
	EXIT_OTHER,
	NUM_EXIT_REASONS,
};

/**
 * struct per_cpu - what the firmware keeps for one CPU
 * @id:     Linux's logical number of the CPU.
 * @active: the CPU runs under the hypervisor.
 * @stats:  exits by reason.
 * @arch:   the architecture's part.
 */
struct per_cpu {
	unsigned int id;
	bool active;
	u64 stats[NUM_EXIT_REASONS];
	struct arch_per_cpu arch;
};

/** this_cpu() - the calling CPU's data (kept in a register by the arch). */
struct per_cpu *this_cpu(void);

/** per_cpu() - CPU @cpu's data. */
struct per_cpu *per_cpu(unsigned int cpu);

#endif /* _HV_PERCPU_H */
