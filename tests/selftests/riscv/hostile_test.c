// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64: a hostile cell against the root. The hostile inmate writes every
 * PLIC register it can reach, calls the SBI on foreign harts, with
 * physical addresses and at random, and leaves its hart as dirty as it
 * can. The root's view of the PLIC (every source's priority, the S-mode
 * contexts' enables and thresholds) does not move while the cell runs and
 * is the same after destroy, the root keeps working meanwhile, the next
 * program on the cell's hart finds nothing of it, and destroy is quick.
 *
 * The root's PLIC accesses, /dev/mem's included, are emulated and filtered
 * by the hypervisor: what the root reads is what it may see.
 */
#include "kselftest_harness.h"
#include "hostile.h"
#include "arch_facts.h"
#include "plic.h"

#define MAX_SOURCES	128
#define WORDS		(MAX_SOURCES / 32)
#define HARTS		4	/* QEMU virt: hart ids 0-3 */
#define CELL_CPU	3	/* hostile.json's */
#define ROOT_CPUS	3	/* CPUs 0-2, the root's throughout */

/* What the root sees of the PLIC: harts by hart id. */
struct plic_view {
	uint32_t priority[MAX_SOURCES];
	uint32_t enable[HARTS][WORDS];
	uint32_t threshold[HARTS];
};

static const struct axvm_plic *plic(void)
{
	return &system_config()->system.platform.arch.plic;
}

static void read_plic(volatile void *regs, struct plic_view *v)
{
	unsigned int src, h, w;

	memset(v, 0, sizeof(*v));
	for (src = 1; src <= plic()->num_sources; src++)
		v->priority[src] = rd32(regs, PLIC_PRIORITY(src));
	for (h = 0; h < HARTS; h++) {
		unsigned long ctx = plic_s_context(plic(), h);

		for (w = 0; w <= plic()->num_sources / 32; w++)
			v->enable[h][w] = rd32(regs, plic_enable(ctx, w));
		v->threshold[h] = rd32(regs, plic_threshold(ctx));
	}
}

/* Which register word @i of struct plic_view is. */
static void name_word(size_t i, char *out, size_t size)
{
	size_t enables = MAX_SOURCES, thresholds = enables + HARTS * WORDS;

	if (i < enables)
		snprintf(out, size, "source %zu's priority", i);
	else if (i < thresholds)
		snprintf(out, size, "hart %zu's enable word %zu", (i - enables) / WORDS,
			 (i - enables) % WORDS);
	else
		snprintf(out, size, "hart %zu's threshold", i - thresholds);
}

static int diff_plic(const struct plic_view *expected, const struct plic_view *seen,
		     char *out, size_t size)
{
	return diff_words(expected, seen, sizeof(*seen), name_word, out, size);
}

/*
 * Linux gave its sources a priority and enabled some at its harts: a view
 * that shows neither is not the root's PLIC.
 */
static bool shows_the_roots(const struct plic_view *v, long cell_hart)
{
	uint32_t priorities = 0, enables = 0;
	unsigned int i, h;

	for (i = 0; i < MAX_SOURCES; i++)
		priorities |= v->priority[i];
	for (h = 0; h < HARTS; h++)
		for (i = 0; i < WORDS; i++)
			enables |= h == cell_hart ? 0 : v->enable[h][i];
	return priorities && enables;
}

FIXTURE(hostile) {
	volatile void *plic;
	unsigned int source;	/* the cell's */
	long hart;		/* the cell's CPU's */
};

FIXTURE_SETUP(hostile)
{
	const struct axvm_system_config *sys = system_config();

	ASSERT_NE(NULL, sys);
	ASSERT_EQ(HARTS, sys->system.platform.num_cpus);
	ASSERT_GT(MAX_SOURCES, plic()->num_sources);
	self->source = cell_irq("hostile");
	ASSERT_NE(0, self->source);
	self->hart = hart_of(CELL_CPU);
	ASSERT_LE(0, self->hart);
	ASSERT_GT(HARTS, self->hart);
	ASSERT_EQ(0, axvm_enable_afresh());
	self->plic = map_phys(plic()->base,
			      plic_threshold(plic_s_context(plic(), HARTS - 1)) + 8);
	ASSERT_NE(NULL, self->plic);
}

