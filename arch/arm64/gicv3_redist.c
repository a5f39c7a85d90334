// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 redistributors: the root's RD_base pages are mapped, everything
 * else (every SGI_base page, a cell's RD_base) is emulated so that no
 * cell takes the management SGI away or reaches another cell's CPU.
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
 * SGI_base frames of the redistributors: emulated, so that no cell can
 * take SGI 15 (the hypervisor's) away: the bit of SGI 15 is dropped from
 * every write to the per-interrupt registers, and its priority byte and
 * group bits keep the hypervisor's values.
 */
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
	u64 addr = p->arch.gicv3.gicr_base + offset;
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
			a->value = ident ? gicv3_reg_read(addr, a->size) : 0;
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
			a->value = gicv3_reg_read(addr, a->size);
		} else if (cell == &root_cell) {
			gicv3_reg_write(addr, a->size, a->value);
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
				mmio_write8(addr, (u8)gicv3_clamp_priorities(cell, a->value, 1));
			return MMIO_HANDLED;
		}
		return MMIO_UNHANDLED;
	}
	if (!a->write) {
		a->value = mmio_read32(addr);
		return MMIO_HANDLED;
	}
	if (reg >= GICR_IPRIORITYR && reg < GICR_IPRIORITYR + 32)
		a->value = gicv3_clamp_priorities(cell, a->value, 4);
	/* Group 0 is the hypervisor's: every other SGI and PPI stays Group 1. */
	if (reg == GICR_IGROUPR0)
		a->value |= ~(u64)SGI_BIT;
	else if (reg == GICR_IGRPMODR0)
		a->value &= SGI_BIT;
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
	for (frame = p->arch.gicv3.gicr_base; frame < p->arch.gicv3.gicr_base + p->arch.gicv3.gicr_size;
	     frame += GICR_FRAME_SIZE) {
		err = paging_map(&cell->stage2, frame, frame, GICR_SGI_BASE,
				 MAP_RW | MAP_DEVICE);
		if (err)
			return err;
	}
	return 0;
}

int gicv3_redist_init(void)
{
	const struct axvm_platform *p = &system_config->system.platform;

	return mmio_register(p->arch.gicv3.gicr_base, p->arch.gicv3.gicr_size, sgi_frame_access, NULL);
}
