// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64: a hostile cell against the root. The hostile inmate writes every
 * register of its local APIC, sends every kind of IPI at every CPU, writes
 * and reads the MSRs that reach beyond a CPU, runs the SVM instructions,
 * calls the hypervisor at random, and leaves its CPU as dirty as it can.
 * The root's local APICs (as each root CPU sees its own: the accesses trap
 * and are performed on the real one) do not move while the cell runs and
 * are the same after destroy, the root keeps working meanwhile, the next
 * program on the cell's CPU finds nothing of it, and destroy is quick.
 */
#include <sched.h>

#include "kselftest_harness.h"
#include "hostile.h"
#include "arch_facts.h"

#define CPUS		4	/* QEMU pc: APIC IDs 0-3 */
#define CELL_CPU	3	/* hostile.json's */
#define ROOT_CPUS	3	/* CPUs 0-2, the root's throughout */
#define LAPIC_BASE	0xfee00000ul
#define IOAPIC_PINS	24	/* QEMU pc's */
#define OWN_PIN		20	/* hostile.json's: 20-21 */
#define ENTRY_MASKED	(1u << 16)
/* What the hostile inmate writes into every entry: NMI, vector 0x41, broadcast. */
#define HOSTILE_ENTRY_MASK	0x7ffu
#define HOSTILE_ENTRY		0x441u
#define HOSTILE_DEST		0xff000000u

/* The IOAPIC's redirection entries as the root sees them (emulated: index per CPU). */
struct ioapic_view {
	uint32_t entry[IOAPIC_PINS][2];
};

static void read_ioapic(volatile void *ioapic, struct ioapic_view *v)
{
	for (unsigned int r = 0; r < 2 * IOAPIC_PINS; r++) {
		*(volatile uint32_t *)ioapic = 0x10 + r;
		v->entry[r / 2][r % 2] = rd32(ioapic, 0x10);
	}
}


/* The registers of a local APIC that say who it is and what it delivers. */
static const struct { unsigned int reg; const char *name; } apic_regs[] = {
	{ 0x020, "ID" }, { 0x080, "TPR" }, { 0x0d0, "LDR" }, { 0x0e0, "DFR" },
	{ 0x0f0, "SVR" }, { 0x320, "LVT timer" }, { 0x340, "LVT perf" },
	{ 0x350, "LVT LINT0" }, { 0x360, "LVT LINT1" }, { 0x370, "LVT error" },
	{ 0x3e0, "timer divide" },
};
#define APIC_REGS	(sizeof(apic_regs) / sizeof(apic_regs[0]))

struct apic_view {
	uint32_t reg[ROOT_CPUS][APIC_REGS];
};

static void name_word(size_t i, char *out, size_t size)
{
	snprintf(out, size, "CPU %zu's %s", i / APIC_REGS, apic_regs[i % APIC_REGS].name);
}

