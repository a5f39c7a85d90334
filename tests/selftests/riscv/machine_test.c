// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64: what the driver refuses of a system config because of the
 * machine itself. The CLINT is M-mode's (the platform firmware's timer
 * and software interrupts); the system config does not describe it, the
 * device tree does, and a root (and so any cell) that maps it is refused
 * with nothing changed.
 */
#include "kselftest_harness.h"
#include "../axvm_util.h"

#define CONFIGS		"/etc/axvm/configs/"

TEST(enable_refuses_a_root_that_maps_the_clint)
{
	char out[4096], info[64];

	EXPECT_NE(0, run(out, sizeof(out), "axvm-ctl enable " CONFIGS "clint_root.json"));
	EXPECT_NE(NULL, strstr(out, "covers clint at [mem 0x02000000-0x0200ffff], which is M-mode's"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, axvm_sysfs_read("enabled", info, sizeof(info)));
	EXPECT_STREQ("0", info);
	/* Nothing is held: the shipped root config still enables. */
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
}

TEST_HARNESS_MAIN
