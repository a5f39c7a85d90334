// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 instructions the firmware emulates on trapped device
 * registers (asm/mmio_decode.h): MOV to and from memory. Only what the
 * access is matters (size, direction, register, length); the address
 * comes from the nested page fault.
 */
#include <asm/mmio_decode.h>

#define REX_W	0x8
#define REX_R	0x4

/* Prefixes that may stand before the opcode: their count, or -1. */
static int skip_prefixes(const u8 *code, unsigned int avail, bool *opsize16,
			 u8 *rex)
{
	unsigned int i;

	*opsize16 = false;
	*rex = 0;
	for (i = 0; i < avail; i++) {
		u8 b = code[i];

		if (b == 0x66)
			*opsize16 = true;
		else if (b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 ||
			 b == 0x64 || b == 0x65 || b == 0x67)
			continue;	/* segment and address size: no effect here */
		else
			break;
	}
	if (i < avail && (code[i] & 0xf0) == 0x40)
		*rex = code[i++];	/* REX comes last, right before the opcode */
	return i < avail ? (int)i : -1;
}

/* Bytes of the ModRM operand from @modrm on (ModRM, SIB, displacement), or 0. */
static unsigned int modrm_length(const u8 *code, unsigned int avail)
{
	u8 modrm = code[0], mod = modrm >> 6, rm = modrm & 7;
	unsigned int len = 1;

	if (mod == 3)
		return 0;	/* a register, not memory */
	if (rm == 4) {
		if (avail < 2)
			return 0;
		len++;
		if (mod == 0 && (code[1] & 7) == 5)
			len += 4;	/* no base: disp32 */
	} else if (mod == 0 && rm == 5) {
		len += 4;	/* RIP-relative */
	}
	if (mod == 1)
		len += 1;
	else if (mod == 2)
		len += 4;
	return len <= avail ? len : 0;
}

static u64 read_imm(const u8 *at, unsigned int size)
{
	u64 v = 0;
	unsigned int i;

	for (i = 0; i < size; i++)
		v |= (u64)at[i] << (8 * i);
	if (size == 4 && (v & 0x80000000u))
		v |= 0xffffffff00000000ull;	/* imm32 sign-extends to 64 */
	return v;
}

bool mmio_decode(const u8 *code, unsigned int avail, struct mmio_insn *out)
{
	bool opsize16, byte;
	unsigned int at, mlen, imm_size = 0;
	int prefixes;
	u8 rex, op;

	if (avail > MMIO_INSN_MAX)
		avail = MMIO_INSN_MAX;
	prefixes = skip_prefixes(code, avail, &opsize16, &rex);
	if (prefixes < 0 || (unsigned int)prefixes + 2 > avail)
		return false;
	at = (unsigned int)prefixes;
	op = code[at++];
	byte = op == 0x88 || op == 0x8a || op == 0xc6;
	if (op != 0x89 && op != 0x8b && op != 0xc7 && !byte)
		return false;
	if ((op == 0xc7 || op == 0xc6) && ((code[at] >> 3) & 7))
		return false;	/* /0 only */
	mlen = modrm_length(code + at, avail - at);
	if (!mlen)
		return false;
	out->size = byte ? 1 : (rex & REX_W) ? 8 : opsize16 ? 2 : 4;
	out->write = op != 0x8b && op != 0x8a;
	out->reg = ((code[at] >> 3) & 7) | ((rex & REX_R) ? 8 : 0);
	if (byte && !rex && out->reg >= 4 && op != 0xc6)
		return false;	/* ah, ch, dh, bh */
	at += mlen;
	if (op == 0xc7 || op == 0xc6) {
		imm_size = out->size > 4 ? 4 : out->size;
		if (at + imm_size > avail)
			return false;
		out->imm = read_imm(code + at, imm_size);
		out->reg = MMIO_REG_IMM;
		at += imm_size;
	}
	out->length = at;
	return true;
}
