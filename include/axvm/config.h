/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The binary configs: what axvm-ctl makes from JSON (docs/config.md) and
 * hands to the driver, which hands it to the firmware.
 *
 * A system config is
 *	struct axvm_config_header		magic AXVM_SYSTEM_MAGIC
 *	struct axvm_system_desc
 *	struct axvm_cell_desc			the root cell
 *	struct axvm_memory_region[root.num_memory_regions]
 *	struct axvm_irq_range[root.num_irq_ranges]
 * and a cell config is
 *	struct axvm_config_header		magic AXVM_CELL_MAGIC
 *	struct axvm_cell_desc
 *	struct axvm_memory_region[num_memory_regions]
 *	struct axvm_irq_range[num_irq_ranges]
 * with header.total_size covering exactly that. axvm_system_config_size()
 * and axvm_cell_config_size() compute it, the same on every side.
 */
#ifndef _AXVM_CONFIG_H
#define _AXVM_CONFIG_H

#include <axvm/types.h>

#define AXVM_SYSTEM_MAGIC	"AXVM-SYS"	/* 8 bytes, no NUL */
#define AXVM_CELL_MAGIC		"AXVM-CEL"
#define AXVM_CONFIG_MAGIC_SIZE	8

#define AXVM_CELL_NAME_SIZE	32	/* including the NUL */
#define AXVM_CPU_SET_WORDS	4	/* 256 CPUs */
#define AXVM_MAX_CPUS_ABI	(AXVM_CPU_SET_WORDS * 64)
#define AXVM_MAX_MEMORY_REGIONS	64
#define AXVM_MAX_IRQ_RANGES	64
#define AXVM_PAGE_SIZE_ABI	4096ull
/* The largest config blob any side accepts (-E2BIG above it). */
#define AXVM_CONFIG_MAX_SIZE	(1u << 20)

/**
 * struct axvm_config_header - the start of every config blob
 * @magic:        AXVM_SYSTEM_MAGIC or AXVM_CELL_MAGIC.
 * @abi_revision: AXVM_ABI_REVISION.
 * @arch:         AXVM_ARCH_* of the machine the config describes.
 * @total_size:   bytes of the whole blob, header included.
 * @reserved:     must be zero.
 */
struct axvm_config_header {
	__u8 magic[AXVM_CONFIG_MAGIC_SIZE];
	__u32 abi_revision;
	__u32 arch;
	__u32 total_size;
	__u32 reserved;
};
_Static_assert(sizeof(struct axvm_config_header) == 24, "config header");

/* Memory region flags. */
#define AXVM_MEM_READ		(1u << 0)
#define AXVM_MEM_WRITE		(1u << 1)
#define AXVM_MEM_EXECUTE	(1u << 2)
/* Device memory: mapped uncached, never loadable. */
#define AXVM_MEM_IO		(1u << 3)
/* The root may map it while the cell is being loaded. */
#define AXVM_MEM_LOADABLE	(1u << 4)
/* Stays mapped in the root (and may be shared between cells). */
#define AXVM_MEM_SHARED		(1u << 5)
/* A device may reach it by DMA (kept identity-mapped). */
#define AXVM_MEM_DMA		(1u << 6)
#define AXVM_MEM_VALID_FLAGS	0x7fu

/**
 * struct axvm_memory_region - one range of guest-physical address space
 * @phys_start: host-physical start; page aligned.
 * @virt_start: guest-physical start as the cell sees it; page aligned.
 *              The root cell is identity-mapped (virt == phys).
 * @size:       bytes; a non-zero multiple of the page size.
 * @flags:      AXVM_MEM_*.
 * @reserved:   must be zero.
 */
struct axvm_memory_region {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u32 flags;
	__u32 reserved;
};
_Static_assert(sizeof(struct axvm_memory_region) == 32, "memory region");

/**
 * struct axvm_irq_range - interrupt lines a cell owns
 * @first:    first interrupt ID (on arm64: a GIC SPI, 32..1019).
 * @count:    number of consecutive IDs; at least 1.
 * @reserved: must be zero.
 */
struct axvm_irq_range {
	__u32 first;
	__u32 count;
	__u64 reserved;
};
_Static_assert(sizeof(struct axvm_irq_range) == 16, "irq range");

/* Console kinds. */
#define AXVM_CONSOLE_NONE	0
/* Writes through the console hypercall into the cell's own ring buffer. */
#define AXVM_CONSOLE_HYPERCALL	1
/* A PL011 UART at @address, reached directly (it must be a region). */
#define AXVM_CONSOLE_PL011	2
/*
 * riscv64, the hypervisor's debug console only: the platform's SBI console
 * (OpenSBI's legacy console_putchar); @address is 0.
 */
