// SPDX-License-Identifier: GPL-2.0
/*
 * What all x86-64 CPUs share: the firmware's own page tables, the boot
 * area the driver fills (boot table, Linux's states), and the guests'
 * nested page tables.
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/apic.h>
#include <asm/paging.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

/* Filled by the driver before the first CPU enters (the entry contract). */
u8 boot_table[AXVM_X86_64_BOOT_TABLE_PAGES][AXVM_PAGE_SIZE]
	__attribute__((section(".bss.boot"), aligned(AXVM_PAGE_SIZE)));
struct axvm_x86_64_linux_state linux_states[AXVM_MAX_CPUS];

static struct paging host_tables;
static u64 *host_top;
static u64 host_root_pa;

/* The per-CPU areas are AXVM_PERCPU_SIZE apart and hold their stacks. */
struct per_cpu *this_cpu(void)
{
	u64 sp, base = (u64)(uintptr_t)per_cpu(0);

	asm volatile("mov %%rsp, %0" : "=r"(sp));
	return per_cpu((unsigned int)((sp - base) / AXVM_PERCPU_SIZE));
}

struct guest_regs *cpu_regs(struct per_cpu *cpu)
{
	return (struct guest_regs *)((u64)(uintptr_t)cpu + AXVM_PERCPU_SIZE -
				     AXVM_FRAME_SIZE);
}

u64 host_cr3(void)
{
	return host_root_pa;
}

/* Every CPU forgets the firmware's own old entries (kicks come later). */
static void host_invalidate(struct paging *pg)
{
	(void)pg;
	flush_tlb_all_local();
}

/*
 * The trampoline's page at Linux's address, so that leaving can switch
 * CR3 back while running on it: the entries above the core's identity
 * tree (which never reaches the upper half) are built here.
 */
static int map_trampoline(const struct axvm_x86_64_linux_state *ls)
{
	u64 va = ls->return_rip & ~(AXVM_PAGE_SIZE - 1ull);
	u64 *table = host_top ? host_top : host_tables.root;
	int shift = host_top ? 48 : 39;

	for (; shift > 12; shift -= 9) {
		u64 *entry = &table[(va >> shift) & 511];

		if (!(*entry & PTE_P)) {
			u64 *next = page_alloc(1, 1);

			if (!next)
				return -ENOMEM;
			*entry = host_format.table((u64)(uintptr_t)next);
		}
		table = (u64 *)(uintptr_t)(*entry & PTE_ADDR_MASK);
	}
	table[(va >> 12) & 511] = (ls->return_page_pa & PTE_ADDR_MASK) | PTE_P | PTE_A;
	return 0;
}

/*
 * Each CPU's window onto guest memory (guest.c): one page at a virtual
 * address of its own, above every physical address the firmware maps
 * 1:1, so that CPUs reading guests' memory at once never touch each
 * other's entries and need no flush but their own.
 */
#define WINDOW_BASE	0x7f0000000000ull
static u64 *window_ptes[AXVM_MAX_CPUS];

static u64 window_va(unsigned int cpu)
{
	return WINDOW_BASE + (u64)cpu * AXVM_PAGE_SIZE;
}

/* The core's tree is 4-level from level 0: the leaf entry of @va. */
static u64 *leaf_entry(u64 va)
{
	u64 *table = host_tables.root;
	int shift;

	for (shift = 39; shift > 12; shift -= 9)
		table = (u64 *)(uintptr_t)(table[(va >> shift) & 511] & PTE_ADDR_MASK);
	return &table[(va >> 12) & 511];
}

static int windows_init(const struct axvm_system_desc *d)
{
	unsigned int i;
	int err;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		err = paging_map(&host_tables, window_va(i), d->hypervisor_phys,
				 AXVM_PAGE_SIZE, MAP_READ);
		if (err)
			return err;
		window_ptes[i] = leaf_entry(window_va(i));
		*window_ptes[i] = 0;
	}
	return 0;
}

