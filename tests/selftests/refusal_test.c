// SPDX-License-Identifier: GPL-2.0
/*
 * What the driver and the validator refuse, with what message, and that a
 * refusal changes nothing: configs that would hand a cell the root's
 * devices, interrupts, RAM or the interrupt controller's frames; system
 * configs that name memory or an interrupt controller the machine does not
 * have. And what a cell leaves behind:
 * its memory comes back zeroed, a start without a load is refused, and a
 * cell whose CPUs switched themselves off is shut down.
 */
#include <sys/ioctl.h>

#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"
#include "arch_facts.h"
#include "configs.h"
#include "devices.h"

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
static int zero_bytes_missing(__u64 phys, size_t size)
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
	struct axvm_system_config *no_ram = config_read("no_ram", NULL);
	struct axvm_system_config *wrong = config_read("wrong_irqchip", NULL);
	char info[64], text[256];

	ASSERT_NE(NULL, no_ram);
	ASSERT_NE(NULL, wrong);
	snprintf(text, sizeof(text), "hypervisor.memory 0x%llx+0x%llx is not RAM of this machine",
		 (unsigned long long)no_ram->system.hypervisor_phys,
		 (unsigned long long)no_ram->system.hypervisor_size);
	EXPECT_REFUSED(text, "axvm-ctl enable " CONFIGS "no_ram.json");
	arch_irqchip_not_found(&wrong->system.platform, text, sizeof(text));
	EXPECT_REFUSED(text, "axvm-ctl enable " CONFIGS "wrong_irqchip.json");
	free(no_ram);
	free(wrong);
	/* Nothing changed, and nothing is held: enable and disable work. */
	ASSERT_EQ(0, axvm_sysfs_read("enabled", info, sizeof(info)));
	EXPECT_STREQ("0", info);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
}

AXVM_ENABLED_FIXTURE(enabled, "rtos");

/* What the driver says of a cell asking for the root's bound device @dev. */
static void bound_refusal(const struct root_device *dev, char *text, size_t size)
{
	snprintf(text, size,
		 "device %s is driven by the root's driver %s; unbind it first: echo %s > /sys/bus/%s/drivers/%s/unbind",
		 dev->name, dev->driver, dev->name, dev->bus, dev->driver);
}

TEST_F(enabled, root_devices_interrupts_and_ram_stay_the_roots)
{
	char before[4096], after[4096], text[1024];

	ASSERT_NE(0, cell_irq("rtc_irq"));
	run(before, sizeof(before), "axvm-ctl cell list; cat /proc/iomem");
	/* A root device's registers: where cells may have devices (ARCH_DEVICE_CELL). */
	if (ARCH_DEVICE_CELL) {
		struct root_device rtc;
		__u64 size, io = cell_region("rtc", AXVM_MEM_IO, &size);

		ASSERT_NE(0, io);
		ASSERT_TRUE(root_device_in(io, size, true, &rtc))
			TH_LOG("no driver drives rtc.json's 0x%llx", (unsigned long long)io);
		bound_refusal(&rtc, text, sizeof(text));
		EXPECT_REFUSED(text, "axvm-ctl cell create " CONFIGS "rtc.json");
		EXPECT_REFUSED(ARCH_UART_REFUSAL, "axvm-ctl cell create " CONFIGS "uart.json");
	}
	snprintf(text, sizeof(text), "interrupt %u is in use by the root's driver",
		 cell_irq("rtc_irq"));
	EXPECT_REFUSED(text, "axvm-ctl cell create " CONFIGS "rtc_irq.json");
	EXPECT_REFUSED(ARCH_IRQCHIP_FRAME_REFUSAL,
		       "axvm-ctl cell create " CONFIGS ARCH_IRQCHIP_FRAME_CONFIG ".json");
	EXPECT_REFUSED("is not in the root cell's loadable memory",
		       "axvm-ctl cell create " CONFIGS "shared_linux.json");
	/* The same blobs straight to the driver, past the tool's own check. */
	EXPECT_EQ(-EINVAL, create_raw(CONFIGS ARCH_IRQCHIP_FRAME_CONFIG ".bin",
				      ARCH_IRQCHIP_FRAME_REFUSAL));
	EXPECT_EQ(-EINVAL, create_raw(CONFIGS "shared_linux.bin",
				      "is not in the root cell's loadable memory"));
	run(after, sizeof(after), "axvm-ctl cell list; cat /proc/iomem");
	EXPECT_STREQ(before, after);
	/* The root's console (and the hypervisor's, where they are one) writes. */
	EXPECT_EQ(0, run(NULL, 0, "c=$(cat /sys/class/tty/console/active) && c=/dev/${c##* } && "
			 "test -c $c && echo root console alive > $c"));
}

TEST_F(enabled, memory_comes_back_zeroed_and_start_needs_a_load)
{
	char out[4096];
	__u64 ram_size, ram = cell_region("rtos", AXVM_MEM_LOADABLE, &ram_size);

	ASSERT_NE(0, ram);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "rtos: tick 1000", 20));
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"));
	EXPECT_EQ(0, zero_bytes_missing(ram, ram_size));
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
	EXPECT_NE(NULL, strstr(out, "every CPU switched itself off")) TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
