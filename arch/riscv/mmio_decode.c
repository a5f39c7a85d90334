// SPDX-License-Identifier: GPL-2.0
/*
 * Load and store decoding for emulated MMIO (asm/mmio_decode.h): the base
 * integer loads and stores and the compressed ones a compiler emits for
 * device accesses. Nothing else is ever a valid MMIO access here.
 */
#include <asm/mmio_decode.h>

#define OPCODE_LOAD	0x03
#define OPCODE_STORE	0x23

static bool decode_32(u32 insn, struct mmio_insn *out)
{
	unsigned int funct3 = (insn >> 12) & 7;

	switch (insn & 0x7f) {
	case OPCODE_LOAD:
		if (funct3 == 7)
			return false;
		out->size = 1u << (funct3 & 3);
		out->sign = !(funct3 & 4) && out->size < 8;
		out->write = false;
		out->reg = (insn >> 7) & 0x1f;
		return true;
	case OPCODE_STORE:
		if (funct3 > 3)
			return false;
		out->size = 1u << funct3;
		out->sign = false;
		out->write = true;
		out->reg = (insn >> 20) & 0x1f;
		return true;
	default:
		return false;
	}
}

/*
 * C.LW/C.LD/C.SW/C.SD (quadrant 0, registers x8-x15) and their
 * stack-pointer forms (quadrant 2).
 */
static bool decode_16(u16 insn, struct mmio_insn *out)
{
	unsigned int funct3 = (insn >> 13) & 7;
	unsigned int quadrant = insn & 3;

	if (quadrant != 0 && quadrant != 2)
		return false;
	switch (funct3) {
	case 2:		/* C.LW, C.LWSP */
	case 3:		/* C.LD, C.LDSP */
		out->write = false;
		out->sign = funct3 == 2;
		break;
	case 6:		/* C.SW, C.SWSP */
	case 7:		/* C.SD, C.SDSP */
		out->write = true;
		out->sign = false;
		break;
	default:
		return false;
	}
	out->size = (funct3 & 1) ? 8 : 4;
	if (quadrant == 0)	/* rd' or rs2', bits 4:2 */
		out->reg = 8 + ((insn >> 2) & 7);
	else
		out->reg = out->write ? (insn >> 2) & 0x1f : (insn >> 7) & 0x1f;
	if (quadrant == 2 && !out->write && out->reg == 0)
		return false;	/* reserved encodings */
	return true;
}

bool mmio_decode(u32 insn, struct mmio_insn *out)
{
	if ((insn & 3) == 3) {
		out->length = 4;
		return decode_32(insn, out);
	}
	out->length = 2;
	return decode_16((u16)insn, out);
}

bool mmio_decode_transformed(u32 htinst, struct mmio_insn *out)
{
	if (!(htinst & 1))
		return false;	/* not a transformed load or store */
	if (!decode_32(htinst | 2, out))
		return false;
	out->length = (htinst & 2) ? 4 : 2;
	return true;
}
