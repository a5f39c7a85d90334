// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU over and giving it back, on arm64.
 *
 * The CPU arrives from bootstrap_entry at EL2 with the MMU off, executing
 * at the physical address the driver loaded us at. The firmware's tables
 * map hypervisor memory 1:1, so turning the MMU on changes no address.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <hv/cell.h>

#include <asm/gicv3.h>
#include <asm/paging.h>
#include <asm/sysregs.h>
#include <asm/traps.h>
#include <asm/uart.h>

#define GICD_SIZE	0x10000ull
#define UART_SIZE	0x1000ull

static struct paging el2_tables;

struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)(uintptr_t)read_sysreg(tpidr_el2);
}

/* Break-before-make for the firmware's own tables. */
static void el2_invalidate(struct paging *pg)
{
	(void)pg;
	asm volatile("dsb ishst\n\ttlbi alle2is\n\tdsb ish\n\tisb" ::: "memory");
}

int arch_global_init(const struct axvm_system_config *sys)
{
	const struct axvm_system_desc *d = &sys->system;
	int err;

	err = paging_create(&el2_tables, &el2_format, 0, 1);
	if (err)
		return err;
	el2_tables.invalidate = el2_invalidate;
	/* Everything the firmware touches: its memory and its devices. */
	err = paging_map(&el2_tables, d->hypervisor_phys, d->hypervisor_phys,
			 d->hypervisor_size, MAP_RW | MAP_EXEC);
	if (!err && d->debug_console.type == AXVM_CONSOLE_PL011)
		err = paging_map(&el2_tables, d->debug_console.address & ~0xfffull,
				 d->debug_console.address & ~0xfffull, UART_SIZE,
				 MAP_RW | MAP_DEVICE);
	if (!err)
		err = paging_map(&el2_tables, d->platform.arch.gicv3.gicd_base,
				 d->platform.arch.gicv3.gicd_base, GICD_SIZE,
				 MAP_RW | MAP_DEVICE);
	if (!err)
		err = paging_map(&el2_tables, d->platform.arch.gicv3.gicr_base,
				 d->platform.arch.gicv3.gicr_base, d->platform.arch.gicv3.gicr_size,
				 MAP_RW | MAP_DEVICE);
	if (err) {
		paging_destroy(&el2_tables);
		return err;
	}
	if (d->debug_console.type == AXVM_CONSOLE_PL011)
		pl011_init(d->debug_console.address);
	return gicv3_global_init();
}

/* Break-before-make for a cell's stage-2: forget its VMID's entries. */
static void stage2_invalidate(struct paging *pg)
{
	arch_cell_flush((struct cell *)((char *)pg - __builtin_offsetof(struct cell, stage2)));
}

int arch_cell_create(struct cell *cell)
{
	int err = paging_create(&cell->stage2, &stage2_format, S2_START_LEVEL,
				S2_ROOT_TABLES);

	if (err)
		return err;
	cell->stage2.invalidate = stage2_invalidate;
	/* The cell id is the VMID (8 bits on this CPU). */
	cell->arch.vttbr = (u64)(uintptr_t)cell->stage2.root |
			   ((u64)(cell->id & 0xff) << 48);
	return 0;
}

int arch_cell_map_devices(struct cell *cell)
{
	return gicv3_map_redistributors(cell);
}

void arch_cell_destroy(struct cell *cell)
{
	paging_destroy(&cell->stage2);
}

void arch_cell_flush(struct cell *cell)
{
	u64 vttbr = read_sysreg(vttbr_el2);

	/* TLB maintenance by VMID acts on the VMID in VTTBR_EL2. */
	dsb_ish();
	write_sysreg(cell->arch.vttbr, vttbr_el2);
	isb();
	asm volatile("tlbi vmalls12e1is\n\tdsb ish" ::: "memory");
	write_sysreg(vttbr, vttbr_el2);
	isb();
}

int arch_map_hypervisor(u64 phys, u64 size)
{
	return paging_map(&el2_tables, phys, phys, size, MAP_READ);
}

void arch_unmap_hypervisor(u64 phys, u64 size)
{
	paging_unmap(&el2_tables, phys, size);
	asm volatile("dsb ishst\n\ttlbi alle2is\n\tdsb ish\n\tisb" ::: "memory");
}

/*
 * Zero with DC ZVA where the CPU allows it, and clean every line to the
 * point of coherency: the next owner may start with its caches off and
 * must read zeros from memory, not stale data behind our cached ones.
 */
static void zero_and_clean(u64 start, u64 size)
{
	u64 dczid = read_sysreg(dczid_el0), ctr = read_sysreg(ctr_el0);
	u64 zva = 4ull << (dczid & 0xf), line = 4ull << ((ctr >> 16) & 0xf);
	u64 at, end = start + size;

	if (!(dczid & (1u << 4)) && !(start & (zva - 1)) && !(size & (zva - 1)))
		for (at = start; at < end; at += zva)
			asm volatile("dc zva, %0" : : "r"(at) : "memory");
	else
		for (at = start; at < end; at += 8)
			*(volatile u64 *)(uintptr_t)at = 0;
	for (at = start & ~(line - 1); at < end; at += line)
		asm volatile("dc civac, %0" : : "r"(at) : "memory");
	asm volatile("dsb sy" ::: "memory");
}

