/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page pool: every page the firmware allocates after start-up comes
 * from the part of hypervisor memory after the image, the per-CPU areas and
 * the config. A bitmap at the pool's start tracks the rest.
 */
#ifndef _HV_PAGE_POOL_H
#define _HV_PAGE_POOL_H

#include <hv/types.h>

#define PAGE_SIZE	4096ull
#define PAGE_MASK	(PAGE_SIZE - 1)
#define PAGE_ALIGN(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)

/**
 * page_pool_init() - take [@start, @end) as the pool
 * Return: 0, or -ENOMEM if it cannot even hold its bitmap.
 */
int page_pool_init(u64 start, u64 end);

/** page_alloc() - @count contiguous zeroed pages aligned to @align pages. */
void *page_alloc(unsigned int count, unsigned int align);

/** page_free() - give back @count pages at @page. */
void page_free(void *page, unsigned int count);

/** page_pool_used() / page_pool_total() - in bytes, bitmap included. */
u64 page_pool_used(void);
u64 page_pool_total(void);

#endif /* _HV_PAGE_POOL_H */
