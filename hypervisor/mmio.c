// SPDX-License-Identifier: GPL-2.0
/*
 * The table of emulated register ranges. Only a handful exist (e.g. the
 * GIC distributor, the PLIC), so a short array is all it takes.
 */
#include <axvm/errno.h>
#include <hv/mmio.h>

#define MAX_MMIO_REGIONS 8

static struct mmio_region {
	u64 start, size;
	mmio_handler_t handler;
	void *arg;
} regions[MAX_MMIO_REGIONS];
static unsigned int num_regions;

int mmio_register(u64 start, u64 size, mmio_handler_t handler, void *arg)
{
	if (num_regions == MAX_MMIO_REGIONS)
		return -ENOSPC;
	regions[num_regions++] = (struct mmio_region){
		.start = start, .size = size, .handler = handler, .arg = arg,
	};
	return 0;
}

enum mmio_result mmio_dispatch(struct cell *cell, struct mmio_access *access)
{
	unsigned int i;

	for (i = 0; i < num_regions; i++) {
		struct mmio_region *r = &regions[i];

		if (access->address >= r->start &&
		    access->address - r->start + access->size <= r->size)
			return r->handler(cell, access, access->address - r->start,
					  r->arg);
	}
	return MMIO_UNHANDLED;
}
