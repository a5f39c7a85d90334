// SPDX-License-Identifier: GPL-2.0
/*
 * arm64: a cell's interrupts against the root at the GICv3. The root
 * cannot enable a cell's SPI at the distributor, and a cell that holds
 * the hypervisor's SGI out through its CPU interface (ICC_AP1R0_EL1)
 * cannot hang the root.
 */
#include <sys/mman.h>
#include <time.h>

#include "kselftest_harness.h"
#include "axvm_util.h"
#include "configs.h"

#define GICD_ISENABLER	0x100
#define GICD_ICENABLER	0x180

AXVM_ENABLED_FIXTURE(gic, "spare rtos");

/*
 * A cell's interrupt is the cell's alone: the root cannot enable it at the
 * distributor (probed through /dev/mem, which reaches the emulation), while
 * the next SPI, the root's, it can.
 */
TEST_F(gic, root_cannot_touch_a_cells_interrupt)
{
	const struct axvm_system_config *sys = system_config();
	unsigned int spi = cell_irq("spare_irq"), bit, word;
	volatile uint32_t *gicd;
	char out[4096];
	int fd;

	ASSERT_NE(NULL, sys);
	ASSERT_LE(32, spi);
	bit = 1u << (spi % 32);
	word = spi / 32;
	ASSERT_NE(0, bit << 1) TH_LOG("SPI %u and the next share no register", spi);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "spare_irq.json"))
		TH_LOG("%s", out);
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	ASSERT_LE(0, fd);
	gicd = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		    (off_t)sys->system.platform.arch.gicv3.gicd_base);
	close(fd);
	ASSERT_NE(MAP_FAILED, gicd);
	gicd[GICD_ISENABLER / 4 + word] = bit | bit << 1;
	/* The next SPI is the root's: enabled. The cell's: untouched, and
	 * hidden from the root's reads. */
	EXPECT_NE(0, gicd[GICD_ISENABLER / 4 + word] & (bit << 1));
	EXPECT_EQ(0, gicd[GICD_ISENABLER / 4 + word] & bit);
	gicd[GICD_ICENABLER / 4 + word] = bit << 1;
	munmap((void *)gicd, 4096);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy spare"));
}

/*
 * A cell that keeps the hypervisor's interrupt out (probe_mask, for 4 s)
 * cannot hang the root: destroy gives up after a second and says why, the
 * cell keeps its CPU; once the cell lets the interrupt in, its CPU parks
 * (before it can print again) and destroy works.
 */
TEST_F(gic, unanswering_cell_does_not_hang_the_root)
{
	char out[8192];
	time_t t0;

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "probe_mask.bin")) TH_LOG("%s", out);
	ASSERT_TRUE(wait_console("rtos", "probe: holding", 5));
	t0 = time(NULL);
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
	EXPECT_GE(2, time(NULL) - t0);
	EXPECT_NE(NULL, strstr(out, "does not answer the hypervisor's stop request"))
		TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	EXPECT_FALSE(cpu_is_online(3));
	run(out, sizeof(out), "axvm-ctl console");
	EXPECT_NE(NULL, strstr(out, "CPU 3 does not answer the request to stop")) TH_LOG("%s", out);
	/* It lets go after 4 s and parks at once; destroy then succeeds. */
	for (int i = 0; i < 10 && run(out, sizeof(out), "axvm-ctl cell destroy rtos"); i++)
		sleep(1);
	EXPECT_EQ(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	EXPECT_GE(12, time(NULL) - t0);
}

TEST_HARNESS_MAIN
