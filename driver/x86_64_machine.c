// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64: the machine's RAM from the firmware's memory map (e820, as the
 * firmware gave it, before mem= cut Linux's share), and the local APIC
 * and IOAPIC of the system config against what Linux found (the APIC
 * base MSR, ACPI's MADT).
 */
#include <linux/acpi.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <asm/apicdef.h>
#include <asm/e820/api.h>
#include <asm/msr.h>

#include <axvm/config.h>

#include "axvm.h"

const char axvm_arch_ram_source[] = "the firmware's memory map, /sys/firmware/memmap";

/* What the firmware's memory map calls memory, of any use: not a hole (RAM first). */
static const enum e820_type memory_types[] = {
	E820_TYPE_RAM, E820_TYPE_RESERVED, E820_TYPE_ACPI, E820_TYPE_NVS,
	E820_TYPE_PMEM, E820_TYPE_SOFT_RESERVED,
};

static bool page_in_map(u64 at, const enum e820_type *types, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (e820__mapped_raw_any(at, at + PAGE_SIZE, types[i]))
			return true;
	return false;
}

/* Page by page: e820 answers "any", and the map may have holes. */
static bool all_in_map(u64 start, u64 size, const enum e820_type *types,
		       unsigned int n)
{
	u64 at;

	for (at = start; at < start + size; at += PAGE_SIZE)
		if (!page_in_map(at, types, n))
			return false;
	return size != 0;
}

/*
 * The root's non-io regions include the BIOS, its ACPI tables and its
 * flash, which x86 firmware marks reserved: any type will do for them.
 * Hypervisor memory is written like RAM: only usable RAM will do. An io
 * region must not cover RAM, ACPI or NVS memory.
 */
bool axvm_arch_machine_ram(u64 start, u64 size, enum axvm_ram_query query)
{
	switch (query) {
	case AXVM_RAM_ALL_USABLE:
		return all_in_map(start, size, memory_types, 1);
	case AXVM_RAM_ALL:
		return all_in_map(start, size, memory_types, ARRAY_SIZE(memory_types));
	default:
		return e820__mapped_raw_any(start, start + size, E820_TYPE_RAM) ||
		       e820__mapped_raw_any(start, start + size, E820_TYPE_ACPI) ||
		       e820__mapped_raw_any(start, start + size, E820_TYPE_NVS);
	}
}

/* Is there an IOAPIC at @base in ACPI's MADT, as Linux found it? */
static bool madt_has_ioapic(u64 base)
{
	struct acpi_table_header *madt;
	struct acpi_subtable_header *sub;
	bool found = false;
	u8 *at, *end;

	if (ACPI_FAILURE(acpi_get_table(ACPI_SIG_MADT, 0, &madt)))
		return false;
	end = (u8 *)madt + madt->length;
	for (at = (u8 *)madt + sizeof(struct acpi_table_madt);
	     at + sizeof(*sub) <= end && !found; at += sub->length) {
		sub = (struct acpi_subtable_header *)at;
		if (sub->length < sizeof(*sub) || at + sub->length > end)
			break;
		if (sub->type == ACPI_MADT_TYPE_IO_APIC &&
		    sub->length >= sizeof(struct acpi_madt_io_apic))
			found = ((struct acpi_madt_io_apic *)sub)->address == base;
	}
	acpi_put_table(madt);
	return found;
}

int axvm_arch_check_platform(const struct axvm_platform *p)
{
	const struct axvm_ioapic *io = &p->arch.ioapic;
	u64 lapic = native_read_msr(MSR_IA32_APICBASE) & MSR_IA32_APICBASE_BASE;

	if (p->irqchip != AXVM_IRQCHIP_IOAPIC) {
		pr_err("axvm: enable: platform.irqchip %u is not the local APICs and IOAPIC, the only interrupt controllers of x86_64 supported\n",
		       p->irqchip);
		return -EINVAL;
	}
	if (io->lapic_base != lapic) {
		pr_err("axvm: enable: platform.lapic.base 0x%llx is not this machine's (IA32_APIC_BASE says 0x%llx)\n",
		       io->lapic_base, lapic);
		return -EINVAL;
	}
	if (!madt_has_ioapic(io->ioapic_base)) {
		pr_err("axvm: enable: platform.ioapic.base 0x%llx is not an IOAPIC of this machine (see ACPI's MADT, /sys/firmware/acpi/tables/APIC)\n",
		       io->ioapic_base);
		return -EINVAL;
	}
	return 0;
}

/* The APICs are covered by the validator: nothing else is off limits. */
int axvm_arch_check_root_regions(const struct axvm_cell_desc *root)
{
	return 0;
}

/*
 * Linux's interrupt as an IOAPIC pin (a config's interrupt numbers), if
 * the IOAPIC is its chip: the outermost level of x86's hierarchy, whose
 * hwirq is the pin. One IOAPIC is what the config describes (struct
 * axvm_ioapic); a machine with more would need the chip's too.
 */
int axvm_arch_irq_line(struct irq_data *d)
{
	if (!d->chip || !d->chip->name || !strstr(d->chip->name, "IO-APIC"))
		return -1;
	return d->hwirq <= INT_MAX ? (int)d->hwirq : -1;
}
