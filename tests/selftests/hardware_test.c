// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl hardware check on the reference machine: every item passes
 * with the shipped system config; a config that does not fit the machine
 * fails with the item and its fix.
 */
#include "kselftest_harness.h"
#include "axvm_util.h"

TEST(reference_machine_passes)
{
	char out[4096];

	EXPECT_EQ(0, run(out, sizeof(out),
			 "axvm-ctl hardware check /etc/axvm/configs/root.json")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    booted at EL2")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    KVM keeps out of EL2")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    config: hypervisor memory outside Linux RAM"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "this machine can host axvm")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl hardware check --json"));
	EXPECT_EQ(0, strncmp(out, "{\"ok\": true, \"items\": [", 23)) TH_LOG("%s", out);
}

TEST(mismatched_config_fails_with_fix)
{
	char out[4096];

	EXPECT_EQ(1, run(out, sizeof(out),
			 "sed 's/\"cpus\": 4/\"cpus\": 8/; s/512K/1M/' /etc/axvm/configs/root.json"
			 " > /tmp/eight.json && axvm-ctl hardware check /tmp/eight.json"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "FAIL  config: CPUs")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "platform.cpus is 8, the machine has 4")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "fix: set platform.cpus")) TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
