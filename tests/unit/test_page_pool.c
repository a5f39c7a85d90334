// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's page pool (hypervisor/page_pool.c) on the host: alignment
 * holds for the physical address wherever the pool starts (a stage-2 root
 * of two concatenated tables needs 8 KiB; the pool started on an odd page
 * once the firmware's bss grew, and the CPU faulted on its first access),
 * pages come zeroed, and freed pages are found again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include <hv/page_pool.h>

#define POOL_PAGES	64

static char *arena;

/* A pool of POOL_PAGES pages that starts @skew pages past a 64 KiB boundary. */
static void pool_at(unsigned int skew)
{
	u64 start;

	free(arena);
	arena = aligned_alloc(65536, (POOL_PAGES + 16) * PAGE_SIZE);
	memset(arena, 0xa5, (POOL_PAGES + 16) * PAGE_SIZE);
	start = (u64)(uintptr_t)arena + skew * PAGE_SIZE;
	page_pool_init(start, start + POOL_PAGES * PAGE_SIZE);
}

TEST(alignment_is_physical)
{
	for (unsigned int skew = 0; skew < 4; skew++) {
		pool_at(skew);
		for (unsigned int align = 1; align <= 4; align *= 2) {
			char *p = page_alloc(2, align);

			ASSERT_NE(NULL, p);
			EXPECT_EQ(0, (uintptr_t)p % (align * PAGE_SIZE))
				TH_LOG("skew %u align %u: %p", skew, align, p);
		}
	}
}

TEST(pages_are_zeroed_and_reused)
{
	char *p, *q;

	pool_at(1);
	p = page_alloc(3, 1);
	ASSERT_NE(NULL, p);
	for (unsigned int i = 0; i < 3 * PAGE_SIZE; i++)
		ASSERT_EQ(0, p[i]);
	memset(p, 0x5a, 3 * PAGE_SIZE);
	page_free(p, 3);
	q = page_alloc(3, 1);
	EXPECT_EQ(p, q);
	EXPECT_EQ(0, q[0]);
	EXPECT_EQ(0, q[3 * PAGE_SIZE - 1]);
}

TEST(exhaustion_returns_null)
{
	unsigned int n = 0;

	pool_at(0);
	while (page_alloc(1, 1))
		n++;
	EXPECT_GT(n, POOL_PAGES - 4);	/* the bitmap takes its page */
	EXPECT_EQ(NULL, page_alloc(1, 1));
	EXPECT_EQ(NULL, page_alloc(0, 1));
}

TEST_HARNESS_MAIN
