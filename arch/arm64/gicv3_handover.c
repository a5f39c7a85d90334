// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 at a hand-over (hv/arch.h): what an owner of a CPU or of a shared
 * interrupt set up in the GIC does not reach the next owner.
 *
 *  - The CPU interface of a parking CPU: Group 1 off, no active priorities
 *    (physical and virtual), default mask and binary point.
 *  - A CPU's private interrupts (every SGI and PPI but the management SGI):
 *    disabled, not pending, not active, Group 1, default priority, the
 *    trigger the PPIs had when the firmware took the CPU over. A pending
 *    SGI 2 left by a cell would otherwise stop the CPU as soon as Linux
 *    enables its IPIs again.
 *  - A shared interrupt (SPI): disabled, not pending, not active; routed to
 *    the new owner (the cell's first CPU), or given the root's saved state
 *    back (priority, group, trigger, routing, enable).
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/gicv3.h>
#include <asm/gicv3_regs.h>
#include <asm/io.h>
#include <asm/layout.h>
#include <asm/sysregs.h>

#define ICH_VTR_EL2		"s3_4_c12_c11_1"
#define ICH_VTR_PREBITS(v)	((((v) >> 26) & 7) + 1)
#define ICH_AP0R1_EL2		"s3_4_c12_c8_1"
#define ICH_AP0R2_EL2		"s3_4_c12_c8_2"
#define ICH_AP0R3_EL2		"s3_4_c12_c8_3"
#define ICH_AP1R1_EL2		"s3_4_c12_c9_1"
#define ICH_AP1R2_EL2		"s3_4_c12_c9_2"
#define ICH_AP1R3_EL2		"s3_4_c12_c9_3"
/* What a parked CPU's priority mask is: everything but the lowest passes. */
#define PMR_PARKED		0xf0
#define RWP_POLLS		1000000
#define GIC_SPI_FIRST		32
#define GIC_SPI_LAST		1019

/**
 * struct saved_spi - the root's configuration of a line a cell took
 * @route:    IROUTER.
 * @priority: IPRIORITYR byte.
 * @config:   ICFGR's two bits.
 * @group1:   IGROUPR bit.
 * @grpmod:   IGRPMODR bit.
 * @enabled:  ISENABLER bit.
 */
struct saved_spi {
	u64 route;
	u8 priority;
	u8 config;
	bool group1, grpmod, enabled;
};

/* Each SPI has at most one owner besides the root: one slot per line. */
static struct saved_spi root_spis[GIC_SPI_LAST + 1 - GIC_SPI_FIRST];

static void wait_rwp(u64 ctlr, u32 rwp)
{
	unsigned int i;

	for (i = 0; i < RWP_POLLS && (mmio_read32(ctlr) & rwp); i++)
		;
	if (i == RWP_POLLS)
		printk("GIC: a register write at 0x%llx did not complete\n",
		       (unsigned long long)ctlr);
}

/*
 * Zero a set of active-priority registers: 1, 2 or 4 of them for 5, 6 or
 * 7 priority (preemption) bits. System registers are named in the
 * instruction, hence a macro.
 */
#define CLEAR_ACTIVE_PRIORITIES(bits, r0, r1, r2, r3) do {		\
	sysreg_write_s(0, r0);						\
	if ((bits) >= 6)						\
		sysreg_write_s(0, r1);					\
	if ((bits) >= 7) {						\
		sysreg_write_s(0, r2);					\
		sysreg_write_s(0, r3);					\
	}								\
} while (0)

/*
 * The physical Group 1 active priorities, and the virtual interface: with
 * HCR_EL2.FMO set a cell's Group 0 accesses (ICC_IAR0, ICC_AP0Rn,
 * ICC_IGRPEN0...) reach it, and its state (ICH_VMCR, ICH_AP0Rn, ICH_AP1Rn)
 * stays in the CPU across owners.
 */
static void clear_active_priorities(void)
{
	unsigned int bits = ICC_CTLR_PRIBITS(sysreg_read_s(ICC_CTLR_EL1));
	unsigned int vbits = ICH_VTR_PREBITS(sysreg_read_s(ICH_VTR_EL2));

	CLEAR_ACTIVE_PRIORITIES(bits, ICC_AP1R0_EL1, ICC_AP1R1_EL1,
				ICC_AP1R2_EL1, ICC_AP1R3_EL1);
	CLEAR_ACTIVE_PRIORITIES(vbits, ICH_AP0R0_EL2, ICH_AP0R1_EL2,
				ICH_AP0R2_EL2, ICH_AP0R3_EL2);
	CLEAR_ACTIVE_PRIORITIES(vbits, ICH_AP1R0_EL2, ICH_AP1R1_EL2,
				ICH_AP1R2_EL2, ICH_AP1R3_EL2);
	sysreg_write_s(0, ICH_VMCR_EL2);
}

void gicv3_reset_cpu_interface(void)
{
	sysreg_write_s(0, ICC_IGRPEN1_EL1);
	clear_active_priorities();
	/* CTLR first: with CBPR set, writes to BPR1 would be ignored. */
	sysreg_write_s(0, ICC_CTLR_EL1);	/* EOImode 0: EOIR deactivates */
	isb();
	sysreg_write_s(0, ICC_BPR1_EL1);
	sysreg_write_s(PMR_PARKED, ICC_PMR_EL1);
	isb();
}

