/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Console ring buffers: each cell's console (written through the console
 * hypercall) and the hypervisor's own messages. The firmware writes them;
 * the driver maps them read-only and reads them for CONSOLE_READ.
 */
#ifndef _AXVM_CONSOLE_H
#define _AXVM_CONSOLE_H

#include <axvm/types.h>

#define AXVM_CONSOLE_RING_PAGES	2
#define AXVM_CONSOLE_RING_DATA	(AXVM_CONSOLE_RING_PAGES * 4096 - 16)

/**
 * struct axvm_console_ring - one console's text
 * @written:  bytes ever written; byte n is at data[n % AXVM_CONSOLE_RING_DATA]
 *            while n >= written - AXVM_CONSOLE_RING_DATA.
 * @reserved: zero.
 * @data:     the text.
 *
 * A reader copies what it wants, then reads @written again: whatever lies
 * more than AXVM_CONSOLE_RING_DATA bytes behind it was overwritten meanwhile.
 */
struct axvm_console_ring {
	__u64 written;
	__u64 reserved;
	char data[AXVM_CONSOLE_RING_DATA];
};
_Static_assert(sizeof(struct axvm_console_ring) ==
	       AXVM_CONSOLE_RING_PAGES * 4096, "console ring");

#endif /* _AXVM_CONSOLE_H */
