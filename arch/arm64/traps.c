// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions taken to EL2 from the cells, dispatched by their class.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/sysregs.h>
#include <asm/traps.h>

static void handle_hvc(struct trap_frame *frame)
{
	/* ELR already points after the hvc. */
	frame->x[0] = (u64)hypercall(frame->x[0], frame->x[1]);
}

void handle_sync(struct trap_frame *frame)
{
	u64 esr = read_sysreg(esr_el2);

	switch (ESR_EC(esr)) {
	case EC_HVC64:
		handle_hvc(frame);
		break;
	default:
		this_cpu()->stats[EXIT_OTHER]++;
		panic_stop("CPU %u: unhandled trap from EL1: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
			   this_cpu()->id, (unsigned long long)esr,
			   (unsigned long long)read_sysreg(elr_el2),
			   (unsigned long long)read_sysreg(far_el2));
	}
}

void handle_fiq(struct trap_frame *frame)
{
	(void)frame;
	this_cpu()->stats[EXIT_MANAGEMENT]++;
}

void handle_bad_exception(struct trap_frame *frame, u64 vector)
{
	(void)frame;
	panic_stop("CPU %u: exception at EL2 (vector %llu): ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
		   this_cpu()->id, (unsigned long long)vector,
		   (unsigned long long)read_sysreg(esr_el2),
		   (unsigned long long)read_sysreg(elr_el2),
		   (unsigned long long)read_sysreg(far_el2));
}
