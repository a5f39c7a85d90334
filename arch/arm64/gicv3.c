// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3: the management SGI, IPI filtering and the distributor emulation
 * (see asm/gicv3.h for the delivery model).
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
#include <asm/layout.h>
#include <asm/sysregs.h>

#define GICD_SIZE		0x10000ull
#define GICR_FRAME_SIZE		0x20000ull
#define GICR_CTLR		0x0000
#define GICR_CTLR_ENABLE_LPIS	(1u << 0)
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008
#define GICR_IDREGS		0xffd0
#define GICR_TYPER_LAST		(1ull << 4)
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x0400)

/* ICC registers by encoding, so that any assembler takes them. */
#define ICC_IAR0_EL1		"s3_0_c12_c8_0"
#define ICC_EOIR0_EL1		"s3_0_c12_c8_1"
#define ICC_DIR_EL1		"s3_0_c12_c11_1"
#define ICC_SGI1R_EL1		"s3_0_c12_c11_5"
#define ICC_SGI0R_EL1		"s3_0_c12_c11_7"
#define ICC_CTLR_EL1		"s3_0_c12_c12_4"
#define ICC_IGRPEN0_EL1		"s3_0_c12_c12_6"
#define ICC_CTLR_EOIMODE	(1ull << 1)
#define ICC_CTLR_PRIBITS(v)	((((v) >> 8) & 7) + 1)
#define ICC_AP1R0_EL1		"s3_0_c12_c9_0"
#define ICC_AP1R1_EL1		"s3_0_c12_c9_1"
#define ICC_AP1R2_EL1		"s3_0_c12_c9_2"
#define ICC_AP1R3_EL1		"s3_0_c12_c9_3"

#define ICC_PMR_EL1		"s3_0_c4_c6_0"
#define ICC_RPR_EL1		"s3_0_c12_c11_3"
#define ICH_HCR_EL2		"s3_4_c12_c11_0"
#define ICH_HCR_TC		(1ull << 10)
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
#define ISS_ICC_ASGI1R		ISS_SYSREG(3u, 1u, 12u, 11u, 6u)
#define ISS_ICC_SGI0R		ISS_SYSREG(3u, 2u, 12u, 11u, 7u)
#define ISS_ICC_CTLR		ISS_SYSREG(3u, 0u, 12u, 12u, 4u)
#define ISS_READ		1u

#define SGIR_TARGETS(v)		((v) & 0xffff)
#define SGIR_AFF1_SHIFT		16
#define SGIR_INTID_SHIFT	24
#define SGIR_AFF2_SHIFT		32
#define SGIR_IRM		(1ull << 40)
#define SGIR_RS_SHIFT		44
#define SGIR_AFF3_SHIFT		48

#define MPIDR_AFF_MASK		0xff00ffffffull

#define sysreg_read_s(name) ({ u64 __v; asm volatile("mrs %0, " name : "=r"(__v)); __v; })
#define sysreg_write_s(v, name) asm volatile("msr " name ", %0" : : "r"((u64)(v)) : "memory")

static inline u32 mmio_read32(u64 addr)
{
	return *(volatile u32 *)(uintptr_t)addr;
}

static inline void mmio_write32(u64 addr, u32 v)
{
	*(volatile u32 *)(uintptr_t)addr = v;
}

static inline u64 mmio_read64(u64 addr)
{
	return *(volatile u64 *)(uintptr_t)addr;
}

static inline void mmio_write8(u64 addr, u8 v)
{
	*(volatile u8 *)(uintptr_t)addr = v;
}

