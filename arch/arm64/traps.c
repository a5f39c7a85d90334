// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions taken to EL2 from the cells, dispatched by their class.
 */
#include <axvm/arch/arm64/hypercall.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/mmio.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/gicv3.h>
#include <asm/psci.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define ISS_DABT_ISV	(1u << 24)
#define ISS_DABT_SAS(i)	(((i) >> 22) & 3)
#define ISS_DABT_SSE	(1u << 21)
#define ISS_DABT_SRT(i)	(((i) >> 16) & 0x1f)
#define ISS_DABT_SF	(1u << 15)
#define ISS_DABT_WNR	(1u << 6)
/* Data and instruction aborts: the fault status code says a translation fault. */
#define ISS_FSC_IS_TRANSLATION(i)	(((i) & 0x3c) == 0x04)
#define ISS_SYSREG_READ	(1u << 0)
#define ISS_SYSREG_RT(i) (((i) >> 5) & 0x1f)
#define FSC_EXTERNAL	0x10

static void skip_instruction(u64 esr)
{
	write_sysreg(read_sysreg(elr_el2) + ((esr & ESR_IL) ? 4 : 2), elr_el2);
}

static u64 get_reg(struct trap_frame *frame, unsigned int r)
{
	return r == 31 ? 0 : frame->x[r];
}

static void set_reg(struct trap_frame *frame, unsigned int r, u64 v)
{
	if (r != 31)
		frame->x[r] = v;
}

/*
 * Make the guest take a synchronous external abort, as if the access had
 * hit nothing: Linux turns it into SIGBUS for a process (and an oops for
 * the kernel). ESR_EL1's class follows the level the access came from.
 */
static void inject_abort(u64 esr)
{
	u64 spsr = read_sysreg(spsr_el2);
	bool from_el0 = (spsr & 0xf) == 0;
	bool instruction = ESR_EC(esr) == EC_IABT_LOW;
	u64 ec = instruction ? (from_el0 ? EC_IABT_LOW : EC_IABT_CUR) :
			       (from_el0 ? EC_DABT_LOW : EC_DABT_CUR);
	u64 vbar = read_sysreg(vbar_el1);

	write_sysreg((ec << ESR_EC_SHIFT) | ESR_IL | FSC_EXTERNAL, esr_el1);
	write_sysreg(read_sysreg(far_el2), far_el1);
	write_sysreg(read_sysreg(elr_el2), elr_el1);
	write_sysreg(spsr, spsr_el1);
	/* Current EL with SPx (0x200) or lower EL AArch64 (0x400). */
	write_sysreg(vbar + (from_el0 ? 0x400 : 0x200), elr_el2);
	write_sysreg((spsr & 0xf0000000ull) | SPSR_DAIF | SPSR_EL1H, spsr_el2);
}

static void handle_abort(struct trap_frame *frame, u64 esr)
{
	struct per_cpu *cpu = this_cpu();
	u32 iss = (u32)(esr & 0x1ffffff);
	u64 ipa = ((read_sysreg(hpfar_el2) & 0xfffffffff0ull) << 8) |
		  (read_sysreg(far_el2) & 0xfff);
	struct mmio_access access = {
		.address = ipa,
		.size = 1u << ISS_DABT_SAS(iss),
		.write = iss & ISS_DABT_WNR,
	};
	unsigned int srt = ISS_DABT_SRT(iss);

	if (ESR_EC(esr) == EC_DABT_LOW && (iss & ISS_DABT_ISV)) {
		if (access.write)
			access.value = get_reg(frame, srt);
		if (mmio_dispatch(cpu->cell, &access) == MMIO_HANDLED) {
			cpu->stats[EXIT_MMIO]++;
			if (!access.write) {
				u64 v = access.value;

				if ((iss & ISS_DABT_SSE) && access.size < 8) {
					unsigned int shift = 64 - 8 * access.size;

					v = (u64)((s64)(v << shift) >> shift);
				}
				if (!(iss & ISS_DABT_SF))
					v &= 0xffffffffull;
				set_reg(frame, srt, v);
			}
			skip_instruction(esr);
			return;
		}
	}
	/*
	 * A translation fault may come from the cell's stage-2 changing under
	 * it (an entry in its break-before-make window): if the address
	 * translates once the change is done, the access just runs again.
	 * (Permission faults are final: a read-only page stays read-only.)
	 */
	if (ISS_FSC_IS_TRANSLATION(iss) &&
	    paging_is_mapped(&cpu->cell->stage2, ipa & ~0xfffull))
		return;
	cpu->stats[EXIT_ABORT]++;
	if (cpu->cell != &root_cell)
		cell_fail(esr, ipa, ESR_EC(esr) == EC_IABT_LOW ?
			  "instruction fetch outside its memory" :
			  "access outside its memory");
	printk("CPU %u: cell %u: access to 0x%llx it does not own (ESR 0x%llx, ELR 0x%llx): abort injected\n",
	       cpu->id, cpu->cell->id, (unsigned long long)ipa,
	       (unsigned long long)esr,
	       (unsigned long long)read_sysreg(elr_el2));
	inject_abort(esr);
}

