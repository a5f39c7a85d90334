/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console rings (include/axvm/console.h): one per cell, one for the
 * hypervisor's own messages.
 */
#ifndef _HV_CONSOLE_H
#define _HV_CONSOLE_H

#include <axvm/console.h>
#include <hv/types.h>

/** console_ring_alloc() - a fresh, empty ring from the page pool. */
struct axvm_console_ring *console_ring_alloc(void);

/** console_ring_free() - give a ring's pages back. */
void console_ring_free(struct axvm_console_ring *ring);

/** console_ring_putc() - append one character. */
void console_ring_putc(struct axvm_console_ring *ring, char c);

/** The hypervisor's own ring (NULL until the pool exists). */
extern struct axvm_console_ring *hypervisor_ring;

#endif /* _HV_CONSOLE_H */