/* The redistributor frame whose TYPER names @mpidr's affinity, or 0. */
static u64 find_redistributor(u64 mpidr)
{
	const struct axvm_platform *p = &system_config->system.platform;
	u64 aff = ((mpidr >> 32) & 0xff) << 24 | (mpidr & 0xffffff);
	u64 frame;

	for (frame = p->gicr_base; frame < p->gicr_base + p->gicr_size;
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
	gicv3_setup_management_sgi(cpu);
	sysreg_write_s(ICH_HCR_TC, ICH_HCR_EL2);
	isb();
	return 0;
}

/*
 * Forget the Group 1 active priorities the guest left, when its CPU parks:
 * a cell that set one (ICC_AP1R0_EL1 reaches the hardware) and then parked
 * would keep SGI 15 out of the parked CPU, and from whoever runs on it
 * next. Only then: a running guest's interrupt handlers own them (Linux
 * enters the hypervisor from an IPI handler, with its SGI active). There
 * are 1, 2 or 4 such registers for 5, 6 or 7 priority bits.
 */
void gicv3_clear_group1_active_priorities(void)
{
	unsigned int bits = ICC_CTLR_PRIBITS(sysreg_read_s(ICC_CTLR_EL1));

	sysreg_write_s(0, ICC_AP1R0_EL1);
	if (bits >= 6)
		sysreg_write_s(0, ICC_AP1R1_EL1);
	if (bits >= 7) {
		sysreg_write_s(0, ICC_AP1R2_EL1);
		sysreg_write_s(0, ICC_AP1R3_EL1);
	}
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

/*
 * The distributor, emulated for every cell. Each register that holds state
 * per interrupt shows and changes only the bits of interrupts the
 * accessing cell owns (the root owns all those no other cell owns).
 * Read-modify-write registers keep the other bits as they are.
 */
struct gicd_bank {
	u32 start, end;
	unsigned int bits;	/* per interrupt */
	bool rmw;		/* a write replaces the word (not set/clear) */
};

static const struct gicd_bank gicd_banks[] = {
	{ 0x0080, 0x0100, 1, true },	/* IGROUPR */
	{ 0x0100, 0x0180, 1, false },	/* ISENABLER */
	{ 0x0180, 0x0200, 1, false },	/* ICENABLER */
	{ 0x0200, 0x0280, 1, false },	/* ISPENDR */
	{ 0x0280, 0x0300, 1, false },	/* ICPENDR */
	{ 0x0300, 0x0380, 1, false },	/* ISACTIVER */
	{ 0x0380, 0x0400, 1, false },	/* ICACTIVER */
	{ 0x0400, 0x0800, 8, true },	/* IPRIORITYR */
	{ 0x0c00, 0x0d00, 2, true },	/* ICFGR */
	{ 0x0d00, 0x0d80, 1, true },	/* IGRPMODR */
};
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	0x7fe0
#define GICD_IROUTER_IRM	(1ull << 31)

static spinlock_t gicd_lock;

/*
 * Priorities a cell writes never reach the top ones: an interrupt of the
 * cell's at priority 0, taken and never completed, would otherwise keep
 * SGI 15 (priority 0) from ever reaching its CPU.
 */
#define CELL_PRIORITY_MIN	0x10

static u64 clamp_priorities(struct cell *cell, u64 value, unsigned int bytes)
{
	unsigned int i;

	if (cell == &root_cell)
		return value;
	for (i = 0; i < bytes; i++) {
		u64 shift = 8 * i, prio = (value >> shift) & 0xff;

		if (prio < CELL_PRIORITY_MIN)
			value = (value & ~(0xffull << shift)) |
				((u64)CELL_PRIORITY_MIN << shift);
	}
	return value;
}

static u64 gicd_read(u64 addr, unsigned int size)
{
	switch (size) {
	case 1: return *(volatile u8 *)(uintptr_t)addr;
	case 2: return *(volatile u16 *)(uintptr_t)addr;
	case 4: return mmio_read32(addr);
	default: return mmio_read64(addr);
	}
}

static void gicd_write(u64 addr, unsigned int size, u64 v)
{
	switch (size) {
	case 1: *(volatile u8 *)(uintptr_t)addr = (u8)v; break;
	case 2: *(volatile u16 *)(uintptr_t)addr = (u16)v; break;
	case 4: mmio_write32(addr, (u32)v); break;
	default: *(volatile u64 *)(uintptr_t)addr = v;
	}
}

/* The bits of interrupts @cell owns among @count from @first. */
static u64 owned_bits(struct cell *cell, unsigned int first,
		      unsigned int count, unsigned int bits)
{
	u64 mask = 0;
	unsigned int i;

	for (i = 0; i < count; i++)
		if (first + i >= 32 && cell_owns_irq(cell, first + i))
			mask |= ((1ull << bits) - 1) << (i * bits);
	return mask;
}

/* IROUTER: own interrupts only, routed to one of the cell's own CPUs. */
static enum mmio_result gicd_irouter(struct cell *cell, struct mmio_access *a,
				     u64 offset, u64 addr)
{
	unsigned int intid = (unsigned int)((offset - GICD_IROUTER) / 8);

	if (!cell_owns_irq(cell, intid)) {
		if (!a->write)
			a->value = 0;
		return MMIO_HANDLED;
	}
	if (a->write && cell != &root_cell) {
		struct per_cpu *t = cpu_by_hw_id(a->value & MPIDR_AFF_MASK);

		/* A half write could name anyone: cells write all 64 bits. */
		if (a->size != 8 || (a->value & GICD_IROUTER_IRM) || !t ||
		    t->cell != cell)
			return MMIO_HANDLED;	/* not to someone else's CPU */
	}
	if (a->write)
		gicd_write(addr, a->size, a->value);
	else
		a->value = gicd_read(addr, a->size);
	return MMIO_HANDLED;
}

static enum mmio_result gicd_access(struct cell *cell, struct mmio_access *a,
				    u64 offset, void *arg)
{
	u64 addr = system_config->system.platform.gicd_base + offset;
	unsigned int i;

	(void)arg;
	if (offset & (a->size - 1))
		return MMIO_UNHANDLED;	/* unaligned: not a GIC access */
	if (offset >= GICD_IROUTER && offset < GICD_IROUTER_END) {
		enum mmio_result r;

		cells_lock_acquire();
		r = gicd_irouter(cell, a, offset, addr);
		cells_lock_release();
		return r;
	}
	for (i = 0; i < ARRAY_SIZE(gicd_banks); i++) {
		const struct gicd_bank *b = &gicd_banks[i];
		unsigned int per_byte = 8 / b->bits;
		u64 mask;

		if (offset < b->start || offset >= b->end)
			continue;
		/* Ownership must not change between the mask and the access. */
		cells_lock_acquire();
		mask = owned_bits(cell, (unsigned int)(offset - b->start) * per_byte,
				  a->size * per_byte, b->bits);
		if (!a->write) {
			a->value = gicd_read(addr, a->size) & mask;
			cells_lock_release();
			return MMIO_HANDLED;
		}
		if (b->bits == 8)
			a->value = clamp_priorities(cell, a->value, a->size);
		if (b->rmw) {
			spin_lock(&gicd_lock);
			gicd_write(addr, a->size, (a->value & mask) |
				   (gicd_read(addr, a->size) & ~mask));
			spin_unlock(&gicd_lock);
		} else {
			gicd_write(addr, a->size, a->value & mask);
		}
		cells_lock_release();
		return MMIO_HANDLED;
	}
	/* Everything else (CTLR, TYPER, IDs...): readable; only the root writes. */
	if (!a->write)
		a->value = gicd_read(addr, a->size);
	else if (cell == &root_cell)
		gicd_write(addr, a->size, a->value);
	return MMIO_HANDLED;
}

/*
 * SGI_base frames of the redistributors: emulated, so that no cell can
 * take SGI 15 (the hypervisor's) away: the bit of SGI 15 is dropped from
 * every write to the per-interrupt registers, and its priority byte and
 * group bits keep the hypervisor's values.
 */
#define SGI_BIT			(1u << SGI_MANAGEMENT)
#define GICR_IGRPMODR0		(GICR_SGI_BASE + 0x0d00)
#define GICR_ISPENDR0		(GICR_SGI_BASE + 0x0200)
#define GICR_ACTIVE_END		(GICR_SGI_BASE + 0x0400)
#define GICR_PRIO_SGI15_WORD	(GICR_IPRIORITYR + (SGI_MANAGEMENT & ~3u))

/* The cell owning the CPU whose redistributor frame starts at @frame. */
static struct cell *frame_owner(u64 frame)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++)
		if (per_cpu(i)->active && per_cpu(i)->arch.gicr == frame)
			return per_cpu(i)->cell;
	return &root_cell;	/* a CPU outside the hypervisor is the root's */
}

