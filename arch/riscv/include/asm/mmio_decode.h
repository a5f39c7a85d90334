/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding a guest's load or store that faulted on an emulated address:
 * pure code, unit-tested on the host (tests/unit/test_riscv_decode.c).
 */
#ifndef _ASM_MMIO_DECODE_H
#define _ASM_MMIO_DECODE_H

#include <lib/types.h>

/**
 * struct mmio_insn - what a trapped access does
 * @length: bytes of the instruction (2 or 4), to step over it.
 * @size:   bytes accessed: 1, 2, 4 or 8.
 * @write:  a store (else a load).
 * @sign:   a load that sign-extends.
 * @reg:    the register loaded or stored (x0..x31).
 */
struct mmio_insn {
	unsigned int length;
	unsigned int size;
	bool write;
	bool sign;
	unsigned int reg;
};

/**
 * mmio_decode() - decode @insn, a plain load or store (RV64I, or its
 * compressed forms) as fetched from the guest: the low 16 bits are the
 * first parcel. False for anything else (atomics, FP loads, ...).
 */
bool mmio_decode(u32 insn, struct mmio_insn *out);

/**
 * mmio_decode_transformed() - the same for the "transformed instruction"
 * a hart may give in htinst (privileged spec, H extension): bit 1 clear
 * means the original was a compressed instruction.
 */
bool mmio_decode_transformed(u32 htinst, struct mmio_insn *out);

#endif /* _ASM_MMIO_DECODE_H */
