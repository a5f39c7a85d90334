// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's page-table walker (hypervisor/paging.c) with a made-up
 * descriptor format, on the host: what it maps, and that it follows
 * break-before-make on a tree in use: a block being split, and a table
 * being freed, are invalid and invalidated first.
 */
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include <hv/page_pool.h>
#include <hv/paging.h>

/* Descriptors: bit 0 valid, bit 1 table, bits 2-5 flags, address above. */
#define VALID	1ull
#define TABLE	2ull
#define ADDR(p)	((p) & ~0xfffull)

static pte_t fake_leaf(u64 phys, unsigned int flags, unsigned int level)
{
	return phys | ((u64)flags << 2) | VALID;
}
static pte_t fake_table(u64 phys) { return phys | TABLE | VALID; }
static bool fake_valid(pte_t pte) { return pte & VALID; }
static bool fake_is_table(pte_t pte, unsigned int level) { return level < 3 && (pte & TABLE); }
static u64 fake_address(pte_t pte) { return ADDR(pte); }
static pte_t fake_relocate(pte_t pte, u64 phys, unsigned int level)
{
	return phys | (pte & 0x3cull) | VALID;
}

static const struct paging_format fake = {
	.leaf = fake_leaf, .table = fake_table, .is_valid = fake_valid,
	.is_table = fake_is_table, .address = fake_address,
	.relocate = fake_relocate, .max_block_level = 2,
};

/* The page pool: plain aligned memory, and a record of what was freed. */
void *page_alloc(unsigned int count, unsigned int align)
{
	void *p = aligned_alloc(4096ul * align, 4096ul * count);

	if (p)
		memset(p, 0, 4096ul * count);
	return p;
}

static pte_t *watched;		/* the entry the test expects to break */
static unsigned int invalidations;
static bool watched_invalid_at_invalidate, freed_after_break;
static void *watched_table;

void page_free(void *page, unsigned int count)
{
	if (page == watched_table)
		freed_after_break = watched_invalid_at_invalidate && !*watched;
	free(page);
}

static void record_invalidate(struct paging *pg)
{
	invalidations++;
	if (watched)
		watched_invalid_at_invalidate = !(*watched & VALID);
}

/* Level-2 entry covering @virt (start level 1, identity-mapped tables). */
static pte_t *l2_entry(struct paging *pg, u64 virt)
{
	pte_t *l2 = (pte_t *)(uintptr_t)ADDR(pg->root[(virt >> 30) & 511]);

	return &l2[(virt >> 21) & 511];
}

TEST(maps_blocks_and_pages)
{
	struct paging pg;

	ASSERT_EQ(0, paging_create(&pg, &fake, 1, 1));
	ASSERT_EQ(0, paging_map(&pg, 0x40000000, 0x40000000, 0x400000, MAP_RW));
	EXPECT_TRUE(paging_is_mapped(&pg, 0x40000000));
	EXPECT_TRUE(paging_is_mapped(&pg, 0x403ff000));
	EXPECT_FALSE(paging_is_mapped(&pg, 0x40400000));
	EXPECT_FALSE(paging_is_mapped(&pg, 0x3ffff000));
	/* Beyond the root table's 512 GiB: not the wrapped-around address. */
	EXPECT_FALSE(paging_is_mapped(&pg, 0x8040000000ull));
	/* 2 MiB aligned: two blocks at level 2, no level-3 table. */
	EXPECT_FALSE(fake_is_table(*l2_entry(&pg, 0x40000000), 2));
	EXPECT_EQ(0x40200000ull, ADDR(*l2_entry(&pg, 0x40200000)));
	paging_destroy(&pg);
}

/* Unmapping one page of a block splits it: invalid, invalidated, then the table. */
TEST(split_breaks_before_make)
{
	struct paging pg;

	ASSERT_EQ(0, paging_create(&pg, &fake, 1, 1));
	ASSERT_EQ(0, paging_map(&pg, 0x40000000, 0x40000000, 0x200000, MAP_RW));
	pg.invalidate = record_invalidate;	/* from now on, CPUs use it */
	watched = l2_entry(&pg, 0x40000000);
	invalidations = 0;
	watched_invalid_at_invalidate = false;
	ASSERT_EQ(0, paging_unmap(&pg, 0x40001000, 0x1000));
	EXPECT_LE(1u, invalidations);
	EXPECT_TRUE(watched_invalid_at_invalidate);
	EXPECT_TRUE(fake_is_table(*watched, 2));
	EXPECT_TRUE(paging_is_mapped(&pg, 0x40000000));
	EXPECT_FALSE(paging_is_mapped(&pg, 0x40001000));
	EXPECT_TRUE(paging_is_mapped(&pg, 0x40002000));
	EXPECT_TRUE(paging_is_mapped(&pg, 0x401ff000));
	watched = NULL;
	paging_destroy(&pg);
}

/* A table emptied by unmapping is freed only after its entry broke. */
TEST(emptied_table_freed_after_break)
{
	struct paging pg;

	ASSERT_EQ(0, paging_create(&pg, &fake, 1, 1));
	ASSERT_EQ(0, paging_map(&pg, 0x40000000, 0x40000000, 0x3000, MAP_RW));
	pg.invalidate = record_invalidate;
	watched = l2_entry(&pg, 0x40000000);
	ASSERT_TRUE(fake_is_table(*watched, 2));
	watched_table = (void *)(uintptr_t)ADDR(*watched);
	watched_invalid_at_invalidate = freed_after_break = false;
	ASSERT_EQ(0, paging_unmap(&pg, 0x40000000, 0x3000));
	EXPECT_TRUE(freed_after_break);
	/* The level-2 table emptied too, and went: its level-1 entry is gone. */
	EXPECT_EQ(0ull, pg.root[1]);
	EXPECT_FALSE(paging_is_mapped(&pg, 0x40000000));
	watched = NULL;
	watched_table = NULL;
	paging_destroy(&pg);
}

/* A block over a table: the table is unhooked and invalidated before it goes. */
TEST(block_replaces_table_after_break)
{
	struct paging pg;

	ASSERT_EQ(0, paging_create(&pg, &fake, 1, 1));
	ASSERT_EQ(0, paging_map(&pg, 0x40000000, 0x40000000, 0x1000, MAP_RW));
	pg.invalidate = record_invalidate;
	watched = l2_entry(&pg, 0x40000000);
	watched_table = (void *)(uintptr_t)ADDR(*watched);
	watched_invalid_at_invalidate = freed_after_break = false;
	/* freed_after_break is judged at the free, before the block is written */
	ASSERT_EQ(0, paging_map(&pg, 0x40000000, 0x80000000, 0x200000, MAP_READ));
	EXPECT_TRUE(watched_invalid_at_invalidate);
	EXPECT_FALSE(fake_is_table(*watched, 2));
	EXPECT_EQ(0x80000000ull, ADDR(*watched));
	watched = NULL;
	watched_table = NULL;
	paging_destroy(&pg);
}

TEST_HARNESS_MAIN
