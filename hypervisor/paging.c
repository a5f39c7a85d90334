// SPDX-License-Identifier: GPL-2.0
/*
 * The generic page-table walker (see hv/paging.h). Tables come from the
 * page pool, and their addresses are usable directly because the firmware
 * runs identity-mapped.
 */
#include <axvm/errno.h>
#include <hv/page_pool.h>
#include <hv/paging.h>

#define ENTRIES 512
#define LEVEL_SHIFT(level) (12 + 9 * (3 - (level)))
#define LEVEL_SIZE(level) (1ull << LEVEL_SHIFT(level))

static pte_t *table_at(u64 phys)
{
	return (pte_t *)(uintptr_t)phys;
}

int paging_create(struct paging *pg, const struct paging_format *format,
		  unsigned int start_level, unsigned int root_tables)
{
	pg->format = format;
	pg->start_level = start_level;
	pg->root_tables = root_tables;
	pg->invalidate = NULL;	/* the caller sets it once CPUs use the tree */
	pg->busy = 0;
	pg->root = page_alloc(root_tables, root_tables);
	return pg->root ? 0 : -ENOMEM;
}

/* Index of @virt in a table of @level; the root may span several tables. */
static unsigned long index_of(u64 virt, unsigned int level)
{
	return (unsigned long)(virt >> LEVEL_SHIFT(level)) & (ENTRIES - 1);
}

static unsigned long root_index(const struct paging *pg, u64 virt)
{
	return (unsigned long)(virt >> LEVEL_SHIFT(pg->start_level)) &
	       (ENTRIES * pg->root_tables - 1);
}

/*
 * The "break" of break-before-make: the valid entry at *pte becomes
 * invalid and no TLB keeps it, before a different-sized replacement is
 * written or the table it pointed at is reused.
 */
static void break_entry(struct paging *pg, pte_t *pte)
{
	__atomic_store_n(pte, 0, __ATOMIC_RELEASE);
	if (pg->invalidate)
		pg->invalidate(pg);
}

/*
 * Replace the block at *pte (mapping @level-sized memory) by a table of
 * next-level entries with the same output, so that part of it can change.
 */
static int split_block(struct paging *pg, pte_t *pte, unsigned int level)
{
	const struct paging_format *f = pg->format;
	pte_t *table = page_alloc(1, 1);
	pte_t block = *pte;
	u64 phys = f->address(block);
	unsigned int i;

	if (!table)
		return -ENOMEM;
	for (i = 0; i < ENTRIES; i++)
		table[i] = f->relocate(block, phys + i * LEVEL_SIZE(level + 1),
				       level + 1);
	break_entry(pg, pte);
	__atomic_store_n(pte, f->table((u64)(uintptr_t)table), __ATOMIC_RELEASE);
	return 0;
}

/* Free every table below @table (not @table itself). */
static void free_subtables(const struct paging_format *f, pte_t *table,
			   unsigned int level, unsigned long entries)
{
	unsigned long i;

	if (level >= 3)
		return;
	for (i = 0; i < entries; i++) {
		if (f->is_valid(table[i]) && f->is_table(table[i], level)) {
			pte_t *sub = table_at(f->address(table[i]));

			free_subtables(f, sub, level + 1, ENTRIES);
			page_free(sub, 1);
		}
	}
}

static bool table_empty(const struct paging_format *f, const pte_t *table)
{
	unsigned int i;

	for (i = 0; i < ENTRIES; i++)
		if (f->is_valid(table[i]))
			return false;
	return true;
}