const void *window_map(u64 phys)
{
	unsigned int cpu = this_cpu()->id;
	u64 va = window_va(cpu);

	*window_ptes[cpu] = (phys & PTE_ADDR_MASK) | PTE_P | PTE_A | PTE_NX;
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
	return (const void *)(uintptr_t)(va + (phys & (AXVM_PAGE_SIZE - 1)));
}

void window_unmap(void)
{
	unsigned int cpu = this_cpu()->id;
	u64 va = window_va(cpu);

	*window_ptes[cpu] = 0;
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

int arch_global_init(const struct axvm_system_config *sys)
{
	const struct axvm_system_desc *d = &sys->system;
	int err = paging_create(&host_tables, &host_format, 0, 1);

	if (err)
		return err;
	err = paging_map(&host_tables, d->hypervisor_phys, d->hypervisor_phys,
			 d->hypervisor_size, MAP_RW | MAP_EXEC);
	if (!err)
		err = paging_map(&host_tables, d->platform.arch.ioapic.lapic_base,
				 d->platform.arch.ioapic.lapic_base, AXVM_PAGE_SIZE,
				 MAP_RW | MAP_DEVICE);
	if (!err)
		err = paging_map(&host_tables, d->platform.arch.ioapic.ioapic_base,
				 d->platform.arch.ioapic.ioapic_base, AXVM_PAGE_SIZE,
				 MAP_RW | MAP_DEVICE);
	if (!err)
		err = windows_init(d);
	if (!err)
		err = paging_top(&host_tables, &host_top, &host_root_pa);
	if (!err)
		err = map_trampoline(&linux_states[0]);
	if (err) {
		paging_destroy(&host_tables);
		return err;
	}
	host_tables.invalidate = host_invalidate;
	apic_global_init();
	return 0;
}

/*
 * Every CPU forgets what it cached of @cell's nested tables: each one
 * flushes its ASID before its next VMRUN once the generation moved
 * (svm.c). Until kicks reach running CPUs, that is at their next exit.
 */
void arch_cell_flush(struct cell *cell)
{
	__atomic_add_fetch(&cell->arch.flush_generation, 1, __ATOMIC_RELEASE);
}

static void npt_invalidate(struct paging *pg)
{
	arch_cell_flush((struct cell *)((char *)pg -
					__builtin_offsetof(struct cell, stage2)));
}

int arch_cell_create(struct cell *cell)
{
	int err = paging_create(&cell->stage2, &npt_format, 0, 1);

	if (err)
		return err;
	err = paging_top(&cell->stage2, &cell->arch.top, &cell->arch.ncr3);
	if (err) {
		paging_destroy(&cell->stage2);
		return err;
	}
	cell->stage2.invalidate = npt_invalidate;
	cell->arch.asid = cell->id + 1;	/* ASID 0 is the host's */
	return 0;
}

/*
 * No guest's local APIC or IOAPIC page is in its nested table: every
 * access traps (apic.c, ioapic.c); the validator keeps both out of every
 * config. Nothing else is the firmware's to add.
 */
int arch_cell_map_devices(struct cell *cell)
{
	(void)cell;
	return 0;
}

void arch_cell_destroy(struct cell *cell)
{
	if (cell->arch.top)
		page_free(cell->arch.top, 1);
	paging_destroy(&cell->stage2);
}

int arch_map_hypervisor(u64 phys, u64 size)
{
	return paging_map(&host_tables, phys, phys, size, MAP_READ);
}

void arch_unmap_hypervisor(u64 phys, u64 size)
{
	paging_unmap(&host_tables, phys, size);
	host_invalidate(&host_tables);
}

/* Caches are coherent with every agent the next owner has: plain stores do. */
int arch_clear_memory(u64 phys, u64 size)
{
	return paging_zero_identity(&host_tables, phys, size);
}
