// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 firmware's decoder of trapped accesses
 * (arch/riscv/mmio_decode.c): RV64I loads and stores, their compressed
 * forms, and what it must refuse.
 */
#include "kselftest_harness.h"
#include <asm/mmio_decode.h>

TEST(stores_of_every_size)
{
	struct mmio_insn m;

	ASSERT_TRUE(mmio_decode(0x00b52023, &m));	/* sw a1, 0(a0) */
	EXPECT_EQ(4u, m.length);
	EXPECT_EQ(4u, m.size);
	EXPECT_TRUE(m.write);
	EXPECT_EQ(11u, m.reg);
	ASSERT_TRUE(mmio_decode(0x00b53423, &m));	/* sd a1, 8(a0) */
	EXPECT_EQ(8u, m.size);
	EXPECT_EQ(11u, m.reg);
}

TEST(loads_sign_or_zero_extend)
{
	struct mmio_insn m;

	ASSERT_TRUE(mmio_decode(0x0045a503, &m));	/* lw a0, 4(a1) */
	EXPECT_FALSE(m.write);
	EXPECT_EQ(4u, m.size);
	EXPECT_TRUE(m.sign);
	EXPECT_EQ(10u, m.reg);
	ASSERT_TRUE(mmio_decode(0x00054603, &m));	/* lbu a2, 0(a0) */
	EXPECT_EQ(1u, m.size);
	EXPECT_FALSE(m.sign);
	EXPECT_EQ(12u, m.reg);
}

TEST(compressed_forms)
{
	struct mmio_insn m;

	ASSERT_TRUE(mmio_decode(0x4188, &m));		/* c.lw a0, 0(a1) */
	EXPECT_EQ(2u, m.length);
	EXPECT_EQ(4u, m.size);
	EXPECT_FALSE(m.write);
	EXPECT_EQ(10u, m.reg);
	ASSERT_TRUE(mmio_decode(0xc10c, &m));		/* c.sw a1, 0(a0) */
	EXPECT_EQ(2u, m.length);
	EXPECT_TRUE(m.write);
	EXPECT_EQ(11u, m.reg);
}

/* htinst: the access without its address; bit 1 clear for a compressed one. */
TEST(transformed_instructions)
{
	struct mmio_insn m;

	ASSERT_TRUE(mmio_decode_transformed(0x00002503, &m));	/* lw a0 */
	EXPECT_EQ(4u, m.length);
	EXPECT_EQ(10u, m.reg);
	EXPECT_FALSE(m.write);
	ASSERT_TRUE(mmio_decode_transformed(0x00002501, &m));	/* from c.lw */
	EXPECT_EQ(2u, m.length);
	EXPECT_EQ(10u, m.reg);
}

TEST(refuses_what_is_no_plain_access)
{
	struct mmio_insn m;

	EXPECT_FALSE(mmio_decode(0x00b5202f, &m));	/* amoadd.w */
	EXPECT_FALSE(mmio_decode(0x00150513, &m));	/* addi a0, a0, 1 */
}

TEST_HARNESS_MAIN
