// SPDX-License-Identifier: GPL-2.0
/*
 * Further CPUs for inmates: each gets a stack of its own and runs a
 * function; the architecture's start-up code (_secondary_start) takes
 * them from a struct secondary_cpu, its firmware call (arch_cpu_on:
 * PSCI CPU_ON, SBI HSM hart_start) switches them on.
 */
#include <inmate.h>

#define MAX_SECONDARY_CPUS	3
#define SECONDARY_STACK		4096

/* What start.S reads: keep the two words in this order. */
struct secondary_cpu {
	u64 stack_top;
	void (*fn)(void);
};

void _secondary_start(void);	/* start.S */

static struct secondary_cpu secondaries[MAX_SECONDARY_CPUS];
static u8 secondary_stacks[MAX_SECONDARY_CPUS][SECONDARY_STACK]
	__attribute__((aligned(16)));
static unsigned int num_secondaries;

long cpu_start(u64 hw_id, void (*fn)(void))
{
	struct secondary_cpu *s;

	if (num_secondaries == MAX_SECONDARY_CPUS)
		return -1;
	s = &secondaries[num_secondaries];
	s->stack_top = (u64)(uintptr_t)secondary_stacks[num_secondaries] +
		       SECONDARY_STACK;
	s->fn = fn;
	num_secondaries++;
	return arch_cpu_on(hw_id, (u64)(uintptr_t)_secondary_start,
			   (u64)(uintptr_t)s);
}
