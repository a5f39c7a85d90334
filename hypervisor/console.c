// SPDX-License-Identifier: GPL-2.0
/*
 * Console rings. A ring has one writer at a time (the CPU of the cell
 * that owns it, or printk under the console's own ordering); the root's
 * driver reads it through a read-only mapping and detects overruns with
 * the ever-growing write count.
 */
#include <hv/console.h>
#include <hv/page_pool.h>

struct axvm_console_ring *hypervisor_ring;

struct axvm_console_ring *console_ring_alloc(void)
{
	return page_alloc(AXVM_CONSOLE_RING_PAGES, 1);
}

void console_ring_free(struct axvm_console_ring *ring)
{
	if (ring)
		page_free(ring, AXVM_CONSOLE_RING_PAGES);
}

void console_ring_putc(struct axvm_console_ring *ring, char c)
{
	u64 n = __atomic_load_n(&ring->written, __ATOMIC_RELAXED);

	ring->data[n % AXVM_CONSOLE_RING_DATA] = c;
	__atomic_store_n(&ring->written, n + 1, __ATOMIC_RELEASE);
}
