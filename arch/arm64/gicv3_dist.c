// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 distributor, emulated for every cell: each cell sees and changes
 * only the interrupts it owns.
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

static spinlock_t gicd_lock;

/*
 * Priorities a cell writes never reach the top ones: an interrupt of the
 * cell's at priority 0, taken and never completed, would otherwise keep
 * SGI 15 (priority 0) from ever reaching its CPU.
 */
#define CELL_PRIORITY_MIN	0x10

u64 gicv3_clamp_priorities(struct cell *cell, u64 value, unsigned int bytes)
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

u64 gicv3_reg_read(u64 addr, unsigned int size)
{
	switch (size) {
	case 1: return *(volatile u8 *)(uintptr_t)addr;
	case 2: return *(volatile u16 *)(uintptr_t)addr;
	case 4: return mmio_read32(addr);
	default: return mmio_read64(addr);
	}
}

void gicv3_reg_write(u64 addr, unsigned int size, u64 v)
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

/*
 * IROUTER: own interrupts only, routed to one of the writer's own CPUs, in
 * one 64-bit write. The root too: a line of its routed to a cell's CPU
 * would fire straight into that cell, and 1-of-N routing could pick one.
 * For the root, a CPU not under the hypervisor (during enable and
 * disable) is its own.
 */
static enum mmio_result gicd_irouter(struct cell *cell, struct mmio_access *a,
				     u64 offset, u64 addr)
{
	unsigned int intid = (unsigned int)((offset - GICD_IROUTER) / 8);

	if (!cell_owns_irq(cell, intid)) {
		if (!a->write)
			a->value = 0;
		return MMIO_HANDLED;
	}
	if (a->write) {
		struct per_cpu *t = cpu_by_hw_id(a->value & MPIDR_AFF_MASK);

		if (a->size != 8 || (a->value & GICD_IROUTER_IRM) ||
		    (t ? t->cell != cell : cell != &root_cell))
			return MMIO_HANDLED;	/* not to someone else's CPU */
		gicv3_reg_write(addr, a->size, a->value);
	} else {
		a->value = gicv3_reg_read(addr, a->size);
	}
	return MMIO_HANDLED;
}

static enum mmio_result gicd_access(struct cell *cell, struct mmio_access *a,
				    u64 offset, void *arg)
{
	u64 addr = system_config->system.platform.arch.gicv3.gicd_base + offset;
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
			a->value = gicv3_reg_read(addr, a->size) & mask;
			cells_lock_release();
			return MMIO_HANDLED;
		}
		if (b->bits == 8)
			a->value = gicv3_clamp_priorities(cell, a->value, a->size);
		/* Group 0 is the hypervisor's: every line stays Group 1. */
		if (b->start == GICD_IGROUPR)
			a->value |= mask;
		else if (b->start == GICD_IGRPMODR)
			a->value &= ~mask;
		if (b->rmw) {
			spin_lock(&gicd_lock);
			gicv3_reg_write(addr, a->size, (a->value & mask) |
				   (gicv3_reg_read(addr, a->size) & ~mask));
			spin_unlock(&gicd_lock);
		} else {
			gicv3_reg_write(addr, a->size, a->value & mask);
		}
		cells_lock_release();
		return MMIO_HANDLED;
	}
	/* Everything else (CTLR, TYPER, IDs...): readable; only the root writes. */
	if (!a->write)
		a->value = gicv3_reg_read(addr, a->size);
	else if (cell == &root_cell)
		gicv3_reg_write(addr, a->size, a->value);
	return MMIO_HANDLED;
}

void gicv3_dist_update(u64 addr, u32 mask, u32 bits)
{
	spin_lock(&gicd_lock);
	mmio_write32(addr, (mmio_read32(addr) & ~mask) | (bits & mask));
	spin_unlock(&gicd_lock);
}

int gicv3_dist_init(void)
{
	return mmio_register(system_config->system.platform.arch.gicv3.gicd_base, GICD_SIZE,
			     gicd_access, NULL);
}
