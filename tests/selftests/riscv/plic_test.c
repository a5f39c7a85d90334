// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64: a cell's interrupts against the root at the PLIC, which the
 * hypervisor emulates for the root too. The root cannot give a cell's
 * source a priority or enable it at its own harts' contexts, and does not
 * even see the cell's settings; the next source, the root's, it can.
 */
#include <sys/mman.h>

#include "kselftest_harness.h"
#include "axvm_util.h"
#include "configs.h"
#include "plic.h"

AXVM_ENABLED_FIXTURE(plic, "spare");

TEST_F(plic, root_cannot_touch_a_cells_interrupt)
{
	const struct axvm_system_config *sys = system_config();
	const struct axvm_plic *plic;
	unsigned int src = cell_irq("spare_irq"), bit;
	volatile uint32_t *regs, *enable;
	long hart = hart_of(0);
	size_t size;
	char out[4096];
	int fd;

	ASSERT_NE(NULL, sys);
	plic = &sys->system.platform.arch.plic;
	ASSERT_NE(0, src);
	ASSERT_LT(src + 1, plic->num_sources);
	ASSERT_LE(0, hart);
	bit = 1u << (src % 32);
	ASSERT_NE(0, bit << 1) TH_LOG("source %u and the next share no register", src);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "spare_irq.json"))
		TH_LOG("%s", out);
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	ASSERT_LE(0, fd);
	/* Priorities, pending bits and CPU 0's S-mode context's enables. */
	size = PLIC_ENABLE + (hart * plic->hart_contexts + plic->s_context + 1) *
	       PLIC_ENABLE_STRIDE;
	size = (size + 4095) & ~4095ul;
	regs = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)plic->base);
	close(fd);
	ASSERT_NE(MAP_FAILED, regs);
	enable = regs + (PLIC_ENABLE + (hart * plic->hart_contexts + plic->s_context) *
			 PLIC_ENABLE_STRIDE) / 4 + src / 32;

	regs[src] = 5;
	regs[src + 1] = 5;
	*enable |= bit | bit << 1;
	/* The root's source took both; the cell's neither, and reads 0. */
	EXPECT_EQ(5, regs[src + 1]);
	EXPECT_NE(0, *enable & (bit << 1));
	EXPECT_EQ(0, regs[src]);
	EXPECT_EQ(0, *enable & bit);
	*enable &= ~(bit << 1);
	regs[src + 1] = 0;
	EXPECT_EQ(0, *enable & (bit << 1));
	munmap((void *)regs, size);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy spare"));
}

TEST_HARNESS_MAIN
