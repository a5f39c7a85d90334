// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a guest's registers and the instruction it trapped on
 * (asm/guest.h). The walk of its page tables reads only memory its cell
 * owns (the root's: its nested table says so now; a cell's: its config's
 * regions), through the CPU's own window: a guest that points its tables
 * elsewhere gets nothing decoded, and a fault.
 */
#include <hv/cell.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>

#include <asm/guest.h>
#include <asm/mmio_decode.h>
#include <asm/paging.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

#define REG_RSP		4

u64 guest_reg(struct per_cpu *cpu, struct guest_regs *regs, unsigned int reg)
{
	if (reg == REG_RAX)
		return cpu->arch.vmcb->rax;
	if (reg == REG_RSP)
		return cpu->arch.vmcb->rsp;
	return regs->r[reg & 15];
}

void guest_reg_set(struct per_cpu *cpu, struct guest_regs *regs, unsigned int reg,
		   unsigned int size, u64 value)
{
	u64 old = guest_reg(cpu, regs, reg), v;

	if (size >= 4)
		v = size == 8 ? value : (u32)value;
	else
		v = (old & ~((1ull << (size * 8)) - 1)) | (value & ((1ull << (size * 8)) - 1));
	if (reg == REG_RAX)
		cpu->arch.vmcb->rax = v;
	else if (reg == REG_RSP)
		cpu->arch.vmcb->rsp = v;
	else
		regs->r[reg & 15] = v;
}

/*
 * The host-physical address of @gpa in @cell's memory (not a device's,
 * whose registers a read may change), or ~0. The root's memory is
 * identity-mapped (and its nested table says whether it owns the page
 * now); a cell's lies where its config's regions put it.
 */
static u64 memory_of_cell(struct cell *cell, u64 gpa)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell->desc);
	unsigned int i;

	if (cell == &root_cell)
		return paging_is_mapped(&cell->stage2, gpa) &&
		       !(root_flags_at(gpa) & MAP_DEVICE) ? gpa : ~0ull;
	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (gpa - mem[i].virt_start < mem[i].size &&
		    !(mem[i].flags & AXVM_MEM_IO))
			return mem[i].phys_start + (gpa - mem[i].virt_start);
	return ~0ull;
}

/* @size bytes at guest-physical @gpa, within one page, through this CPU's window. */
static int read_guest_physical(struct per_cpu *cpu, void *dst, u64 gpa, u64 size)
{
	u64 i, phys = memory_of_cell(cpu->cell, gpa);
	const u8 *src;

	if ((gpa & ~PAGE_MASK) != ((gpa + size - 1) & ~PAGE_MASK) || phys == ~0ull)
		return -1;
	src = window_map(phys);
	for (i = 0; i < size; i++)
		((u8 *)dst)[i] = src[i];
	window_unmap();
	return 0;
}

/* The guest-physical address of @gva in 64-bit mode, or ~0 if it has none. */
static u64 translate(struct per_cpu *cpu, u64 gva)
{
	const struct vmcb *v = cpu->arch.vmcb;
	int shift = (v->cr4 & X86_CR4_LA57) ? 48 : 39;
	u64 table = v->cr3 & PTE_ADDR_MASK, pte;

	for (; shift >= 12; shift -= 9) {
		if (read_guest_physical(cpu, &pte, table + ((gva >> shift) & 511) * 8, 8) ||
		    !(pte & PTE_P))
			return ~0ull;
		if (shift == 12 || ((pte & PTE_PS) && shift <= 30))
			return (pte & PTE_ADDR_MASK & ~((1ull << shift) - 1)) |
			       (gva & ((1ull << shift) - 1));
		table = pte & PTE_ADDR_MASK;
	}
	return ~0ull;
}

unsigned int guest_fetch_insn(struct per_cpu *cpu, u8 *buf, unsigned int size)
{
	const struct vmcb *v = cpu->arch.vmcb;
	unsigned int got = 0;

	if (!(v->efer & EFER_LMA) || !(v->cr0 & X86_CR0_PG))
		return 0;	/* 64-bit mode only, for now */
	while (got < size) {
		u64 gva = v->rip + got, gpa = translate(cpu, gva);
		unsigned int chunk = (unsigned int)(PAGE_SIZE - (gva & PAGE_MASK));

		if (chunk > size - got)
			chunk = size - got;
		if (gpa == ~0ull || read_guest_physical(cpu, buf + got, gpa, chunk))
			break;
		got += chunk;
	}
	return got;
}

bool guest_access32_decode(struct per_cpu *cpu, struct guest_regs *regs,
			   struct mmio_insn *insn, u32 *value)
{
	u8 code[MMIO_INSN_MAX];
	unsigned int got = guest_fetch_insn(cpu, code, sizeof(code));

	if (!got || !mmio_decode(code, got, insn) || insn->size != 4)
		return false;
	if (insn->write)
		*value = (u32)(insn->reg == MMIO_REG_IMM ? insn->imm :
			       guest_reg(cpu, regs, insn->reg));
	return true;
}

void guest_access32_done(struct per_cpu *cpu, struct guest_regs *regs,
			 const struct mmio_insn *insn, u32 value)
{
	if (!insn->write)
		guest_reg_set(cpu, regs, insn->reg, 4, value);
	cpu->arch.vmcb->rip += insn->length;
}
