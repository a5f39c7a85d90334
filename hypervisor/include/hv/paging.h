/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page tables, architecture-neutral: a 4 KiB-granule radix tree of 512
 * entries per table, walked from a start level (0 = 512 GiB entries) down
 * to level 3 (pages). The architecture supplies the descriptor encoding of
 * each kind of table (its own stage-1, the guests' stage-2).
 */
#ifndef _HV_PAGING_H
#define _HV_PAGING_H

#include <hv/types.h>

/* What a mapping allows, independent of the encoding. */
#define MAP_READ	(1u << 0)
#define MAP_WRITE	(1u << 1)
#define MAP_EXEC	(1u << 2)
#define MAP_DEVICE	(1u << 3)	/* device memory, uncached */
#define MAP_RW		(MAP_READ | MAP_WRITE)

typedef u64 pte_t;

/**
 * struct paging_format - how one kind of table encodes its entries
 * @leaf:      a page (@level 3) or block descriptor for @phys with @flags.
 * @table:     a descriptor pointing at the next-level table at @phys.
 * @is_valid:  the entry maps something.
 * @is_table:  the entry points at a table (only at levels 0-2).
 * @address:   the output address of a leaf or table entry.
 * @relocate:  a leaf at @level for @phys with the attributes of leaf @pte
 *             (used to split a block into smaller leaves).
 * @max_block_level: the highest level a block may sit at (1 = 1 GiB).
 */
struct paging_format {
	pte_t (*leaf)(u64 phys, unsigned int flags, unsigned int level);
	pte_t (*table)(u64 phys);
	bool (*is_valid)(pte_t pte);
	bool (*is_table)(pte_t pte, unsigned int level);
	u64 (*address)(pte_t pte);
	pte_t (*relocate)(pte_t pte, u64 phys, unsigned int level);
	unsigned int max_block_level;
};

/**
 * struct paging - one tree
 * @format:      its encoding.
 * @root:        the top table (@root_tables concatenated tables).
 * @start_level: the level of @root.
 * @root_tables: number of concatenated tables at the root (stage-2 may
 *               start with several).
 * @invalidate:  makes every CPU's TLBs forget the tree's old entries; set
 *               once CPUs may walk the tree, so that changes follow
 *               break-before-make (an entry that changes size or goes
 *               away is invalid, and invalidated, before its replacement
 *               is written or its table freed). NULL: nobody uses it yet.
 * @busy:        changes under way (paging_map/unmap); a CPU that faults
 *               meanwhile may have met an entry in its break.
 */
struct paging {
	const struct paging_format *format;
	pte_t *root;
	unsigned int start_level;
	unsigned int root_tables;
	void (*invalidate)(struct paging *pg);
	unsigned int busy;
};

/** paging_create() - allocate an empty tree. 0 or -ENOMEM. */
int paging_create(struct paging *pg, const struct paging_format *format,
		  unsigned int start_level, unsigned int root_tables);

/**
 * paging_map() - map [@virt, @virt + @size) to @phys with @flags
 *
 * Uses the largest blocks alignment allows. Existing mappings in the range
 * are replaced (blocks are split as needed). 0 or -ENOMEM.
 */
int paging_map(struct paging *pg, u64 virt, u64 phys, u64 size,
	       unsigned int flags);

/** paging_unmap() - remove the range's mappings. 0 or -ENOMEM (split). */
int paging_unmap(struct paging *pg, u64 virt, u64 size);

/**
 * paging_is_mapped() - does @virt translate now? Waits for changes under
 * way to finish first, so that an entry in its break-before-make window
 * does not count as unmapped. False for @virt beyond the tree's reach.
 */
bool paging_is_mapped(struct paging *pg, u64 virt);

/**
 * paging_zero_identity() - zero physical memory through a 1:1 mapping in
 * @pg made for the moment (with plain stores: for coherent caches only).
 * 0 or -ENOMEM; nothing of it stays mapped either way.
 */
int paging_zero_identity(struct paging *pg, u64 phys, u64 size);

/** paging_destroy() - free every table of the tree. */
void paging_destroy(struct paging *pg);

#endif /* _HV_PAGING_H */
