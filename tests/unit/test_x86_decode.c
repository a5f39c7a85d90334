// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 firmware's decoder of trapped device accesses
 * (arch/x86/mmio_decode.c): the MOVs compilers emit, as Linux's own
 * local APIC accessors are built, and what it must refuse.
 */
#include "kselftest_harness.h"
#include <asm/mmio_decode.h>

#define DECODE(out, ...) ({						\
	static const u8 code_[] = { __VA_ARGS__ };			\
	mmio_decode(code_, sizeof(code_), out);				\
})

/* native_apic_mem_write: mov %esi,-0xa03000(%rdi) */
TEST(store_of_a_register_with_disp32)
{
	struct mmio_insn m;

	ASSERT_TRUE(DECODE(&m, 0x89, 0xb7, 0x00, 0xd0, 0x5f, 0xff));
	EXPECT_EQ(6u, m.length);
	EXPECT_EQ(4u, m.size);
	EXPECT_TRUE(m.write);
	EXPECT_EQ(6u, m.reg);	/* esi */
}

/* native_apic_mem_read: mov -0xa03000(%rdi),%eax */
TEST(load_into_a_register)
{
	struct mmio_insn m;

	ASSERT_TRUE(DECODE(&m, 0x8b, 0x87, 0x00, 0xd0, 0x5f, 0xff));
	EXPECT_EQ(6u, m.length);
	EXPECT_FALSE(m.write);
	EXPECT_EQ(0u, m.reg);
}

TEST(rex_widens_and_extends_the_register)
{
	struct mmio_insn m;

	ASSERT_TRUE(DECODE(&m, 0x48, 0x89, 0x07));	/* mov %rax,(%rdi) */
	EXPECT_EQ(3u, m.length);
	EXPECT_EQ(8u, m.size);
	ASSERT_TRUE(DECODE(&m, 0x44, 0x89, 0x04, 0x24));	/* mov %r8d,(%rsp) */
	EXPECT_EQ(4u, m.length);
	EXPECT_EQ(4u, m.size);
	EXPECT_EQ(8u, m.reg);
}

TEST(operand_size_and_segment_prefixes)
{
	struct mmio_insn m;

	ASSERT_TRUE(DECODE(&m, 0x66, 0x89, 0x08));	/* mov %cx,(%rax) */
	EXPECT_EQ(3u, m.length);
	EXPECT_EQ(2u, m.size);
	EXPECT_EQ(1u, m.reg);
	ASSERT_TRUE(DECODE(&m, 0x65, 0x8b, 0x00));	/* mov %gs:(%rax),%eax */
	EXPECT_EQ(3u, m.length);
}

TEST(sib_without_base_and_rip_relative)
{
	struct mmio_insn m;

	/* movl $0x5a,0xfee000b0: SIB, no base, disp32, imm32 */
	ASSERT_TRUE(DECODE(&m, 0xc7, 0x04, 0x25, 0xb0, 0x00, 0xe0, 0xfe,
			   0x5a, 0x00, 0x00, 0x00));
	EXPECT_EQ(11u, m.length);
	EXPECT_TRUE(m.write);
	EXPECT_EQ((unsigned int)MMIO_REG_IMM, m.reg);
	EXPECT_EQ(0x5aull, m.imm);
	ASSERT_TRUE(DECODE(&m, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00));
	EXPECT_EQ(6u, m.length);
	ASSERT_TRUE(DECODE(&m, 0x89, 0x44, 0x24, 0x08));	/* mov %eax,8(%rsp) */
	EXPECT_EQ(4u, m.length);
}

TEST(immediates_of_every_size)
{
	struct mmio_insn m;

	ASSERT_TRUE(DECODE(&m, 0x48, 0xc7, 0x00, 0xff, 0xff, 0xff, 0xff));
	EXPECT_EQ(7u, m.length);
	EXPECT_EQ(0xffffffffffffffffull, m.imm);	/* sign-extended */
	ASSERT_TRUE(DECODE(&m, 0x66, 0xc7, 0x00, 0x34, 0x12));
	EXPECT_EQ(5u, m.length);
	EXPECT_EQ(0x1234ull, m.imm);
	ASSERT_TRUE(DECODE(&m, 0xc6, 0x00, 0x7f));
	EXPECT_EQ(3u, m.length);
	EXPECT_EQ(1u, m.size);
}

TEST(refuses_what_it_cannot_emulate)
{
	struct mmio_insn m;

	EXPECT_FALSE(DECODE(&m, 0x89, 0xc0));			/* register to register */
	EXPECT_FALSE(DECODE(&m, 0x88, 0x20));			/* mov %ah,(%rax) */
	EXPECT_FALSE(DECODE(&m, 0x0f, 0xb6, 0x07));		/* movzx */
	EXPECT_FALSE(DECODE(&m, 0x89, 0xb7, 0x00, 0xd0));	/* cut short */
	EXPECT_FALSE(DECODE(&m, 0xc7, 0x08, 0x00, 0x00, 0x00, 0x00)); /* c7 /1 */
	EXPECT_FALSE(DECODE(&m, 0x66, 0x66, 0x66));		/* prefixes only */
	ASSERT_TRUE(DECODE(&m, 0x40, 0x88, 0x30));		/* mov %sil,(%rax) */
	EXPECT_EQ(6u, m.reg);
}

TEST_HARNESS_MAIN