static enum mmio_result sgi_frame_access(struct cell *cell,
					 struct mmio_access *a, u64 offset,
					 void *arg)
{
	const struct axvm_platform *p = &system_config->system.platform;
	u64 reg = offset & (GICR_FRAME_SIZE - 1);
	u64 addr = p->gicr_base + offset;
	u32 keep = 0;

	(void)arg;
	if (offset & (a->size - 1))
		return MMIO_UNHANDLED;
	if (frame_owner(addr - reg) != cell) {
		/*
		 * Another cell's CPU. Linux scans every frame's TYPER to find
		 * its own when a CPU comes up: the identification registers
		 * stay readable, everything else reads 0 and ignores writes.
		 */
		bool ident = reg == GICR_TYPER || reg == GICR_TYPER + 4 ||
			     reg == GICR_IIDR ||
			     (reg >= GICR_IDREGS && reg < GICR_SGI_BASE);

		if (!a->write)
			a->value = ident ? gicd_read(addr, a->size) : 0;
		return MMIO_HANDLED;
	}
	if (reg < GICR_SGI_BASE) {
		/*
		 * Own RD_base (the root's is mapped; a cell's is emulated): a
		 * cell may not point the LPI tables anywhere (the GIC would
		 * read and write that memory), put its redistributor to sleep
		 * (SGI 15 would stop), or switch LPIs on or off.
		 */
		if (!a->write) {
			a->value = gicd_read(addr, a->size);
		} else if (cell == &root_cell) {
			gicd_write(addr, a->size, a->value);
		} else if (reg == GICR_CTLR && a->size == 4) {
			mmio_write32(addr, ((u32)a->value & ~GICR_CTLR_ENABLE_LPIS) |
				     (mmio_read32(addr) & GICR_CTLR_ENABLE_LPIS));
		}
		return MMIO_HANDLED;
	}
	if (a->size != 4) {
		/* Byte access to IPRIORITYR: all but SGI 15's byte. */
		if (a->size == 1 && reg >= GICR_IPRIORITYR &&
		    reg < GICR_IPRIORITYR + 32) {
			if (!a->write)
				a->value = *(volatile u8 *)(uintptr_t)addr;
			else if (reg != GICR_IPRIORITYR + SGI_MANAGEMENT)
				mmio_write8(addr, (u8)clamp_priorities(cell, a->value, 1));
			return MMIO_HANDLED;
		}
		return MMIO_UNHANDLED;
	}
	if (!a->write) {
		a->value = mmio_read32(addr);
		return MMIO_HANDLED;
	}
	if (reg >= GICR_IPRIORITYR && reg < GICR_IPRIORITYR + 32)
		a->value = clamp_priorities(cell, a->value, 4);
	if (reg == GICR_IGROUPR0 || reg == GICR_IGRPMODR0)
		keep = SGI_BIT;		/* read-modify-write: ours stays */
	else if (reg == GICR_PRIO_SGI15_WORD)
		keep = 0xffu << (8 * (SGI_MANAGEMENT & 3));
	else if (reg >= GICR_ISENABLER0 && reg < GICR_ACTIVE_END &&
		 !(reg & 0x7c))		/* the first word of each set/clear bank */
		a->value &= ~(u64)SGI_BIT;
	if (keep)
		a->value = (a->value & ~(u64)keep) | (mmio_read32(addr) & keep);
	mmio_write32(addr, (u32)a->value);
	return MMIO_HANDLED;
}

