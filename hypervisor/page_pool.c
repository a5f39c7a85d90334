// SPDX-License-Identifier: GPL-2.0
/*
 * A simple first-fit page allocator over a bitmap. Allocations are rare
 * (start-up, cell creation), so clarity wins over speed.
 */
#include <hv/page_pool.h>
#include <hv/string.h>

static struct {
	u64 base;		/* first page managed */
	unsigned long pages;	/* pages managed */
	unsigned long used;
	unsigned long bitmap_pages;
	u64 *bitmap;
} pool;

static bool test_page(unsigned long n)
{
	return (pool.bitmap[n / 64] >> (n % 64)) & 1;
}

static void mark(unsigned long n, unsigned int count, bool used)
{
	for (; count; count--, n++) {
		if (used)
			pool.bitmap[n / 64] |= 1ull << (n % 64);
		else
			pool.bitmap[n / 64] &= ~(1ull << (n % 64));
	}
}

int page_pool_init(u64 start, u64 end)
{
	unsigned long total;

	start = PAGE_ALIGN(start);
	end &= ~PAGE_MASK;
	if (end <= start + PAGE_SIZE)
		return -1;
	total = (unsigned long)((end - start) / PAGE_SIZE);
	pool.bitmap_pages = (unsigned long)PAGE_ALIGN((total + 7) / 8) / PAGE_SIZE;
	if (pool.bitmap_pages >= total)
		return -1;
	pool.bitmap = (u64 *)(uintptr_t)start;
	memset(pool.bitmap, 0, pool.bitmap_pages * PAGE_SIZE);
	pool.base = start + pool.bitmap_pages * PAGE_SIZE;
	pool.pages = total - pool.bitmap_pages;
	pool.used = 0;
	return 0;
}

/*
 * @align is in pages and holds for the physical address (a stage-2 root of
 * two concatenated tables must start on 8 KiB), whatever page the pool
 * itself starts on.
 */
void *page_alloc(unsigned int count, unsigned int align)
{
	unsigned long n, k, first_page = (unsigned long)(pool.base / PAGE_SIZE);

	if (!count || !align)
		return NULL;
	n = (align - first_page % align) % align;
	for (; n + count <= pool.pages; n += align) {
		for (k = 0; k < count && !test_page(n + k); k++)
			;
		if (k == count) {
			void *page = (void *)(uintptr_t)(pool.base + n * PAGE_SIZE);

			mark(n, count, true);
			pool.used += count;
			memset(page, 0, count * PAGE_SIZE);
			return page;
		}
	}
	return NULL;
}

void page_free(void *page, unsigned int count)
{
	unsigned long n = (unsigned long)(((uintptr_t)page - pool.base) / PAGE_SIZE);

	mark(n, count, false);
	pool.used -= count;
}

u64 page_pool_used(void)
{
	return (pool.used + pool.bitmap_pages) * PAGE_SIZE;
}

u64 page_pool_total(void)
{
	return (pool.pages + pool.bitmap_pages) * PAGE_SIZE;
}
