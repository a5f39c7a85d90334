// SPDX-License-Identifier: GPL-2.0
/*
 * The machine as axvm-ctl sees it. hardware check on the reference
 * machine: every item passes with the shipped system config; a config that
 * does not fit the machine fails with the item and its fix. config create
 * writes a config from the machine's own device tree and /proc/iomem that
 * enables the hypervisor and runs a cell.
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
	EXPECT_NE(NULL, strstr(out, "ok    GICv3 interrupt controller")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "/intc@8000000: distributor 0x8000000, redistributors "
			  "0x80a0000 (15744 KiB, 1 region), ITS 0x8080000")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    memory kept from Linux")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "256 MiB of RAM that Linux does not use (mem= on the "
			  "command line)")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    config: GIC addresses")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "ok    config: hypervisor memory kept from Linux"))
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

/* Addresses the machine does not have: the GIC elsewhere, the hypervisor past RAM. */
TEST(wrong_addresses_fail_with_fix)
{
	char out[4096];

	EXPECT_EQ(1, run(out, sizeof(out),
			 "sed 's/\"distributor\": \"0x08000000\"/\"distributor\": \"0x08010000\"/;"
			 " s/\"phys\": \"0x70000000\", \"size\": \"4M\"/\"phys\": \"0x90000000\", \"size\": \"4M\"/'"
			 " /etc/axvm/configs/root.json > /tmp/moved.json &&"
			 " axvm-ctl hardware check /tmp/moved.json"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "FAIL  config: GIC addresses")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "config: distributor 0x8010000, redistributors 0x80a0000, "
			  "ITS 0x8080000; device tree: 0x8000000, 0x80a0000, 0x8080000"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "FAIL  config: hypervisor memory kept from Linux"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "0x90000000+0x400000 is not (all) RAM that Linux leaves alone"))
		TH_LOG("%s", out);
}

/* A config written from this machine enables axvm and runs a cell. */
TEST(config_create_enables_and_runs_a_cell)
{
	char out[8192];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl config create -o /tmp/created.json"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "cat /tmp/created.json")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "\"memory\": { \"phys\": \"0x70000000\", \"size\": \"0x400000\" }"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "\"debug_console\": { \"type\": \"pl011\", \"address\": \"0x9000000\" }"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "\"phys\": \"0x40000000\", \"size\": \"0x30000000\""))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl hardware check /tmp/created.json"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl enable /tmp/created.json")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run /etc/axvm/configs/rtos.json "
			 "/usr/lib/axvm/inmates/rtos.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "rtos: tick 1000: control ran 100", 15)) {
		run(out, sizeof(out), "axvm-ctl console rtos; axvm-ctl console");
		TH_LOG("%s", out);
	}
	/* The root keeps its devices: the RTC still reads. */
	EXPECT_EQ(0, run(out, sizeof(out), "cat /sys/class/rtc/rtc0/since_epoch")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl disable")) TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
