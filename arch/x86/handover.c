// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-over contract (hv/arch.h) on x86-64. CPUs, interrupts and
 * pages change owner only between cells, which x86-64 does not have yet
 * (setup.c refuses to create one): these hooks have nothing to hand over
 * until then, and say so if they are ever reached.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>
#include <hv/printk.h>

void arch_cpu_reset(struct per_cpu *cpu)
{
	panic_stop("CPU %u: parking a CPU on x86_64 is not supported yet\n",
		   cpu->id);
}

void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to)
{
	(void)cpu;
	(void)from;
	(void)to;
}

void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell)
{
	(void)cell;
	(void)to_cell;
}
