// SPDX-License-Identifier: GPL-2.0
/*
 * The two page-table formats of riscv64 with 4 KiB pages (privileged
 * specification, "Sv39/Sv48" and "Two-stage address translation"): the
 * HS-mode tables the firmware runs on and the guests' G-stage tables.
 * Both share the entry encoding; G-stage leaves must be user pages (U),
 * the firmware's must not be.
 */
#include <hv/paging.h>

#include <asm/paging.h>

#define PTE_V		(1ull << 0)
#define PTE_R		(1ull << 1)
#define PTE_W		(1ull << 2)
#define PTE_X		(1ull << 3)
#define PTE_U		(1ull << 4)
#define PTE_A		(1ull << 6)
#define PTE_D		(1ull << 7)
#define PTE_RWX		(PTE_R | PTE_W | PTE_X)
#define PTE_PPN_SHIFT	10
#define PTE_PPN_MASK	(0xfffffffffffull << PTE_PPN_SHIFT)	/* 44 bits */

static pte_t encode_address(u64 phys)
{
	return ((phys >> 12) << PTE_PPN_SHIFT) & PTE_PPN_MASK;
}

/*
 * Accessed and dirty are set up front: hardware need not update them, and
 * a hart that does not would otherwise fault on the first access.
 */
static pte_t leaf(u64 phys, unsigned int flags)
{
	pte_t pte = encode_address(phys) | PTE_V | PTE_A | PTE_D;

	if (flags & MAP_READ)
		pte |= PTE_R;
	if (flags & MAP_WRITE)
		pte |= PTE_W | PTE_R;	/* write-only is reserved */
	if ((flags & MAP_EXEC) && !(flags & MAP_DEVICE))
		pte |= PTE_X;
	return pte;
}

static pte_t hs_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	(void)level;
	/*
	 * Device memory keeps the PMA's type (no Svpbmt needed): on QEMU and
	 * real platforms the PMAs already make device regions I/O.
	 */
	return leaf(phys, flags);
}

static pte_t gstage_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	(void)level;
	return leaf(phys, flags) | PTE_U;
}

static pte_t table(u64 phys)
{
	return encode_address(phys) | PTE_V;
}

static bool is_valid(pte_t pte)
{
	return pte & PTE_V;
}

static bool is_table(pte_t pte, unsigned int level)
{
	return level < 3 && !(pte & PTE_RWX);
}

static u64 address(pte_t pte)
{
	return ((pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT) << 12;
}

static pte_t relocate(pte_t pte, u64 phys, unsigned int level)
{
	(void)level;
	return (pte & ~PTE_PPN_MASK) | encode_address(phys);
}

const struct paging_format hs_format = {
	.leaf = hs_leaf, .table = table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};

const struct paging_format gstage_format = {
	.leaf = gstage_leaf, .table = table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};