int gicv3_global_init(void)
{
	const struct axvm_platform *p = &system_config->system.platform;
	int err;

	err = mmio_register(p->gicd_base, GICD_SIZE, gicd_access, NULL);
	if (!err)
		err = mmio_register(p->gicr_base, p->gicr_size,
				    sgi_frame_access, NULL);
	return err;
}

void gicv3_reset_spis(struct cell *cell)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell->desc);
	u64 gicd = system_config->system.platform.gicd_base;
	unsigned int i, n;

	for (i = 0; i < cell->desc->num_irq_ranges; i++)
		for (n = irq[i].first; n < irq[i].first + irq[i].count; n++)
			mmio_write32(gicd + 0x180 + 4 * (n / 32), 1u << (n % 32));
}

/*
 * A CPU changes cells. The root keeps its RD_base pages mapped; a cell's
 * are emulated (see sgi_frame_access), so nothing is mapped for it.
 */
void gicv3_move_redistributor(struct per_cpu *cpu, struct cell *from,
			      struct cell *to)
{
	u64 frame = cpu->arch.gicr;

	if (from == &root_cell)
		paging_unmap(&from->stage2, frame, GICR_SGI_BASE);
	if (to == &root_cell)
		paging_map(&to->stage2, frame, frame, GICR_SGI_BASE,
			   MAP_RW | MAP_DEVICE);
}

int gicv3_map_redistributors(struct cell *cell)
{
	const struct axvm_platform *p = &system_config->system.platform;
	u64 frame;
	int err;

	/*
	 * The root cell has every CPU: the RD_base page of every frame is
	 * passed through, the SGI_base page is emulated (see above).
	 */
	for (frame = p->gicr_base; frame < p->gicr_base + p->gicr_size;
	     frame += GICR_FRAME_SIZE) {
		err = paging_map(&cell->stage2, frame, frame, GICR_SGI_BASE,
				 MAP_RW | MAP_DEVICE);
		if (err)
			return err;
	}
	return 0;
}
