// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3: the management SGI and the trapped CPU interface registers (IPI
 * filtering); see asm/gicv3.h for the delivery model. The distributor and
 * redistributor emulation live in gicv3_dist.c and gicv3_redist.c, the
 * hand-over resets in gicv3_handover.c.
 */
#include <axvm/errno.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/mmio.h>
#include <hv/paging.h>
#include <hv/percpu.h>
#include <hv/printk.h>
#include <hv/spinlock.h>

#include <asm/gicv3.h>
#include <asm/gicv3_regs.h>
#include <asm/io.h>
#include <asm/layout.h>
#include <asm/sysregs.h>


/* The lowest priority mask a cell may set: SGI 15 (priority 0) must pass. */
#define PMR_MIN			0x08

/* A system register's ISS encoding without Rt and direction. */
#define ISS_SYSREG_MASK		0x3ffc1eu
#define ISS_SYSREG(op0, op1, crn, crm, op2) \
	(((op0) << 20) | ((op2) << 17) | ((op1) << 14) | ((crn) << 10) | ((crm) << 1))
#define ISS_ICC_PMR		ISS_SYSREG(3u, 0u, 4u, 6u, 0u)
#define ISS_ICC_DIR		ISS_SYSREG(3u, 0u, 12u, 11u, 1u)
#define ISS_ICC_RPR		ISS_SYSREG(3u, 0u, 12u, 11u, 3u)
#define ISS_ICC_SGI1R		ISS_SYSREG(3u, 0u, 12u, 11u, 5u)
#define ISS_ICC_ASGI1R		ISS_SYSREG(3u, 0u, 12u, 11u, 6u)
#define ISS_ICC_SGI0R		ISS_SYSREG(3u, 0u, 12u, 11u, 7u)
#define ISS_ICC_CTLR		ISS_SYSREG(3u, 0u, 12u, 12u, 4u)
#define ISS_READ		1u

#define SGIR_TARGETS(v)		((v) & 0xffff)
#define SGIR_AFF1_SHIFT		16
#define SGIR_INTID_SHIFT	24
#define SGIR_AFF2_SHIFT		32
#define SGIR_IRM		(1ull << 40)
#define SGIR_RS_SHIFT		44
#define SGIR_AFF3_SHIFT		48