#define AXVM_CONSOLE_SBI	3
/*
 * x86-64, the hypervisor's debug console only: a 16550-compatible UART at
 * I/O port @address (0x3f8 for COM1), polled.
 */
#define AXVM_CONSOLE_8250_PIO	4
#define AXVM_CONSOLE_MAX	AXVM_CONSOLE_8250_PIO

/**
 * struct axvm_console - where a cell or the hypervisor writes text
 * @type:     AXVM_CONSOLE_*.
 * @reserved: must be zero.
 * @address:  physical address of the UART for AXVM_CONSOLE_PL011, its
 *            I/O port for AXVM_CONSOLE_8250_PIO, else 0.
 */
struct axvm_console {
	__u32 type;
	__u32 reserved;
	__u64 address;
};
_Static_assert(sizeof(struct axvm_console) == 16, "console");

/**
 * struct axvm_cell_desc - one cell: the root cell or a created one
 * @name:               NUL-terminated name: letters, digits, '-', '_',
 *                      '.'; 1 to AXVM_CELL_NAME_SIZE - 1 characters.
 * @cpus:               bitmap of the CPUs (Linux's logical numbers) the
 *                      cell owns; bit n of word n / 64.
 * @num_memory_regions: entries in the region array that follows.
 * @num_irq_ranges:     entries in the interrupt array after the regions.
 * @entry:              guest-physical address the cell's boot CPU starts
 *                      at; 0 for the root cell.
 * @console:            the cell's console.
 * @flags:              must be zero (none defined yet).
 * @reserved:           must be zero.
 */
struct axvm_cell_desc {
	char name[AXVM_CELL_NAME_SIZE];
	__u64 cpus[AXVM_CPU_SET_WORDS];
	__u32 num_memory_regions;
	__u32 num_irq_ranges;
	__u64 entry;
	struct axvm_console console;
	__u32 flags;
	__u32 reserved[3];
};
_Static_assert(sizeof(struct axvm_cell_desc) == 112, "cell desc");

/* Interrupt controller kinds. */
#define AXVM_IRQCHIP_GICV3	3
#define AXVM_IRQCHIP_PLIC	16	/* riscv64: a SiFive-compatible PLIC */
#define AXVM_IRQCHIP_IOAPIC	32	/* x86-64: local APICs and one IOAPIC */

/**
 * struct axvm_gicv3 - the GICv3 of an arm64 machine (AXVM_IRQCHIP_GICV3)
 * @gicd_base:         distributor, 64 KiB.
 * @gicr_base:         first redistributor frame.
 * @gicr_size:         bytes of the redistributor region (all CPUs).
 * @gits_base:         ITS, or 0 if the machine has none.
 * @maintenance_irq:   the maintenance interrupt (a PPI, 16..31).
 * @reserved:          must be zero.
 */
struct axvm_gicv3 {
	__u64 gicd_base;
	__u64 gicr_base;
	__u64 gicr_size;
	__u64 gits_base;
	__u32 maintenance_irq;
	__u32 reserved[3];
};
_Static_assert(sizeof(struct axvm_gicv3) == 48, "gicv3");

/**
 * struct axvm_plic - the PLIC of a riscv64 machine (AXVM_IRQCHIP_PLIC)
 * @base:          its registers.
 * @size:          bytes of its register region (up to the last context).
 * @num_sources:   interrupt sources 1..@num_sources (riscv,ndev); 0 is
 *                 "no interrupt".
 * @hart_contexts: contexts per hart, in hart-id order (QEMU virt: 2,
 *                 M-mode then S-mode).
 * @s_context:     which of a hart's contexts is its S-mode one (QEMU
 *                 virt: 1): context hartid * @hart_contexts + @s_context.
 * @reserved0:     must be zero.
 * @timebase_hz:   frequency of the time CSR (timebase-frequency).
 * @reserved:      must be zero.
 */
struct axvm_plic {
	__u64 base;
	__u64 size;
	__u32 num_sources;
	__u32 hart_contexts;
	__u32 s_context;
	__u32 reserved0;
	__u64 timebase_hz;
	__u64 reserved[1];
};
_Static_assert(sizeof(struct axvm_plic) == 48, "plic");

/**
 * struct axvm_ioapic - the interrupt controllers of an x86-64 machine
 * (AXVM_IRQCHIP_IOAPIC)
 * @ioapic_base: the IOAPIC's registers, one 4 KiB page (ACPI MADT).
 * @lapic_base:  the local APICs' xAPIC page (IA32_APIC_BASE), 4 KiB.
 * @ioapic_pins: its redirection entries: the interrupts cells' configs
 *               name are its pins (GSIs 0..@ioapic_pins - 1).
 * @reserved:    must be zero.
 */
