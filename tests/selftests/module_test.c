// SPDX-License-Identifier: GPL-2.0
/*
 * The module loads on the unmodified distribution kernel, unloads cleanly
 * and loads again, creating and removing its device and sysfs each time.
 */
#include <sys/stat.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

static void ensure_loaded(struct __test_metadata *_metadata)
{
	if (!axvm_module_loaded())
		ASSERT_EQ(0, axvm_module_load());
}

TEST(load_unload_load)
{
	char buf[64];
	int kmsg;

	ensure_loaded(_metadata);

	kmsg = kmsg_open();
	ASSERT_EQ(0, axvm_module_unload());
	EXPECT_TRUE(kmsg_contains(kmsg, "axvm: unloaded"));
	close(kmsg);
	EXPECT_NE(0, access(AXVM_DEVICE, F_OK));
	EXPECT_NE(0, access(AXVM_SYSFS, F_OK));
	EXPECT_FALSE(axvm_module_loaded());

	kmsg = kmsg_open();
	ASSERT_EQ(0, axvm_module_load());
	EXPECT_TRUE(kmsg_contains(kmsg, "axvm: version"));
	close(kmsg);
	EXPECT_EQ(0, access(AXVM_DEVICE, F_OK));
	ASSERT_EQ(0, axvm_sysfs_read("enabled", buf, sizeof(buf)));
	EXPECT_STREQ("0", buf);
}

/*
 * Ten rounds: on riscv64 under QEMU a load of the module takes 1-5 s (its
 * relocations) and an unload 1 s, more than the harness's 30 s allow.
 */
FIXTURE(rounds) {};
FIXTURE_SETUP(rounds) {}
FIXTURE_TEARDOWN(rounds) {}

TEST_F_TIMEOUT(rounds, load_unload_rounds, 120)
{
	ensure_loaded(_metadata);
	for (int i = 0; i < 10; i++) {
		ASSERT_EQ(0, axvm_module_unload()) TH_LOG("round %d", i);
		ASSERT_EQ(0, axvm_module_load()) TH_LOG("round %d", i);
	}
	EXPECT_EQ(0, access(AXVM_DEVICE, F_OK));
}

TEST(second_load_is_eexist)
{
	ensure_loaded(_metadata);
	EXPECT_EQ(-EEXIST, axvm_module_load());
}

TEST(unload_refused_while_device_open)
{
	int fd;

	ensure_loaded(_metadata);
	fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, fd);
	/* The open file holds a module reference. */
	EXPECT_EQ(-EWOULDBLOCK, axvm_module_unload());
	close(fd);
	EXPECT_TRUE(axvm_module_loaded());
}

TEST_HARNESS_MAIN
