// SPDX-License-Identifier: GPL-2.0
/*
 * The two descriptor formats of arm64 with a 4 KiB granule: the EL2 stage-1
 * tables the firmware runs on, and the stage-2 tables of the cells
 * (Arm ARM D8.3; shared/ARM64-NOTES.md sections 3 and 4).
 */
#include <hv/paging.h>

#include <asm/paging.h>

#define PTE_VALID	(1ull << 0)
#define PTE_TABLE_PAGE	(1ull << 1)	/* table at levels 0-2, page at 3 */
#define PTE_AF		(1ull << 10)
#define PTE_SH_INNER	(3ull << 8)
#define PTE_XN		(1ull << 54)
#define PTE_ADDR_MASK	0x0000fffffffff000ull

/* Stage 1 at EL2: AttrIndx into MAIR_EL2, AP[2] = read-only, AP[1] RES1. */
#define S1_ATTR_NORMAL	(MAIR_IDX_NORMAL << 2)
#define S1_ATTR_DEVICE	(MAIR_IDX_DEVICE << 2)
#define S1_AP_RES1	(1ull << 6)
#define S1_AP_RO	(1ull << 7)

/* Stage 2: MemAttr and S2AP. */
#define S2_MEMATTR_NORMAL	(0xfull << 2)	/* inner/outer write-back */
#define S2_MEMATTR_DEVICE	(0x1ull << 2)	/* Device-nGnRE */
#define S2AP_READ		(1ull << 6)
#define S2AP_WRITE		(1ull << 7)

static pte_t leaf_type(unsigned int level)
{
	return PTE_VALID | (level == 3 ? PTE_TABLE_PAGE : 0);
}

static pte_t el2_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	pte_t pte = (phys & PTE_ADDR_MASK) | leaf_type(level) | PTE_AF |
		    S1_AP_RES1;

	pte |= (flags & MAP_DEVICE) ? S1_ATTR_DEVICE :
				      S1_ATTR_NORMAL | PTE_SH_INNER;
	if (!(flags & MAP_WRITE))
		pte |= S1_AP_RO;
	if (!(flags & MAP_EXEC) || (flags & MAP_DEVICE))
		pte |= PTE_XN;
	return pte;
}

static pte_t s2_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	pte_t pte = (phys & PTE_ADDR_MASK) | leaf_type(level) | PTE_AF;

	pte |= (flags & MAP_DEVICE) ? S2_MEMATTR_DEVICE :
				      S2_MEMATTR_NORMAL | PTE_SH_INNER;
	if (flags & MAP_READ)
		pte |= S2AP_READ;
	if (flags & MAP_WRITE)
		pte |= S2AP_WRITE;
	if (!(flags & MAP_EXEC) || (flags & MAP_DEVICE))
		pte |= PTE_XN;
	return pte;
}

static pte_t table(u64 phys)
{
	return (phys & PTE_ADDR_MASK) | PTE_VALID | PTE_TABLE_PAGE;
}

static bool is_valid(pte_t pte)
{
	return pte & PTE_VALID;
}

static bool is_table(pte_t pte, unsigned int level)
{
	return level < 3 && (pte & PTE_TABLE_PAGE);
}

static u64 address(pte_t pte)
{
	return pte & PTE_ADDR_MASK;
}

static pte_t relocate(pte_t pte, u64 phys, unsigned int level)
{
	return (pte & ~(PTE_ADDR_MASK | PTE_TABLE_PAGE)) |
	       (phys & PTE_ADDR_MASK) | leaf_type(level);
}

const struct paging_format el2_format = {
	.leaf = el2_leaf, .table = table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};

const struct paging_format stage2_format = {
	.leaf = s2_leaf, .table = table, .is_valid = is_valid,
	.is_table = is_table, .address = address, .relocate = relocate,
	.max_block_level = 1,
};
