// SPDX-License-Identifier: GPL-2.0
/*
 * The IOAPIC, emulated for every guest (asm/ioapic.h): its page is in no
 * nested table, so that each pin is its owner's alone. A guest sees its
 * own pins' redirection entries as they are and writes them (a cell's
 * delivered as fixed interrupts to one of its own CPUs, physically
 * addressed); every other pin reads as masked and ignores writes. The
 * index register is kept per CPU (the device's one is shared by all:
 * the firmware performs each index-and-window pair under its lock), so
 * that neither a cell nor the root can change what another one selected.
 *
 * At a hand-over a cell's pins are masked; at its end they get the
 * root's entries back, as the root had them when the cell took them.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/spinlock.h>

#include <asm/guest.h>
#include <asm/layout.h>
#include <asm/ioapic.h>
#include <asm/mmio_decode.h>

#define IOAPIC_INDEX		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REDIRECTION	0x10	/* + 2 * pin: low word, then high */
#define ENTRY_MASKED		(1u << 16)
#define ENTRY_LOGICAL		(1u << 11)
#define ENTRY_DELIVERY_MASK	(7u << 8)
#define ENTRY_VECTOR_MASK	0xffu
#define ENTRY_MIN_VECTOR	0x10
#define MAX_PINS		240

static spinlock_t ioapic_lock;
/* The root's entries of the pins a cell holds, for the cell's end. */
static u32 root_entries[MAX_PINS][2];

static volatile u32 *ioapic_reg(unsigned int offset)
{
	return (volatile u32 *)(uintptr_t)
		(system_config->system.platform.arch.ioapic.ioapic_base + offset);
}

static unsigned int num_pins(void)
{
	unsigned int pins = system_config->system.platform.arch.ioapic.ioapic_pins;

	return pins < MAX_PINS ? pins : MAX_PINS;
}

static u32 physical_read(unsigned int reg)
{
	u32 v;

	spin_lock(&ioapic_lock);
	*ioapic_reg(IOAPIC_INDEX) = reg;
	v = *ioapic_reg(IOAPIC_WINDOW);
	spin_unlock(&ioapic_lock);
	return v;
}

static void physical_write(unsigned int reg, u32 value)
{
	spin_lock(&ioapic_lock);
	*ioapic_reg(IOAPIC_INDEX) = reg;
	*ioapic_reg(IOAPIC_WINDOW) = value;
	spin_unlock(&ioapic_lock);
}

/* The pin whose redirection entry register @reg is, or -1. */
static int pin_of(unsigned int reg)
{
	unsigned int pin = (reg - IOAPIC_REDIRECTION) / 2;

	return reg >= IOAPIC_REDIRECTION && pin < num_pins() ? (int)pin : -1;
}

/* The APIC ID of a CPU of @cell, @dest if it is one, else its first CPU's. */
static u32 cell_destination(const struct cell *cell, u32 dest)
{
	struct per_cpu *t = cpu_by_hw_id(dest);
	unsigned int i;

	if (t && t->cell == cell)
		return dest;
	for (i = 0; i < AXVM_MAX_CPUS; i++)
		if (cell_owns_cpu(cell, i))
			return (u32)arch_cpu_hw_id(per_cpu(i));
	return dest;	/* a cell has a CPU: not reached */
}

/*
 * A cell's write of its pin's entry: fixed delivery, physical destination
 * among its CPUs, a vector that is not an exception's; the high word names
 * the destination in its top byte.
 */
static u32 cell_entry_value(const struct cell *cell, unsigned int reg, u32 value)
{
	if (reg & 1)
		return cell_destination(cell, value >> 24) << 24;
	value &= ~(ENTRY_DELIVERY_MASK | ENTRY_LOGICAL);
	if ((value & ENTRY_VECTOR_MASK) < ENTRY_MIN_VECTOR)
		value |= ENTRY_MASKED;
	return value;
}

/*
 * The root routes its pins where it likes but onto a cell's CPU: an entry
 * written with one as its physical destination is written masked.
 */
static u32 root_entry_value(unsigned int reg, u32 value)
{
	u32 high = reg & 1 ? value : physical_read(reg | 1);
	struct per_cpu *t = cpu_by_hw_id(high >> 24);
	u32 low = reg & 1 ? physical_read(reg & ~1u) : value;

	if (!(low & ENTRY_LOGICAL) && t && t->cell != &root_cell) {
		if (reg & 1)
			physical_write(reg & ~1u, low | ENTRY_MASKED);
		else
			value |= ENTRY_MASKED;
	}
	return value;
}

static u32 window_read(struct per_cpu *cpu, unsigned int reg)
{
	int pin = pin_of(reg);

	if (pin >= 0 && !cell_owns_irq(cpu->cell, (unsigned int)pin))
		return reg & 1 ? 0 : ENTRY_MASKED;
	if (pin < 0 && reg >= IOAPIC_REDIRECTION)
		return 0;
	return physical_read(reg);
}

static void window_write(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	int pin = pin_of(reg);

	if (pin < 0) {
		if (cpu->cell == &root_cell && reg < IOAPIC_REDIRECTION)
			physical_write(reg, value);	/* ID, arbitration */
		return;
	}
	if (!cell_owns_irq(cpu->cell, (unsigned int)pin))
		return;
	physical_write(reg, cpu->cell == &root_cell ? root_entry_value(reg, value) :
			    cell_entry_value(cpu->cell, reg, value));
}

bool ioapic_emulate_access(struct per_cpu *cpu, struct guest_regs *regs, u64 offset)
{
	struct mmio_insn insn;
	u32 value = 0;

	if ((offset != IOAPIC_INDEX && offset != IOAPIC_WINDOW) ||
	    !guest_access32_decode(cpu, regs, &insn, &value))
		return false;
	if (insn.write && offset == IOAPIC_INDEX)
		cpu->arch.ioapic_index = value & 0xff;
	else if (insn.write)
		window_write(cpu, cpu->arch.ioapic_index, value);
	else
		value = offset == IOAPIC_INDEX ? cpu->arch.ioapic_index :
			window_read(cpu, cpu->arch.ioapic_index);
	guest_access32_done(cpu, regs, &insn, value);
	return true;
}

/*
 * @cell's pins: masked either way; to the cell, the root's entries kept;
 * back from it, those entries written again (the high word first, so
 * that the entry never points anywhere but where the root had it).
 */
void ioapic_hand_over(const struct cell *cell, bool to_cell)
{
	const struct axvm_irq_range *r = axvm_cell_irq_ranges(cell->desc);
	unsigned int i, pin, reg;

	for (i = 0; i < cell->desc->num_irq_ranges; i++) {
		for (pin = r[i].first; pin - r[i].first < r[i].count && pin < num_pins(); pin++) {
			reg = IOAPIC_REDIRECTION + 2 * pin;
			if (to_cell) {
				root_entries[pin][0] = physical_read(reg);
				root_entries[pin][1] = physical_read(reg + 1);
			}
			physical_write(reg, physical_read(reg) | ENTRY_MASKED);
			if (to_cell) {
				physical_write(reg + 1, 0);
				continue;
			}
			physical_write(reg + 1, root_entries[pin][1]);
			physical_write(reg, root_entries[pin][0]);
		}
	}
}
