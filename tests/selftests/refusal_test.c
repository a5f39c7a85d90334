// SPDX-License-Identifier: GPL-2.0
/*
 * What the driver and the validator refuse, with what message, and that a
 * refusal changes nothing: configs that would hand a cell the root's
 * devices, interrupts, RAM or the GIC's ITS; system configs that name
 * memory or a GIC the machine does not have. And what a cell leaves behind:
 * its memory comes back zeroed, a start without a load is refused, and a
 * cell whose CPUs switched themselves off is shut down.
 */
#include <sys/ioctl.h>

#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

#define CONFIGS		"/etc/axvm/configs/"
#define INMATES		"/usr/lib/axvm/inmates/"
#define RTOS_RAM	0x71000000ul	/* rtos.json's memory */

/* `cmd` fails and its output (the driver's message) contains @text. */
#define EXPECT_REFUSED(text, cmd, ...) do {					\
	char out_[4096];							\
	EXPECT_NE(0, run(out_, sizeof(out_), cmd, ##__VA_ARGS__));		\
	EXPECT_NE(NULL, strstr(out_, text)) TH_LOG("%s", out_);		\
} while (0)

static bool state_is(const char *cell, const char *state)
{
	char out[2048], pattern[64], *line;

	snprintf(pattern, sizeof(pattern), " %s ", state);
	run(out, sizeof(out), "axvm-ctl cell list");
	line = strstr(out, cell);
	return line && strstr(line, pattern);
}

/* Nothing but zeros in @size bytes of physical memory at @phys. */
static int zero_bytes_missing(unsigned long phys, size_t size)
{
	int fd = open("/dev/mem", O_RDONLY | O_SYNC);
	const unsigned char *p;
	size_t i, nonzero = 0;

	if (fd < 0)
		return -1;
	p = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, (off_t)phys);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	for (i = 0; i < size; i++)
		nonzero += p[i] != 0;
	munmap((void *)p, size);
	return (int)(nonzero > 0x7fffffff ? 0x7fffffff : nonzero);
}

/* CELL_CREATE with the blob at @path: -errno, and the driver said @text. */
static int create_raw(const char *path, const char *text)
{
	size_t size = 0;
	void *blob = read_whole_file(path, &size);
	struct axvm_blob arg = { .address = (uintptr_t)blob, .size = (uint32_t)size };
	int fd = open(AXVM_DEVICE, O_RDWR), kmsg = kmsg_open(), ret;

	if (!blob || fd < 0 || kmsg < 0)
		return -ENOENT;
	ret = ioctl(fd, AXVM_IOCTL_CELL_CREATE, &arg) < 0 ? -errno : 0;
	if (!kmsg_contains(kmsg, text))
		ret = -EPROTO;
	close(kmsg);
	close(fd);
	free(blob);
	return ret;
}

TEST(enable_refuses_what_the_machine_does_not_have)
{
	char info[64];

	EXPECT_REFUSED("hypervisor.memory 0x90000000+0x400000 is not RAM of this machine",
		       "axvm-ctl enable " CONFIGS "no_ram.json");
	EXPECT_REFUSED("platform.gic.distributor 0x8010000+0x10000 is not the device tree's",
		       "axvm-ctl enable " CONFIGS "wrong_gicd.json");
	/* Nothing changed, and nothing is held: enable and disable work. */
	ASSERT_EQ(0, axvm_sysfs_read("enabled", info, sizeof(info)));
	EXPECT_STREQ("0", info);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
}

FIXTURE(enabled) {};

FIXTURE_SETUP(enabled)
{
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
}

FIXTURE_TEARDOWN(enabled)
{
	run(NULL, 0, "axvm-ctl cell destroy rtos");
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
}

TEST_F(enabled, root_devices_interrupts_and_ram_stay_the_roots)
{
	char before[4096], after[4096];

	run(before, sizeof(before), "axvm-ctl cell list; cat /proc/iomem");
	EXPECT_REFUSED("device 9010000.pl031 is driven by the root's driver rtc-pl031; unbind it first: echo 9010000.pl031 > /sys/bus/amba/drivers/rtc-pl031/unbind",
		       "axvm-ctl cell create " CONFIGS "rtc.json");
	EXPECT_REFUSED("interrupt 34 is in use by the root's driver",
		       "axvm-ctl cell create " CONFIGS "rtc_irq.json");
	EXPECT_REFUSED("covers the hypervisor's debug console",
		       "axvm-ctl cell create " CONFIGS "uart.json");
	EXPECT_REFUSED("covers the GIC ITS", "axvm-ctl cell create " CONFIGS "its.json");
	EXPECT_REFUSED("is not in the root cell's loadable memory",
		       "axvm-ctl cell create " CONFIGS "shared_linux.json");
	/* The same blobs straight to the driver, past the tool's own check. */
	EXPECT_EQ(-EINVAL, create_raw(CONFIGS "its.bin", "covers the GIC ITS"));
	EXPECT_EQ(-EINVAL, create_raw(CONFIGS "shared_linux.bin",
				      "is not in the root cell's loadable memory"));
	run(after, sizeof(after), "axvm-ctl cell list; cat /proc/iomem");
	EXPECT_STREQ(before, after);
	EXPECT_EQ(0, run(NULL, 0, "test -c /dev/ttyAMA0 && echo root console alive > /dev/ttyAMA0"));
}

TEST_F(enabled, memory_comes_back_zeroed_and_start_needs_a_load)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "rtos: tick 1000", 20));
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"));
	EXPECT_EQ(0, zero_bytes_missing(RTOS_RAM, 16 << 20));
	/* A new cell at the same place: nothing to run until it is loaded. */
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"));
	EXPECT_REFUSED("nothing was loaded into it; load its image first: axvm-ctl cell load rtos IMAGE",
		       "axvm-ctl cell start rtos");
	EXPECT_TRUE(state_is("rtos", "created"));
}

TEST_F(enabled, cell_whose_cpus_switch_off_is_shut_down)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "switch_off.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "switch_off: CPU_OFF", 10));
	for (int i = 0; i < 50 && !state_is("rtos", "shut-down"); i++)
		usleep(100000);
	EXPECT_TRUE(state_is("rtos", "shut-down")) {
		run(out, sizeof(out), "axvm-ctl cell list; axvm-ctl console");
		TH_LOG("%s", out);
	}
	run(out, sizeof(out), "axvm-ctl console");
	EXPECT_NE(NULL, strstr(out, "every CPU switched itself off (PSCI CPU_OFF)")) TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