int arch_clear_memory(u64 phys, u64 size)
{
	int err = paging_map(&el2_tables, phys, phys, size, MAP_RW);

	if (err) {
		arch_unmap_hypervisor(phys, size);	/* what was mapped of it */
		return err;
	}
	zero_and_clean(phys, size);
	arch_unmap_hypervisor(phys, size);
	return 0;
}

static void mmu_on(void)
{
	u64 parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	if (parange > 5)	/* 48 bits is what 4 KiB tables reach */
		parange = 5;
	write_sysreg(MAIR_EL2_VALUE, mair_el2);
	write_sysreg(TCR_EL2_BASE | (parange << TCR_PS_SHIFT), tcr_el2);
	write_sysreg((u64)(uintptr_t)el2_tables.root, ttbr0_el2);
	isb();
	asm volatile("tlbi alle2\n\tdsb nsh" ::: "memory");
	write_sysreg(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I, sctlr_el2);
	isb();
}

int arch_cpu_init(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	int err;

	a->saved_hcr = read_sysreg(hcr_el2);
	a->saved_cptr = read_sysreg(cptr_el2);
	/* EL2 wipes FP/SIMD registers between cells (cpu.c): no trap on FP. */
	write_sysreg(a->saved_cptr & ~CPTR_EL2_TFP, cptr_el2);
	a->saved_mdcr = read_sysreg(mdcr_el2);
	a->saved_cnthctl = read_sysreg(cnthctl_el2);
	/*
	 * An event stream for the firmware's own waits (wfe): a wake-up every
	 * 2^11 counter ticks (33 us at 62.5 MHz), so that a wait with a
	 * deadline sees it even when no CPU signals. Guests may see spurious
	 * wfe wake-ups, which the architecture allows anyway.
	 */
	write_sysreg(a->saved_cnthctl | CNTHCTL_EVNTEN | CNTHCTL_EVNTI(10), cnthctl_el2);
	a->saved_vttbr = read_sysreg(vttbr_el2);
	a->mpidr = read_sysreg(mpidr_el1);

	mmu_on();
	err = gicv3_cpu_init(cpu);
	if (err) {
		write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
		isb();
		return err;
	}
	write_sysreg((u64)(uintptr_t)hyp_vectors, vbar_el2);
	/* The cell's address space; nothing cached from before may stay. */
	write_sysreg(VTCR_EL2_VALUE, vtcr_el2);
	write_sysreg(cpu->cell->arch.vttbr, vttbr_el2);
	isb();
	asm volatile("tlbi vmalls12e1\n\tdsb nsh" ::: "memory");
	/*
	 * Traps: VM = stage-2 on; TSC = every SMC (PSCI) comes here; FMO =
	 * Group 0 (our management SGI) comes here; RW = EL1 is AArch64. IRQs
	 * stay with the cells (IMO clear): no exit to deliver an interrupt.
	 * See asm/gicv3.h for the GIC registers that trap.
	 */
	write_sysreg(HCR_VM | HCR_TSC | HCR_FMO | HCR_RW, hcr_el2);
	isb();
	return 0;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;

	gicv3_cpu_exit(cpu);
	write_sysreg(a->saved_hcr, hcr_el2);
	write_sysreg(a->saved_cptr, cptr_el2);
	write_sysreg(a->saved_mdcr, mdcr_el2);
	write_sysreg(a->saved_cnthctl, cnthctl_el2);
	write_sysreg(a->saved_vttbr, vttbr_el2);
	isb();
	asm volatile("tlbi vmalls12e1\n\tdsb nsh" ::: "memory");
}

void arch_cpu_leave(struct per_cpu *cpu)
{
	struct trap_frame *frame = (struct trap_frame *)
		((u64)(uintptr_t)cpu + AXVM_PERCPU_SIZE - AXVM_FRAME_SIZE);

	arch_cpu_restore(cpu);
	frame->x[0] = 0;
	leave_hypervisor(frame, cpu->arch.stub_vectors);
}

/*
 * Called by bootstrap_entry with the caller's registers: x1 = CPU number,
 * x2 = physical address of the hyp stub's vectors, x3 = config size.
 * Returns the value for the caller's x0.
 */
long bootstrap(struct trap_frame *frame);

long bootstrap(struct trap_frame *frame)
{
	struct per_cpu *cpu = this_cpu();
	u64 stub = frame->x[2];
	int err;

	err = hypervisor_enter((unsigned int)frame->x[1], frame->x[3]);
	if (err) {
		/* Leave EL2 exactly as the stub had it. */
		write_sysreg(SCTLR_EL2_RES1, sctlr_el2);
		isb();
		write_sysreg(stub, vbar_el2);
		return err;
	}
	cpu->arch.stub_vectors = stub;
	return 0;
}