struct axvm_ioapic {
	__u64 ioapic_base;
	__u64 lapic_base;
	__u32 ioapic_pins;
	__u32 reserved[7];
};
_Static_assert(sizeof(struct axvm_ioapic) == 48, "ioapic");

#define AXVM_PLATFORM_ARCH_SIZE	48

/**
 * struct axvm_platform - facts about the machine
 * @num_cpus:  CPUs the machine has (Linux's possible CPUs).
 * @irqchip:   AXVM_IRQCHIP_*: which member of @arch is valid.
 * @arch:      the architecture's part: its interrupt controller.
 * @arch.gicv3: arm64, AXVM_IRQCHIP_GICV3.
 * @arch.plic: riscv64, AXVM_IRQCHIP_PLIC.
 * @arch.ioapic: x86-64, AXVM_IRQCHIP_IOAPIC.
 * @arch.raw:  the union's size, for every architecture the same.
 */
struct axvm_platform {
	__u32 num_cpus;
	__u32 irqchip;
	union {
		struct axvm_gicv3 gicv3;
		struct axvm_plic plic;
		struct axvm_ioapic ioapic;
		__u8 raw[AXVM_PLATFORM_ARCH_SIZE];
	} arch;
};
_Static_assert(sizeof(struct axvm_platform) == 56, "platform");

/**
 * struct axvm_system_desc - the machine and the hypervisor's place in it
 * @hypervisor_phys: start of the memory reserved for the hypervisor (its
 *                   image, page pool and per-CPU data); page aligned and
 *                   outside everything the root cell maps.
 * @hypervisor_size: its size; at least AXVM_HYPERVISOR_MIN_SIZE.
 * @debug_console:   where the hypervisor prints its own messages.
 * @platform:        the machine.
 * @reserved:        must be zero.
 */
struct axvm_system_desc {
	__u64 hypervisor_phys;
	__u64 hypervisor_size;
	struct axvm_console debug_console;
	struct axvm_platform platform;
	__u64 reserved[2];
};
_Static_assert(sizeof(struct axvm_system_desc) == 104, "system desc");

#define AXVM_HYPERVISOR_MIN_SIZE	(1ull << 20)

/**
 * struct axvm_system_config - the fixed part of a system config blob
 * @header:    magic AXVM_SYSTEM_MAGIC.
 * @system:    the machine and the hypervisor.
 * @root_cell: the root cell; its memory regions and interrupt ranges
 *             follow this struct.
 */
struct axvm_system_config {
	struct axvm_config_header header;
	struct axvm_system_desc system;
	struct axvm_cell_desc root_cell;
};

/**
 * struct axvm_cell_config - the fixed part of a cell config blob
 * @header: magic AXVM_CELL_MAGIC.
 * @cell:   the cell; its memory regions and interrupt ranges follow.
 */
struct axvm_cell_config {
	struct axvm_config_header header;
	struct axvm_cell_desc cell;
};

/**
 * axvm_cell_arrays_size() - bytes of the arrays that follow a cell desc
 * @cell: the desc; its counts are trusted only up to the ABI maximums.
 *
 * Return: the size, or 0 if a count exceeds its maximum (so that a
 * caller's comparison with total_size fails instead of overflowing).
 */
static inline __u64 axvm_cell_arrays_size(const struct axvm_cell_desc *cell)
{
	if (cell->num_memory_regions > AXVM_MAX_MEMORY_REGIONS ||
	    cell->num_irq_ranges > AXVM_MAX_IRQ_RANGES)
		return 0;
	return (__u64)cell->num_memory_regions * sizeof(struct axvm_memory_region) +
	       (__u64)cell->num_irq_ranges * sizeof(struct axvm_irq_range);
}

static inline struct axvm_memory_region *
axvm_cell_memory_regions(const struct axvm_cell_desc *cell)
{
	return (struct axvm_memory_region *)(cell + 1);
}

static inline struct axvm_irq_range *
axvm_cell_irq_ranges(const struct axvm_cell_desc *cell)
{
	return (struct axvm_irq_range *)(axvm_cell_memory_regions(cell) +
					 cell->num_memory_regions);
}

static inline int axvm_cpu_in_set(const __u64 *set, unsigned int cpu)
{
	return cpu < AXVM_MAX_CPUS_ABI && ((set[cpu / 64] >> (cpu % 64)) & 1);
}

static inline void axvm_cpu_set_add(__u64 *set, unsigned int cpu)
{
	if (cpu < AXVM_MAX_CPUS_ABI)
		set[cpu / 64] |= 1ull << (cpu % 64);
}

#endif /* _AXVM_CONFIG_H */