static int walk(struct paging *pg, pte_t *table, unsigned int level,
		u64 virt, u64 phys, u64 size, unsigned int flags, bool map)
{
	const struct paging_format *f = pg->format;

	while (size) {
		u64 block = LEVEL_SIZE(level);
		u64 chunk = block - (virt & (block - 1));
		pte_t *pte = &table[level == pg->start_level ?
				    root_index(pg, virt) : index_of(virt, level)];
		int err;

		if (chunk > size)
			chunk = size;
		if (chunk == block && (level == 3 || level >= f->max_block_level) &&
		    (!map || !(phys & (block - 1)))) {
			if (f->is_valid(*pte) && f->is_table(*pte, level)) {
				/* A table gives way to a block (or nothing). */
				pte_t *sub = table_at(f->address(*pte));

				break_entry(pg, pte);
				free_subtables(f, sub, level + 1, ENTRIES);
				page_free(sub, 1);
			}
			__atomic_store_n(pte, map ? f->leaf(phys, flags, level) : 0,
					 __ATOMIC_RELEASE);
		} else {
			if (!f->is_valid(*pte)) {
				pte_t *next;

				if (!map)
					goto next;
				next = page_alloc(1, 1);
				if (!next)
					return -ENOMEM;
				/* Its zeroes are seen before it is. */
				__atomic_store_n(pte, f->table((u64)(uintptr_t)next),
						 __ATOMIC_RELEASE);
			} else if (!f->is_table(*pte, level)) {
				err = split_block(pg, pte, level);
				if (err)
					return err;
			}
			err = walk(pg, table_at(f->address(*pte)), level + 1,
				   virt, phys, chunk, flags, map);
			if (err)
				return err;
			/* A table emptied by unmapping goes back to the pool. */
			if (!map && table_empty(f, table_at(f->address(*pte)))) {
				pte_t *sub = table_at(f->address(*pte));

				break_entry(pg, pte);
				page_free(sub, 1);
			}
		}
next:
		virt += chunk;
		phys += chunk;
		size -= chunk;
	}
	return 0;
}

static int change(struct paging *pg, u64 virt, u64 phys, u64 size,
		  unsigned int flags, bool map)
{
	int err;

	__atomic_add_fetch(&pg->busy, 1, __ATOMIC_ACQ_REL);
	err = walk(pg, pg->root, pg->start_level, virt, phys, size, flags, map);
	__atomic_sub_fetch(&pg->busy, 1, __ATOMIC_ACQ_REL);
	return err;
}

int paging_map(struct paging *pg, u64 virt, u64 phys, u64 size,
	       unsigned int flags)
{
	return change(pg, virt, phys, size, flags, true);
}

int paging_unmap(struct paging *pg, u64 virt, u64 size)
{
	return change(pg, virt, 0, size, 0, false);
}

bool paging_is_mapped(struct paging *pg, u64 virt)
{
	const struct paging_format *f = pg->format;
	pte_t *table = pg->root;
	unsigned int level;

	/* Beyond the root tables: the index would wrap onto a mapped address. */
	if (virt >> LEVEL_SHIFT(pg->start_level) >= (u64)ENTRIES * pg->root_tables)
		return false;
	while (__atomic_load_n(&pg->busy, __ATOMIC_ACQUIRE))
		;
	for (level = pg->start_level; level <= 3; level++) {
		pte_t pte = __atomic_load_n(&table[level == pg->start_level ?
						   root_index(pg, virt) :
						   index_of(virt, level)],
					    __ATOMIC_ACQUIRE);

		if (!f->is_valid(pte))
			return false;
		if (level == 3 || !f->is_table(pte, level))
			return true;
		table = table_at(f->address(pte));
	}
	return false;
}

void paging_destroy(struct paging *pg)
{
	free_subtables(pg->format, pg->root, pg->start_level,
		       ENTRIES * pg->root_tables);
	page_free(pg->root, pg->root_tables);
}

/*
 * Zero [@phys, @phys + @size) through a 1:1 mapping in @pg for the moment
 * it takes: plain stores, for architectures whose caches every agent sees
 * (riscv64, x86-64; arm64 cleans its caches as well).
 */
int paging_zero_identity(struct paging *pg, u64 phys, u64 size)
{
	int err = paging_map(pg, phys, phys, size, MAP_RW);
	u64 at;

	if (!err) {
		for (at = phys; at < phys + size; at += 8)
			*(volatile u64 *)(uintptr_t)at = 0;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
	}
	paging_unmap(pg, phys, size);	/* what was mapped of it, on failure too */
	if (pg->invalidate)
		pg->invalidate(pg);
	return err;
}