static void handle_sysreg(struct trap_frame *frame, u64 esr)
{
	u32 iss = (u32)(esr & 0x1ffffff);
	unsigned int rt = ISS_SYSREG_RT(iss);
	u64 value = get_reg(frame, rt);

	this_cpu()->stats[AXVM_EXIT_ARM64_SYSREG]++;
	if (!gicv3_handle_sysreg(iss, &value)) {
		/* Nothing else is trapped on purpose: undefined for the cell. */
		printk("CPU %u: unexpected system register trap, ISS 0x%x\n",
		       this_cpu()->id, iss);
		value = 0;
	}
	if (iss & ISS_SYSREG_READ)
		set_reg(frame, rt, value);
	skip_instruction(esr);
}

void handle_sync(struct trap_frame *frame)
{
	u64 esr = read_sysreg(esr_el2);

	switch (ESR_EC(esr)) {
	case EC_HVC64:
		/* ELR already points after the hvc. PSCI may come this way
		 * too (the conduit a machine without EL2 offers). */
		if (psci_is_function(frame->x[0]))
			psci_handle(frame);
		else if ((u32)frame->x[0] - AXVM_ARM64_HC_BASE < AXVM_ARM64_HC_RANGE)
			frame->x[0] = (u64)hypercall((u32)frame->x[0] - AXVM_ARM64_HC_BASE,
						     frame->x[1], frame->x[2]);
		else	/* SMCCC: a function nobody here implements */
			frame->x[0] = (u64)(long)AXVM_HC_NOT_SUPPORTED;
		break;
	case EC_SMC64:
		skip_instruction(esr);	/* ELR points at the smc */
		psci_handle(frame);
		break;
	case EC_SYSREG:
		handle_sysreg(frame, esr);
		break;
	case EC_DABT_LOW:
	case EC_IABT_LOW:
		handle_abort(frame, esr);
		break;
	default:
		this_cpu()->stats[EXIT_OTHER]++;
		if (this_cpu()->cell != &root_cell)
			cell_fail(esr, read_sysreg(elr_el2), "unexpected trap");
		panic_stop("CPU %u: unhandled trap from EL1: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
			   this_cpu()->id, (unsigned long long)esr,
			   (unsigned long long)read_sysreg(elr_el2),
			   (unsigned long long)read_sysreg(far_el2));
	}
}

void handle_fiq(struct trap_frame *frame)
{
	(void)frame;
	struct per_cpu *cpu = this_cpu();

	cpu->stats[EXIT_MANAGEMENT]++;
	gicv3_ack_management();
	if (__atomic_load_n(&panic_in_progress, __ATOMIC_ACQUIRE))
		arch_cpu_stop();
	if (__atomic_load_n(&cpu->requests, __ATOMIC_ACQUIRE) & CPU_REQ_PARK)
		cpu_park(cpu);
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
