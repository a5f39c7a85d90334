/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Emulated device registers: a cell's access to guest-physical addresses
 * it has no mapping for comes here, decoded by the architecture.
 */
#ifndef _HV_MMIO_H
#define _HV_MMIO_H

#include <hv/types.h>

struct cell;

/**
 * struct mmio_access - one trapped load or store
 * @address: guest-physical address.
 * @size:    1, 2, 4 or 8 bytes.
 * @write:   a store (else a load).
 * @value:   the value stored, or where the handler puts the value loaded.
 */
struct mmio_access {
	u64 address;
	unsigned int size;
	bool write;
	u64 value;
};

enum mmio_result {
	MMIO_HANDLED,
	MMIO_UNHANDLED,	/* nobody emulates this address: an access error */
};

typedef enum mmio_result (*mmio_handler_t)(struct cell *cell,
					   struct mmio_access *access,
					   u64 offset, void *arg);

/**
 * mmio_dispatch() - hand @access to the emulation covering its address
 *
 * NOTE: trap context of a CPU of @cell.
 */
enum mmio_result mmio_dispatch(struct cell *cell, struct mmio_access *access);

/** mmio_register() - emulate [@start, @start + @size) with @handler. */
int mmio_register(u64 start, u64 size, mmio_handler_t handler, void *arg);

#endif /* _HV_MMIO_H */