/* The redistributor frame whose TYPER names @mpidr's affinity, or 0. */
static u64 find_redistributor(u64 mpidr)
{
	const struct axvm_platform *p = &system_config->system.platform;
	u64 aff = ((mpidr >> 32) & 0xff) << 24 | (mpidr & 0xffffff);
	u64 frame;

	for (frame = p->arch.gicv3.gicr_base; frame < p->arch.gicv3.gicr_base + p->arch.gicv3.gicr_size;
	     frame += GICR_FRAME_SIZE) {
		u64 typer = mmio_read64(frame + GICR_TYPER);

		if ((typer >> 32) == aff)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

int gicv3_cpu_init(struct per_cpu *cpu)
{
	u64 rd = find_redistributor(cpu->arch.mpidr);

	if (!rd) {
		printk("CPU %u: no GIC redistributor for MPIDR 0x%llx\n", cpu->id,
		       (unsigned long long)cpu->arch.mpidr);
		return -ENODEV;
	}
	cpu->arch.gicr = rd;
	/* The PPIs' triggers as Linux has them: what a hand-over restores. */
	cpu->arch.ppi_config = mmio_read32(rd + GICR_ICFGR1);
	gicv3_setup_management_sgi(cpu);
	sysreg_write_s(ICH_HCR_TC, ICH_HCR_EL2);
	isb();
	return 0;
}

/* SGI 15: Group 0, top priority, enabled. Linux uses SGIs 0-7. */
void gicv3_setup_management_sgi(struct per_cpu *cpu)
{
	u64 rd = cpu->arch.gicr;

	mmio_write32(rd + GICR_ICENABLER0, 1u << SGI_MANAGEMENT);
	mmio_write32(rd + GICR_IGROUPR0,
		     mmio_read32(rd + GICR_IGROUPR0) & ~(1u << SGI_MANAGEMENT));
	mmio_write8(rd + GICR_IPRIORITYR + SGI_MANAGEMENT, 0);
	mmio_write32(rd + GICR_ISENABLER0, 1u << SGI_MANAGEMENT);
	sysreg_write_s(1, ICC_IGRPEN0_EL1);
	isb();
}

void gicv3_cpu_exit(struct per_cpu *cpu)
{
	u64 rd = cpu->arch.gicr;

	sysreg_write_s(0, ICH_HCR_EL2);
	sysreg_write_s(0, ICC_IGRPEN0_EL1);
	mmio_write32(rd + GICR_ICENABLER0, 1u << SGI_MANAGEMENT);
	mmio_write32(rd + GICR_IGROUPR0,
		     mmio_read32(rd + GICR_IGROUPR0) | (1u << SGI_MANAGEMENT));
	isb();
}

/* An SGI register value for one target CPU. */
static u64 sgi_value(u64 mpidr, unsigned int intid)
{
	return ((mpidr >> 32) & 0xff) << SGIR_AFF3_SHIFT |
	       ((mpidr >> 16) & 0xff) << SGIR_AFF2_SHIFT |
	       ((mpidr >> 8) & 0xff) << SGIR_AFF1_SHIFT |
	       ((mpidr & 0xff) >> 4) << SGIR_RS_SHIFT |
	       (u64)intid << SGIR_INTID_SHIFT | (1ull << (mpidr & 0xf));
}

void gicv3_send_management_sgi(const struct per_cpu *target)
{
	dsb_ish();
	sysreg_write_s(sgi_value(target->arch.mpidr, SGI_MANAGEMENT),
		       ICC_SGI0R_EL1);
	isb();
}

void gicv3_ack_management(void)
{
	u64 intid = sysreg_read_s(ICC_IAR0_EL1) & 0xffffff;

	if (intid >= 1020)	/* spurious: nothing was pending */
		return;
	sysreg_write_s(intid, ICC_EOIR0_EL1);
	if (sysreg_read_s(ICC_CTLR_EL1) & ICC_CTLR_EOIMODE)
		sysreg_write_s(intid, ICC_DIR_EL1);
}

/*
 * May the calling CPU's cell interrupt the CPU with affinity @aff? Only
 * CPUs of its own cell; a CPU not under the hypervisor at all (one not
 * entered yet, or already left, during enable and disable) can only be
 * the root cell's.
 */
static bool may_signal(u64 aff)
{
	struct per_cpu *target = cpu_by_hw_id(aff);
	struct cell *own = this_cpu()->cell;

	return target ? target->cell == own : own == &root_cell;
}

/*
 * A cell sends an IPI (ICC_SGI1R_EL1). The targets it may not reach are
 * removed and the rest goes out unchanged, so no cell can interrupt
 * another.
 */
static void send_sgi1(u64 value)
{
	u64 aff_base, allowed = 0;
	unsigned int bit, i;

	if (value & SGIR_IRM) {
		/* "Everyone but me": spelled out for the own cell only. */
		for (i = 0; i < AXVM_MAX_CPUS; i++) {
			struct per_cpu *t = per_cpu(i);

			if (t->active && t != this_cpu() &&
			    t->cell == this_cpu()->cell)
				sysreg_write_s(sgi_value(t->arch.mpidr,
					(value >> SGIR_INTID_SHIFT) & 0xf),
					ICC_SGI1R_EL1);
		}
		return;
	}
	aff_base = ((value >> SGIR_AFF3_SHIFT) & 0xff) << 32 |
		   ((value >> SGIR_AFF2_SHIFT) & 0xff) << 16 |
		   ((value >> SGIR_AFF1_SHIFT) & 0xff) << 8 |
		   ((value >> SGIR_RS_SHIFT) & 0xf) << 4;
	for (bit = 0; bit < 16; bit++)
		if ((SGIR_TARGETS(value) & (1u << bit)) &&
		    may_signal(aff_base | bit))
			allowed |= 1u << bit;
	if (allowed)
		sysreg_write_s((value & ~0xffffull) | allowed, ICC_SGI1R_EL1);
}

/*
 * Deactivating is the cell's business for its own CPU's SGIs and PPIs
 * (except ours) and for the shared interrupts it owns.
 */
static bool may_deactivate(u64 intid)
{
	if (intid == SGI_MANAGEMENT)
		return false;
	if (intid < 32)
		return true;
	return cell_owns_irq(this_cpu()->cell, (unsigned int)intid);
}

bool gicv3_handle_sysreg(u32 iss, u64 *value)
{
	bool read = iss & ISS_READ;

	switch (iss & ISS_SYSREG_MASK) {
	case ISS_ICC_SGI1R:
		if (!read)
			send_sgi1(*value);
		break;
	case ISS_ICC_SGI0R:	/* Group 0 is the hypervisor's */
	case ISS_ICC_ASGI1R:	/* no secure world to signal */
		break;
	case ISS_ICC_DIR:
		if (!read && may_deactivate(*value & 0xffffff))
			sysreg_write_s(*value, ICC_DIR_EL1);
		break;
	case ISS_ICC_PMR:
		if (read)
			*value = sysreg_read_s(ICC_PMR_EL1);
		else
			sysreg_write_s((*value & 0xff) < PMR_MIN ? PMR_MIN :
				       (*value & 0xff), ICC_PMR_EL1);
		break;
	case ISS_ICC_CTLR:
		if (read)
			*value = sysreg_read_s(ICC_CTLR_EL1);
		else	/* CBPR and EOImode are the cell's; RO fields ignored */
			sysreg_write_s(*value & 0x3, ICC_CTLR_EL1);
		break;
	case ISS_ICC_RPR:
		if (read)
			*value = sysreg_read_s(ICC_RPR_EL1);
		break;
	default:
		return false;
	}
	isb();
	return true;
}

int gicv3_global_init(void)
{
	int err = gicv3_dist_init();

	return err ? err : gicv3_redist_init();
}