void gicv3_reset_private_irqs(struct per_cpu *cpu)
{
	u64 rd = cpu->arch.gicr;
	unsigned int i;

	mmio_write32(rd + GICR_ICENABLER0, ~SGI_BIT);
	wait_rwp(rd + GICR_CTLR, GICR_CTLR_RWP);
	mmio_write32(rd + GICR_ICPENDR0, ~SGI_BIT);
	mmio_write32(rd + GICR_ICACTIVER0, ~SGI_BIT);
	mmio_write32(rd + GICR_IGROUPR0, ~SGI_BIT);	/* SGI 15 stays Group 0 */
	mmio_write32(rd + GICR_IGRPMODR0, 0);
	for (i = 0; i < 32; i++)
		if (i != SGI_MANAGEMENT)
			mmio_write8(rd + GICR_IPRIORITYR + i, GIC_DEFAULT_PRIORITY);
	mmio_write32(rd + GICR_ICFGR1, cpu->arch.ppi_config);
	/* A cell may have kept its CPU out of 1-of-N distribution (DPG). */
	mmio_write32(rd + GICR_CTLR, mmio_read32(rd + GICR_CTLR) & ~GICR_CTLR_DPG_ALL);
}

static u64 gicd_reg(u64 bank, unsigned int intid, unsigned int bits)
{
	return system_config->system.platform.arch.gicv3.gicd_base + bank +
	       (intid * bits / 32) * 4;
}

static u32 gicd_bits(unsigned int intid, unsigned int bits)
{
	return ((1u << bits) - 1) << (intid * bits % 32);
}

static bool gicd_test(u64 bank, unsigned int intid)
{
	return mmio_read32(gicd_reg(bank, intid, 1)) & gicd_bits(intid, 1);
}

/* Set or clear @intid's bit in a read-modify-write bank. */
static void gicd_assign(u64 bank, unsigned int intid, bool set)
{
	u32 bit = gicd_bits(intid, 1);

	gicv3_dist_update(gicd_reg(bank, intid, 1), bit, set ? bit : 0);
}

static void save_spi(unsigned int intid)
{
	struct saved_spi *s = &root_spis[intid - GIC_SPI_FIRST];
	u64 gicd = system_config->system.platform.arch.gicv3.gicd_base;
	u32 cfg = mmio_read32(gicd_reg(GICD_ICFGR, intid, 2));

	s->route = mmio_read64(gicd + GICD_IROUTER + 8ull * intid);
	s->priority = mmio_read8(gicd + GICD_IPRIORITYR + intid);
	s->config = (u8)((cfg & gicd_bits(intid, 2)) >> (intid * 2 % 32));
	s->group1 = gicd_test(GICD_IGROUPR, intid);
	s->grpmod = gicd_test(GICD_IGRPMODR, intid);
	s->enabled = gicd_test(GICD_ISENABLER, intid);
}

/* Off, not pending, not active: nothing of the old owner fires. */
static void quiesce_spi(unsigned int intid)
{
	u64 gicd = system_config->system.platform.arch.gicv3.gicd_base;

	mmio_write32(gicd_reg(GICD_ICENABLER, intid, 1), gicd_bits(intid, 1));
	wait_rwp(gicd + GICD_CTLR, GICD_CTLR_RWP);
	mmio_write32(gicd_reg(GICD_ICPENDR, intid, 1), gicd_bits(intid, 1));
	mmio_write32(gicd_reg(GICD_ICACTIVER, intid, 1), gicd_bits(intid, 1));
}

static void configure_spi(unsigned int intid, const struct saved_spi *s)
{
	u64 gicd = system_config->system.platform.arch.gicv3.gicd_base;

	gicd_assign(GICD_IGROUPR, intid, s->group1);
	gicd_assign(GICD_IGRPMODR, intid, s->grpmod);
	mmio_write8(gicd + GICD_IPRIORITYR + intid, s->priority);
	gicv3_dist_update(gicd_reg(GICD_ICFGR, intid, 2), gicd_bits(intid, 2),
			  (u32)s->config << (intid * 2 % 32));
	mmio_write64(gicd + GICD_IROUTER + 8ull * intid, s->route);
	if (s->enabled)
		mmio_write32(gicd_reg(GICD_ISENABLER, intid, 1), gicd_bits(intid, 1));
}

/*
 * Where a line the root gets back may fire: where the root had it, unless
 * that CPU went to another cell since (or the root had it 1-of-N, which
 * could pick a cell's CPU): then at the CPU doing the destroy, the root's.
 */
static u64 root_route(u64 saved)
{
	struct per_cpu *t = cpu_by_hw_id(saved & MPIDR_AFF_MASK);

	if (!(saved & GICD_IROUTER_IRM) && (!t || t->cell == &root_cell))
		return saved;
	return arch_cpu_hw_id(this_cpu());
}

/* The cell's first CPU: where its lines fire until it routes them. */
static u64 first_cpu_route(const struct cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < AXVM_MAX_CPUS; cpu++)
		if (cell_owns_cpu(cell, cpu))
			return arch_cpu_hw_id(per_cpu(cpu));
	return 0;
}

void gicv3_hand_over_spis(struct cell *cell, bool to_cell)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell->desc);
	u64 route = first_cpu_route(cell);
	unsigned int i, n;

	for (i = 0; i < cell->desc->num_irq_ranges; i++) {
		for (n = irq[i].first; n < irq[i].first + irq[i].count; n++) {
			struct saved_spi fresh = {
				.route = route, .group1 = true,
				.priority = GIC_DEFAULT_PRIORITY,
			};

			if (n < GIC_SPI_FIRST || n > GIC_SPI_LAST)
				continue;	/* the validator let none through */
			if (to_cell)
				save_spi(n);
			quiesce_spi(n);
			/* The trigger is the device's: the cell keeps the root's. */
			fresh.config = root_spis[n - GIC_SPI_FIRST].config;
			if (!to_cell)
				root_spis[n - GIC_SPI_FIRST].route =
					root_route(root_spis[n - GIC_SPI_FIRST].route);
			configure_spi(n, to_cell ? &fresh : &root_spis[n - GIC_SPI_FIRST]);
		}
	}
}
