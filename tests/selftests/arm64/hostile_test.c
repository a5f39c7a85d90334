// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell against the root: the hostile inmate writes every GIC
 * register it can reach, sends SGIs everywhere, calls PSCI on foreign CPUs,
 * makes random SMC/HVC calls, cleans caches by set/way, and leaves its CPU
 * as dirty as it can. The root's GIC state (distributor and the
 * redistributors' SGI/PPI configuration, as the root sees it) is the same
 * before create and after destroy, the cell's lines come back quiet, the
 * kernel log stays clean and every CPU works. Destroy is quick whatever
 * the cell does: tick, spin or sleep.
 */
#include "kselftest_harness.h"
#include "hostile.h"

#define GICD_SIZE	0x10000ul
#define GICR_FRAME	0x20000ul
#define CPUS		4
#define SPIS		288		/* QEMU virt */
/* hostile.json owns two SPIs from this one on. */
#define CELL_SPI	(cell_irq("hostile"))

/* What the root can see of the GIC and must find unchanged. */
struct gic_state {
	uint32_t ctlr;
	uint32_t group[SPIS / 32], enable[SPIS / 32], prio[SPIS / 4], cfg[SPIS / 16];
	uint64_t route[SPIS];
	uint32_t rd_group[CPUS], rd_enable[CPUS], rd_prio[CPUS][8], rd_cfg[CPUS];
};

static void read_gic(volatile void *gicd, volatile void *gicr, struct gic_state *s)
{
	unsigned int i, c;

	memset(s, 0, sizeof(*s));
	s->ctlr = rd32(gicd, 0) & 0x7fffffff;	/* RWP comes and goes */
	for (i = 1; i < SPIS / 32; i++) {
		s->group[i] = rd32(gicd, 0x080 + 4 * i);
		s->enable[i] = rd32(gicd, 0x100 + 4 * i);
	}
	for (i = 8; i < SPIS / 4; i++)
		s->prio[i] = rd32(gicd, 0x400 + 4 * i);
	for (i = 2; i < SPIS / 16; i++)
		s->cfg[i] = rd32(gicd, 0xc00 + 4 * i);
	for (i = 32; i < SPIS; i++)
		s->route[i] = rd64(gicd, 0x6000 + 8 * i);
	for (c = 0; c < CPUS; c++) {
		unsigned long sgi = c * GICR_FRAME + 0x10000;

		s->rd_group[c] = rd32(gicr, sgi + 0x080);
		s->rd_enable[c] = rd32(gicr, sgi + 0x100);
		for (i = 0; i < 8; i++)
			s->rd_prio[c][i] = rd32(gicr, sgi + 0x400 + 4 * i);
		s->rd_cfg[c] = rd32(gicr, sgi + 0xc04);
	}
}

/* Every difference, one line each, into @out. */
static int diff_gic(const struct gic_state *a, const struct gic_state *b,
		    char *out, size_t size)
{
	return diff_words(a, b, sizeof(*a), NULL, out, size);
}

FIXTURE(hostile) {
	volatile void *gicd, *gicr;
};

FIXTURE_SETUP(hostile)
{
	const struct axvm_system_config *sys = system_config();

	ASSERT_NE(NULL, sys);
	ASSERT_EQ(CPUS, sys->system.platform.num_cpus);
	ASSERT_LE(32, CELL_SPI);
	ASSERT_GT(SPIS - 1, CELL_SPI);
	ASSERT_EQ(0, axvm_enable_afresh());
	self->gicd = map_phys(sys->system.platform.arch.gicv3.gicd_base, GICD_SIZE);
	self->gicr = map_phys(sys->system.platform.arch.gicv3.gicr_base, CPUS * GICR_FRAME);
	ASSERT_NE(NULL, self->gicd);
	ASSERT_NE(NULL, self->gicr);
}

FIXTURE_TEARDOWN(hostile)
{
	EXPECT_EQ(0, axvm_destroy_and_disable("hostile rtos bare"));
}

TEST_F_TIMEOUT(hostile, root_unchanged_after_destroy, 120)
{
	static char out[16384], diffs[4096];
	struct gic_state before, during, after;
	const char *damage;
	uint64_t ns;
	int kmsg, rc;

	read_gic(self->gicd, self->gicr, &before);
	kmsg = kmsg_open();
	ASSERT_LE(0, kmsg);
	run_hostile(_metadata, out, sizeof(out));
	/* Its line fired on its own CPU, as Group 1: nothing reached CPU 0. */
	EXPECT_NE(NULL, strstr(out, "took INTID 200")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "SPI 200 group 1")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "CPU_ON 0x0 -> -2")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, " running ")) TH_LOG("%s", out);
	/* Meanwhile the root's view of what it owns did not move. */
	read_gic(self->gicd, self->gicr, &during);
	during.rd_group[3] = before.rd_group[3];	/* CPU 3 is the cell's */
	during.rd_enable[3] = before.rd_enable[3];
	memcpy(during.rd_prio[3], before.rd_prio[3], sizeof(before.rd_prio[3]));
	during.rd_cfg[3] = before.rd_cfg[3];
	during.group[CELL_SPI / 32] = before.group[CELL_SPI / 32];
	during.enable[CELL_SPI / 32] = before.enable[CELL_SPI / 32];
	during.prio[CELL_SPI / 4] = before.prio[CELL_SPI / 4];
	during.cfg[CELL_SPI / 16] = before.cfg[CELL_SPI / 16];
	during.route[CELL_SPI] = before.route[CELL_SPI];
	during.route[CELL_SPI + 1] = before.route[CELL_SPI + 1];
	EXPECT_EQ(0, diff_gic(&before, &during, diffs, sizeof(diffs))) TH_LOG("%s", diffs);

	ns = timed_destroy("hostile", &rc);
	ASSERT_EQ(0, rc);
	EXPECT_GT(DESTROY_MAX_NS, ns) TH_LOG("destroy took %llu ns", (unsigned long long)ns);
	ASSERT_TRUE(cpu_is_online(3));
	usleep(200000);
	read_gic(self->gicd, self->gicr, &after);
	EXPECT_EQ(0, diff_gic(&before, &after, diffs, sizeof(diffs))) TH_LOG("%s", diffs);
	/* The cell's lines came back neither pending nor active. */
	EXPECT_EQ(0, rd32(self->gicd, 0x200 + 4 * (CELL_SPI / 32)) & (3u << (CELL_SPI % 32)));
	EXPECT_EQ(0, rd32(self->gicd, 0x300 + 4 * (CELL_SPI / 32)) & (3u << (CELL_SPI % 32)));
	/* Every CPU runs a task (a wake-up IPI each), the one back included. */
	for (int c = 0; c < CPUS; c++) {
		EXPECT_EQ(0, run(NULL, 0, "taskset -c %d true", c)) TH_LOG("CPU %d", c);
	}
	damage = kmsg_damage(kmsg);
	EXPECT_EQ(NULL, damage) TH_LOG("%s", damage);
	close(kmsg);
}

TEST_F_TIMEOUT(hostile, destroy_is_quick_whatever_the_cell_does, 120)
{
	check_destroy_is_quick(_metadata);
}

TEST_HARNESS_MAIN