FIXTURE_TEARDOWN(hostile)
{
	EXPECT_EQ(0, axvm_destroy_and_disable("hostile rtos bare"));
}

TEST_F_TIMEOUT(hostile, root_unchanged_after_destroy, 120)
{
	static char out[16384], diffs[4096], text[128];
	struct plic_view before, during, after, expected;
	unsigned long long ticks[ROOT_CPUS];
	unsigned long own_context = plic_s_context(plic(), self->hart);
	const char *damage;
	unsigned int w;
	int kmsg, c;

	read_plic(self->plic, &before);
	ASSERT_TRUE(shows_the_roots(&before, self->hart));
	kmsg = kmsg_open();
	ASSERT_LE(0, kmsg);
	run_hostile(_metadata, out, sizeof(out));
	ksft_print_msg("the hostile cell's console:\n%s", out);
	snprintf(text, sizeof(text), "hostile: starting on hart %ld", self->hart);
	EXPECT_NE(NULL, strstr(out, text)) TH_LOG("%s", out);
	/* It saw and changed only its own source, at its own context. */
	snprintf(text, sizeof(text), "source %u priority 7, enabled at context %lu 0x%x,",
		 self->source, own_context, 1u << (self->source % 32));
	EXPECT_NE(NULL, strstr(out, text)) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "; 0 values outside its own")) TH_LOG("%s", out);
	/* Every SBI call naming another hart, memory or the platform refused. */
	EXPECT_NE(NULL, strstr(out, " naming something outside the cell, 0 not refused"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "reached its own: yes; one naming its own and others: not sent"))
		TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "FAILURE")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "unexpected exception")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, " running ")) TH_LOG("%s", out);

	/* Meanwhile the root's view of what it owns did not move. */
	ASSERT_EQ(ROOT_CPUS, root_timer_interrupts(ticks, ROOT_CPUS));
	read_plic(self->plic, &during);
	expected = before;
	expected.priority[self->source] = 0;	/* the cell's: out of the root's sight */
	memset(expected.enable[self->hart], 0, sizeof(expected.enable[self->hart]));
	expected.threshold[self->hart] = 0;
	EXPECT_EQ(0, diff_plic(&expected, &during, diffs, sizeof(diffs))) TH_LOG("%s", diffs);
	check_root_works_and_destroy(_metadata, ticks, ROOT_CPUS, CELL_CPU);
	read_plic(self->plic, &after);
	/* The cell's hart is Linux's again: enabled there only what it had. */
	for (w = 0; w < WORDS; w++) {
		EXPECT_EQ(0, after.enable[self->hart][w] & ~before.enable[self->hart][w])
			TH_LOG("hart %ld's enable word %u: 0x%x, before 0x%x", self->hart, w,
			       after.enable[self->hart][w], before.enable[self->hart][w]);
	}
	memcpy(after.enable[self->hart], before.enable[self->hart], sizeof(after.enable[0]));
	EXPECT_EQ(0, diff_plic(&before, &after, diffs, sizeof(diffs))) TH_LOG("%s", diffs);
	/* Every CPU runs a task (a wake-up IPI each), the one back included. */
	for (c = 0; c < HARTS; c++) {
		EXPECT_EQ(0, run(NULL, 0, "taskset -c %d true", c)) TH_LOG("CPU %d", c);
	}
	damage = kmsg_damage(kmsg);
	EXPECT_EQ(NULL, damage) TH_LOG("%s", damage);
	close(kmsg);
}

/*
 * The next program on the hostile cell's hart, straight after it, finds
 * none of its FP registers.
 */
TEST_F_TIMEOUT(hostile, next_program_on_its_hart_finds_no_fp_state, 60)
{
	check_next_program_finds_no_fp_state(_metadata);
}

TEST_F_TIMEOUT(hostile, destroy_is_quick_whatever_the_cell_does, 120)
{
	check_destroy_is_quick(_metadata);
}

TEST_HARNESS_MAIN
