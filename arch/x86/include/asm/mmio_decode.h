/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding a guest's access that faulted on an emulated address (x86-64):
 * pure code, unit-tested on the host (tests/unit/test_x86_decode.c).
 */
#ifndef _ASM_MMIO_DECODE_H
#define _ASM_MMIO_DECODE_H

#include <lib/types.h>

#define MMIO_INSN_MAX	15	/* the longest x86 instruction */
#define MMIO_REG_IMM	16	/* @reg of a store of an immediate */

/**
 * struct mmio_insn - what a trapped access does
 * @length: bytes of the instruction, to step over it.
 * @size:   bytes accessed: 1, 2, 4 or 8.
 * @write:  a store (else a load).
 * @reg:    the general register loaded or stored, in the encoding's
 *          numbering (0 rax ... 15 r15), or MMIO_REG_IMM.
 * @imm:    the immediate a store writes (@reg MMIO_REG_IMM).
 */
struct mmio_insn {
	unsigned int length;
	unsigned int size;
	bool write;
	unsigned int reg;
	u64 imm;
};

/**
 * mmio_decode() - decode the @avail bytes at @code, a MOV between a
 * general register (or an immediate) and memory, in 64-bit mode: the
 * accesses compilers emit for device registers (89, 8b, c7, 88, 8a, c6,
 * with operand-size, segment and REX prefixes). False for anything else,
 * including byte accesses to ah/ch/dh/bh.
 */
bool mmio_decode(const u8 *code, unsigned int avail, struct mmio_insn *out);

#endif /* _ASM_MMIO_DECODE_H */