/* Each root CPU's own APIC, read on that CPU. */
static bool read_apics(volatile void *lapic, struct apic_view *v)
{
	cpu_set_t set;

	for (int c = 0; c < ROOT_CPUS; c++) {
		CPU_ZERO(&set);
		CPU_SET(c, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			return false;
		for (unsigned int r = 0; r < APIC_REGS; r++)
			v->reg[c][r] = rd32(lapic, apic_regs[r].reg);
	}
	CPU_ZERO(&set);
	for (int c = 0; c < CPUS; c++)
		CPU_SET(c, &set);
	sched_setaffinity(0, sizeof(set), &set);
	return true;
}

FIXTURE(hostile) {
	volatile void *lapic, *ioapic;
};

FIXTURE_SETUP(hostile)
{
	ASSERT_EQ(0, axvm_enable_afresh());
	self->lapic = map_phys(LAPIC_BASE, 4096);
	ASSERT_NE(NULL, self->lapic);
	self->ioapic = map_phys(system_config()->system.platform.arch.ioapic.ioapic_base, 4096);
	ASSERT_NE(NULL, self->ioapic);
}

FIXTURE_TEARDOWN(hostile)
{
	EXPECT_EQ(0, axvm_destroy_and_disable("hostile rtos bare"));
}

TEST_F_TIMEOUT(hostile, root_unchanged_after_destroy, 120)
{
	static char out[16384], diffs[4096];
	static const char *const stale[] = { "Stale IRR", "Spurious", "spurious APIC" };
	struct apic_view before, during, after;
	struct ioapic_view io_before, io_during, io_after;
	unsigned long long ticks[ROOT_CPUS];
	const char *damage;
	int kmsg, c;

	ASSERT_TRUE(read_apics(self->lapic, &before));
	read_ioapic(self->ioapic, &io_before);
	kmsg = kmsg_open();
	ASSERT_LE(0, kmsg);
	run_hostile(_metadata, out, sizeof(out));
	ksft_print_msg("the hostile cell's console:\n%s", out);
	EXPECT_NE(NULL, strstr(out, "hostile: starting on CPU 3")) TH_LOG("%s", out);
	/* Every MSR beyond the CPU refused, but the TSC and APIC base it may read. */
	EXPECT_NE(NULL, strstr(out, "hostile: 54 MSR writes, 54 refused (#GP)")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "hostile: 27 MSR reads, 25 refused (#GP)")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "SVM instructions: 7 of 7 undefined")) TH_LOG("%s", out);
	/* Its own pin written as fixed, physical, to itself; no other one seen. */
	EXPECT_NE(NULL, strstr(out, "IOAPIC: its pin 20 reads 0x41 0x3000000; 0 values outside"))
		TH_LOG("%s", out);
	/*
	 * Of its 320 IPIs, those to itself arrived (fixed and NMI: how many
	 * the CPU merged varies), nothing else did; the root's side is below.
	 */
	EXPECT_NE(NULL, strstr(out, "hostile: 320 IPIs sent; its own took ")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, " NMIs, 0 others")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "took 0 fixed")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "unexpected exception")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, " running ")) TH_LOG("%s", out);

	/* Meanwhile the root's APICs did not move, and it kept working. */
	ASSERT_EQ(ROOT_CPUS, root_timer_interrupts(ticks, ROOT_CPUS));
	ASSERT_TRUE(read_apics(self->lapic, &during));
	EXPECT_EQ(0, diff_words(&before, &during, sizeof(during), name_word, diffs,
				sizeof(diffs))) TH_LOG("%s", diffs);
	/*
	 * The root sees the cell's pins as masked and empty, and none of its
	 * own carries what the cell wrote (NMI, vector 0x41, to every CPU).
	 * Linux moves its own pins' vectors as CPUs come and go: those differ.
	 */
	read_ioapic(self->ioapic, &io_during);
	for (unsigned int pin = 0; pin < IOAPIC_PINS; pin++) {
		uint32_t low = io_during.entry[pin][0], high = io_during.entry[pin][1];

		if (pin == OWN_PIN || pin == OWN_PIN + 1) {
			EXPECT_TRUE(low == ENTRY_MASKED && !high)
				TH_LOG("the cell's pin %u: 0x%x 0x%x", pin, low, high);
			continue;
		}
		EXPECT_FALSE((low & HOSTILE_ENTRY_MASK) == HOSTILE_ENTRY || high == HOSTILE_DEST)
			TH_LOG("pin %u: 0x%x 0x%x", pin, low, high);
	}
	check_root_works_and_destroy(_metadata, ticks, ROOT_CPUS, CELL_CPU);
	ASSERT_TRUE(read_apics(self->lapic, &after));
	read_ioapic(self->ioapic, &io_after);
	EXPECT_EQ(0, diff_words(&before, &after, sizeof(after), name_word, diffs,
				sizeof(diffs))) TH_LOG("%s", diffs);
	/* The cell's pins are the root's again, as it had them. */
	for (unsigned int pin = OWN_PIN; pin <= OWN_PIN + 1; pin++) {
		EXPECT_EQ(io_before.entry[pin][0], io_after.entry[pin][0]) TH_LOG("pin %u", pin);
		EXPECT_EQ(io_before.entry[pin][1], io_after.entry[pin][1]) TH_LOG("pin %u", pin);
	}
	/* Every CPU runs a task (a wake-up IPI each), the one back included. */
	for (c = 0; c < CPUS; c++) {
		EXPECT_EQ(0, run(NULL, 0, "taskset -c %d true", c)) TH_LOG("CPU %d", c);
	}
	/* Its CPU came back with nothing pending or in service that was the cell's. */
	damage = kmsg_damage(kmsg);
	EXPECT_EQ(NULL, damage) TH_LOG("%s", damage);
	damage = kmsg_find(kmsg, stale, sizeof(stale) / sizeof(stale[0]));
	EXPECT_EQ(NULL, damage) TH_LOG("%s", damage);
	close(kmsg);
}

/* The next program on the hostile cell's CPU finds none of its FP and SSE registers. */
TEST_F_TIMEOUT(hostile, next_program_on_its_cpu_finds_no_fp_state, 60)
{
	check_next_program_finds_no_fp_state(_metadata);
}

TEST_F_TIMEOUT(hostile, destroy_is_quick_whatever_the_cell_does, 120)
{
	check_destroy_is_quick(_metadata);
}

TEST_HARNESS_MAIN
