// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table format of x86-64 long mode with 4 KiB pages (AMD64 APM
 * vol. 2 "Long-Mode Page Translation", "Nested Paging"): the firmware's
 * own tables and the guests' nested tables. Nested walks treat every
 * access as a user one, so nested entries carry US; the firmware's do not
 * (SMAP and SMEP stay as Linux set them). Memory types come from PCD/PWT
 * with Linux's PAT left as it is: index 0 (write-back) for memory, 3
 * (uncached) for devices.
 */
#include <axvm/errno.h>
#include <hv/page_pool.h>
#include <hv/paging.h>

#include <asm/paging.h>
#include <asm/processor.h>

#define LEAF_LEVEL	3	/* the core's level of 4 KiB pages */

static pte_t leaf(u64 phys, unsigned int flags, unsigned int level)
{
	pte_t pte = (phys & PTE_ADDR_MASK) | PTE_P | PTE_A;

	if (flags & MAP_WRITE)
		pte |= PTE_RW | PTE_D;
	if (!(flags & MAP_EXEC) || (flags & MAP_DEVICE))
		pte |= PTE_NX;
	if (flags & MAP_DEVICE)
		pte |= PTE_PCD | PTE_PWT;
	if (level < LEAF_LEVEL)
		pte |= PTE_PS;
	return pte;
}

static pte_t host_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	return leaf(phys, flags, level);
}

static pte_t npt_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	return leaf(phys, flags, level) | PTE_US;
}

/* Tables allow everything; the leaves say what is allowed. */
static pte_t host_table(u64 phys)
{
	return (phys & PTE_ADDR_MASK) | PTE_P | PTE_RW | PTE_A;
}

static pte_t npt_table(u64 phys)
{
	return host_table(phys) | PTE_US;
}

static bool is_valid(pte_t pte)
{
	return pte & PTE_P;
}

static bool is_table(pte_t pte, unsigned int level)
{
	return level < LEAF_LEVEL && !(pte & PTE_PS);
}

static u64 address(pte_t pte)
{
	return pte & PTE_ADDR_MASK;
}

/* A block's attributes for a smaller leaf: PS only above the last level. */
static pte_t relocate(pte_t pte, u64 phys, unsigned int level)
{
	pte = (pte & ~PTE_ADDR_MASK) | (phys & PTE_ADDR_MASK);
	return level == LEAF_LEVEL ? pte & ~PTE_PS : pte | PTE_PS;
}

const struct paging_format host_format = {
	.leaf = host_leaf, .table = host_table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};

const struct paging_format npt_format = {
	.leaf = npt_leaf, .table = npt_table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};

bool paging_5level(void)
{
	return read_cr4() & X86_CR4_LA57;
}

int paging_top(struct paging *tree, u64 **top, u64 *root_pa)
{
	u64 *page;

	*top = NULL;
	*root_pa = (u64)(uintptr_t)tree->root;
	if (!paging_5level())
		return 0;
	page = page_alloc(1, 1);	/* zeroed */
	if (!page)
		return -ENOMEM;
	page[0] = tree->format->table(*root_pa);
	*top = page;
	*root_pa = (u64)(uintptr_t)page;
	return 0;
}
