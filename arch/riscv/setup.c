// SPDX-License-Identifier: GPL-2.0
/*
 * What all riscv64 CPUs share: the firmware's own page tables, the
 * guests' G-stage trees, and clearing memory between owners.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/printk.h>

#include <asm/csr.h>
#include <asm/paging.h>
#include <asm/plic.h>
#include <asm/riscv.h>
#include <asm/sbi.h>

static struct paging hs_tables;
unsigned int hs_start_level, gstage_start_level;
u64 hs_satp_mode, gstage_hgatp_mode;
static u64 vmid_mask;

/* Every hart's TLB forgets the firmware's own old entries. */
static void hs_invalidate(struct paging *pg)
{
	(void)pg;
	asm volatile("sfence.vma" ::: "memory");
	sbi_call(SBI_EXT_RFENCE, SBI_RFENCE_SFENCE_VMA, 0, -1ull, 0, 0, 0, 0);
}

static int hs_build(unsigned int start_level,
		    const struct axvm_system_config *sys)
{
	const struct axvm_system_desc *d = &sys->system;
	int err = paging_create(&hs_tables, &hs_format, start_level, 1);

	if (err)
		return err;
	/* Everything the firmware touches: its memory and the PLIC. */
	err = paging_map(&hs_tables, d->hypervisor_phys, d->hypervisor_phys,
			 d->hypervisor_size, MAP_RW | MAP_EXEC);
	if (!err)
		err = paging_map(&hs_tables, d->platform.arch.plic.base,
				 d->platform.arch.plic.base,
				 d->platform.arch.plic.size, MAP_RW | MAP_DEVICE);
	if (err)
		paging_destroy(&hs_tables);
	return err;
}

u64 hs_satp(void)
{
	return (hs_satp_mode << SATP_MODE_SHIFT) |
	       ((u64)(uintptr_t)hs_tables.root >> 12);
}

/*
 * Sv48 where the hart has it, else Sv39: a write of satp with a mode the
 * hart lacks is ignored, so trying Sv48 leaves us on the boot table if it
 * fails. Both trees map the firmware 1:1, so switching changes nothing
 * under our feet.
 */
static int hs_tables_init(const struct axvm_system_config *sys)
{
	int err = hs_build(0, sys);

	if (err)
		return err;
	hs_satp_mode = SATP_MODE_SV48;
	csr_write(satp, hs_satp());
	asm volatile("sfence.vma" ::: "memory");
	if (csr_read(satp) >> SATP_MODE_SHIFT == SATP_MODE_SV48) {
		hs_start_level = 0;
		hs_tables.invalidate = hs_invalidate;
		return 0;
	}
	paging_destroy(&hs_tables);
	err = hs_build(1, sys);
	if (err)
		return err;
	hs_start_level = 1;
	hs_satp_mode = SATP_MODE_SV39;
	csr_write(satp, hs_satp());
	asm volatile("sfence.vma" ::: "memory");
	hs_tables.invalidate = hs_invalidate;
	return 0;
}

/* Sv48x4 where the hart has it, else Sv39x4; and how wide VMIDs are. */
static void gstage_probe(void)
{
	u64 saved = csr_read(hgatp);

	csr_write(hgatp, (HGATP_MODE_SV48X4 << SATP_MODE_SHIFT) |
			 (HGATP_VMID_MASK << HGATP_VMID_SHIFT));
	if (csr_read(hgatp) >> SATP_MODE_SHIFT == HGATP_MODE_SV48X4) {
		gstage_hgatp_mode = HGATP_MODE_SV48X4;
		gstage_start_level = 0;
	} else {
		gstage_hgatp_mode = HGATP_MODE_SV39X4;
		gstage_start_level = 1;
		csr_write(hgatp, (HGATP_MODE_SV39X4 << SATP_MODE_SHIFT) |
				 (HGATP_VMID_MASK << HGATP_VMID_SHIFT));
	}
	vmid_mask = (csr_read(hgatp) >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK;
	csr_write(hgatp, saved);
}

int arch_global_init(const struct axvm_system_config *sys)
{
	int err = hs_tables_init(sys);

	if (err)
		return err;
	gstage_probe();
	if (vmid_mask < MAX_CELLS - 1)
		printk("riscv: %llu VMIDs only: G-stage flushes are global\n",
		       (unsigned long long)vmid_mask + 1);
	return plic_global_init(sys);
}

/* Every hart forgets what it cached of @cell's G-stage. */
void arch_cell_flush(struct cell *cell)
{
	u64 vmid = (cell->arch.hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK;

	hfence_gvma_vmid(vmid);
	sbi_call(SBI_EXT_RFENCE, SBI_RFENCE_HFENCE_GVMA_VMID, 0, -1ull, 0, 0,
		 vmid, 0);
}

static void gstage_invalidate(struct paging *pg)
{
	arch_cell_flush((struct cell *)((char *)pg -
					__builtin_offsetof(struct cell, stage2)));
}

int arch_cell_create(struct cell *cell)
{
	int err = paging_create(&cell->stage2, &gstage_format,
				gstage_start_level, GSTAGE_ROOT_TABLES);

	if (err)
		return err;
	cell->stage2.invalidate = gstage_invalidate;
	/* The cell id is the VMID where the hart has enough of them. */
	cell->arch.hgatp = (gstage_hgatp_mode << SATP_MODE_SHIFT) |
			   ((cell->id & vmid_mask) << HGATP_VMID_SHIFT) |
			   ((u64)(uintptr_t)cell->stage2.root >> 12);
	return 0;
}

int arch_cell_map_devices(struct cell *cell)
{
	(void)cell;	/* the PLIC is emulated, nothing is passed through */
	return 0;
}

void arch_cell_destroy(struct cell *cell)
{
	paging_destroy(&cell->stage2);
}

int arch_map_hypervisor(u64 phys, u64 size)
{
	return paging_map(&hs_tables, phys, phys, size, MAP_READ);
}

void arch_unmap_hypervisor(u64 phys, u64 size)
{
	paging_unmap(&hs_tables, phys, size);
	hs_invalidate(&hs_tables);
}

/* Caches are coherent with every agent the next owner has: plain stores do. */
int arch_clear_memory(u64 phys, u64 size)
{
	return paging_zero_identity(&hs_tables, phys, size);
}
