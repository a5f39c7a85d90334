// SPDX-License-Identifier: GPL-2.0
/*
 * Address-range sets of axvm-ctl config create (tools/ranges.c): adding,
 * cutting holes, rounding to pages and merging with the labels joined.
 */
#include "kselftest_harness.h"
#include "ranges.h"

TEST(subtract_cuts_ends_and_holes)
{
	struct range_list l = { 0 };

	ASSERT_EQ(0, ranges_add(&l, 0x1000, 0x9000, "ram"));
	ASSERT_EQ(0, ranges_subtract(&l, 0x4000, 0x5000));	/* a hole */
	ASSERT_EQ(2u, l.count);
	ASSERT_EQ(0, ranges_subtract(&l, 0x0, 0x2000));		/* the front */
	ASSERT_EQ(0, ranges_subtract(&l, 0x8000, 0xa000));	/* the back */
	ranges_merge(&l, 0x1000);
	ASSERT_EQ(2u, l.count);
	EXPECT_EQ(0x2000ull, l.r[0].start);
	EXPECT_EQ(0x4000ull, l.r[0].end);
	EXPECT_EQ(0x5000ull, l.r[1].start);
	EXPECT_EQ(0x8000ull, l.r[1].end);
	EXPECT_STREQ("ram", l.r[1].label);
	ASSERT_EQ(0, ranges_subtract(&l, 0x0, 0x10000));	/* everything */
	EXPECT_EQ(0u, l.count);
	ranges_free(&l);
}

TEST(merge_rounds_and_joins_labels_in_address_order)
{
	struct range_list l = { 0 };

	/* Added out of order, sub-page, touching once rounded. */
	ASSERT_EQ(0, ranges_add(&l, 0xa000200, 0xa000400, "virtio@a000200"));
	ASSERT_EQ(0, ranges_add(&l, 0xa000000, 0xa000200, "virtio@a000000"));
	ASSERT_EQ(0, ranges_add(&l, 0xa001000, 0xa001200, "virtio@a001000"));
	ASSERT_EQ(0, ranges_add(&l, 0x9000000, 0x9001000, "pl011@9000000"));
	ASSERT_EQ(0, ranges_add(&l, 0x5, 0x5, "empty"));	/* nothing */
	ranges_merge(&l, 0x1000);
	ASSERT_EQ(2u, l.count);
	EXPECT_EQ(0x9000000ull, l.r[0].start);
	EXPECT_STREQ("pl011@9000000", l.r[0].label);
	EXPECT_EQ(0xa000000ull, l.r[1].start);
	EXPECT_EQ(0xa002000ull, l.r[1].end);
	EXPECT_STREQ("virtio@a000000, virtio@a000200, virtio@a001000", l.r[1].label);
	ranges_free(&l);
}

TEST(long_label_lists_end_in_ellipsis)
{
	struct range_list l = { 0 };
	char name[32];

	for (unsigned int i = 0; i < 32; i++) {
		snprintf(name, sizeof(name), "virtio_mmio@a00%04x", i * 0x200);
		ASSERT_EQ(0, ranges_add(&l, 0xa000000 + i * 0x200, 0xa000200 + i * 0x200, name));
	}
	ranges_merge(&l, 0x1000);
	ASSERT_EQ(1u, l.count);
	EXPECT_LT(strlen(l.r[0].label), (size_t)RANGE_LABEL);
	EXPECT_NE(NULL, strstr(l.r[0].label, ", ...")) TH_LOG("%s", l.r[0].label);
	EXPECT_EQ(0, strncmp(l.r[0].label, "virtio_mmio@a000000, ", 21)) TH_LOG("%s", l.r[0].label);
	ranges_free(&l);
}

TEST_HARNESS_MAIN
