// SPDX-License-Identifier: GPL-2.0
/*
 * The machine as axvm-ctl sees it. hardware check on the reference
 * machine: every item passes with the shipped system config; a config that
 * does not fit the machine fails with the item and its fix. config create
 * writes a config from the machine's own device tree and /proc/iomem that
 * enables the hypervisor and runs a cell. What the arch's own items say is
 * in <arch_facts.h>.
 */
#include "kselftest_harness.h"
#include "axvm_util.h"
#include "arch_facts.h"
#include "configs.h"

/* Every line of @lines is in @out. */
#define EXPECT_LINES(out, lines) do {						\
	static const char *const lines_[] = lines;				\
	for (size_t i_ = 0; i_ < sizeof(lines_) / sizeof(lines_[0]); i_++) {	\
		EXPECT_NE(NULL, strstr(out, lines_[i_]))			\
			TH_LOG("no \"%s\" in:\n%s", lines_[i_], out);		\
	}									\
} while (0)

TEST(reference_machine_passes)
{
	char out[4096];

	EXPECT_EQ(0, run(out, sizeof(out),
			 "axvm-ctl hardware check " CONFIGS "root.json")) TH_LOG("%s", out);
	EXPECT_LINES(out, ARCH_HARDWARE_OK);
	EXPECT_NE(NULL, strstr(out, "ok    memory kept from Linux")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, ARCH_RAM_KEPT_FROM_LINUX " (mem= on the "
			  "command line)")) TH_LOG("%s", out);
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
			 "sed 's/\"cpus\": 4/\"cpus\": 8/; s/512K/1M/' " CONFIGS "root.json"
			 " > /tmp/eight.json && axvm-ctl hardware check /tmp/eight.json"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "FAIL  config: CPUs")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "platform.cpus is 8, the machine has 4")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "fix: set platform.cpus")) TH_LOG("%s", out);
}

/* Addresses the machine does not have: the interrupt controller elsewhere, the hypervisor past RAM. */
TEST(wrong_addresses_fail_with_fix)
{
	struct axvm_system_config *no_ram = config_read("no_ram", NULL);
	char out[4096], text[128];

	ASSERT_NE(NULL, no_ram);
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl hardware check " CONFIGS "wrong_irqchip.json"))
		TH_LOG("%s", out);
	EXPECT_LINES(out, ARCH_HARDWARE_IRQCHIP_FAIL);
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl hardware check " CONFIGS "no_ram.json"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "FAIL  config: hypervisor memory kept from Linux"))
		TH_LOG("%s", out);
	snprintf(text, sizeof(text), "0x%llx+0x%llx is not (all) RAM that Linux leaves alone",
		 (unsigned long long)no_ram->system.hypervisor_phys,
		 (unsigned long long)no_ram->system.hypervisor_size);
	EXPECT_NE(NULL, strstr(out, text)) TH_LOG("%s", out);
	free(no_ram);
}

/* A config written from this machine enables axvm and runs a cell. */
TEST(config_create_enables_and_runs_a_cell)
{
	const struct axvm_system_config *sys = system_config();
	const struct axvm_memory_region *linux_mem;
	char out[8192], text[128];

	ASSERT_NE(NULL, sys);
	linux_mem = axvm_cell_memory_regions(&sys->root_cell);
	ASSERT_EQ(linux_ram(), linux_mem->phys_start);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl config create -o /tmp/created.json"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "cat /tmp/created.json")) TH_LOG("%s", out);
	snprintf(text, sizeof(text), "\"memory\": { \"phys\": \"0x%llx\", \"size\": \"0x%llx\" }",
		 (unsigned long long)sys->system.hypervisor_phys,
		 (unsigned long long)sys->system.hypervisor_size);
	EXPECT_NE(NULL, strstr(out, text)) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, ARCH_CREATED_DEBUG_CONSOLE)) TH_LOG("%s", out);
	snprintf(text, sizeof(text), "\"phys\": \"0x%llx\", \"size\": \"0x%llx\"",
		 (unsigned long long)linux_mem->phys_start, (unsigned long long)linux_mem->size);
	EXPECT_NE(NULL, strstr(out, text)) TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl hardware check /tmp/created.json"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl enable /tmp/created.json")) TH_LOG("%s", out);
	if (!ARCH_CELLS) {
		EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl disable")) TH_LOG("%s", out);
		return;
	}
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
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
