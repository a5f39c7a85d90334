// SPDX-License-Identifier: GPL-2.0
/*
 * bench: what the hypervisor costs a cell, in counter ticks of the timer
 * (QEMU virt: arm64's generic timer at 62.5 MHz, under -icount shift=0 one
 * tick is 16 instructions' worth of virtual time; riscv64's time CSR at
 * 10 MHz, 100 instructions a tick).
 *
 *   hypercall  round trip of AXVM_HC_VERSION (only in a cell)
 *   mmio       round trip of a read of a register the hypervisor emulates
 *              (EMULATED_REGISTER: arm64 GICD_TYPER, riscv64 a PLIC
 *              priority; only in a cell)
 *   hypercall_instructions, mmio_instructions
 *              the same round trips in instructions retired (the
 *              hypervisor's included), where the hart counts them (QEMU:
 *              arm64's PMU under -icount; riscv64's instret)
 *   timer      latency from the virtual timer's deadline to its interrupt
 *              handler, TIMER_SAMPLES samples; and how many other
 *              interrupts arrived meanwhile (expected: none)
 *
 * The first line, "AXVM-BENCH started <counter>", tells when the inmate
 * first printed, for the start-to-output time. Each result is one line "AXVM-BENCH <name> <samples> <min> <avg> <p99>
 * <max>" for tests/bench/run.sh; the run ends with "AXVM-BENCH done".
 * The same image runs alone on the machine for the baseline.
 */
#include <axvm/hypercall.h>
#include <inmate.h>

#define ROUND_TRIPS	2000
#define TIMER_SAMPLES	10000
#define TIMER_PERIOD_US	200

static u32 samples[TIMER_SAMPLES];
static volatile unsigned int taken, foreign;
static u64 deadline, period;

/* Shell sort: no library here, and n log n matters for 10000 samples. */
static void sort(u32 *v, unsigned int n)
{
	for (unsigned int gap = n / 2; gap; gap /= 2)
		for (unsigned int i = gap; i < n; i++)
			for (unsigned int j = i; j >= gap && v[j - gap] > v[j]; j -= gap) {
				u32 t = v[j];

				v[j] = v[j - gap];
				v[j - gap] = t;
			}
}

static void summarize(const char *name, const char *unit, u32 *v, unsigned int n)
{
	u64 sum = 0;

	for (unsigned int i = 0; i < n; i++)
		sum += v[i];
	sort(v, n);
	printk("AXVM-BENCH %s%s %u %u %llu %u %u\n", name, unit, n, v[0],
	       (unsigned long long)(sum / n), v[n - n / 100 - 1], v[n - 1]);
}

static void round_trip(bool mmio)
{
	if (mmio)
		(void)*(volatile u32 *)EMULATED_REGISTER;
	else
		hypercall(AXVM_HC_VERSION, 0, 0);
}

/* The instructions of two back-to-back counter reads, to take away. */
static u32 read_overhead(void)
{
	u32 least = ~0u;

	for (unsigned int i = 0; i < 100; i++) {
		u32 i0 = pmu_instructions();
		u32 d = pmu_instructions() - i0;

		if (d < least)
			least = d;
	}
	return least;
}

/* Ticks, then instructions retired (without the counter reads). */
static void round_trips(const char *name, bool mmio)
{
	static u32 v[ROUND_TRIPS];
	u32 overhead;

	for (unsigned int i = 0; i < ROUND_TRIPS; i++) {
		u64 t0 = timer_ticks();

		round_trip(mmio);
		v[i] = (u32)(timer_ticks() - t0);
	}
	summarize(name, "", v, ROUND_TRIPS);
	if (!pmu_instructions_supported())
		return;
	pmu_instructions_start();
	overhead = read_overhead();
	for (unsigned int i = 0; i < ROUND_TRIPS; i++) {
		u32 i0 = pmu_instructions();

		round_trip(mmio);
		v[i] = pmu_instructions() - i0 - overhead;
	}
	summarize(name, "_instructions", v, ROUND_TRIPS);
}

static void on_timer(void)
{
	unsigned int intid = irq_ack();
	u64 now = timer_ticks();

	if (intid == TIMER_IRQ && taken < TIMER_SAMPLES) {
		samples[taken++] = (u32)(now - deadline);
		deadline = now + period;
		timer_arm(deadline);
	} else if (intid != TIMER_IRQ && irq_valid(intid)) {
		foreign++;	/* nobody else's interrupt may reach us */
	}
	if (irq_valid(intid))
		irq_eoi(intid);
}

void inmate_main(void)
{
	/* First, so that make bench can time start to first output. */
	printk("AXVM-BENCH started %llu\n", (unsigned long long)timer_ticks());
	printk("bench: %s, counter at %llu Hz\n", in_cell() ? "in a cell" : "alone",
	       (unsigned long long)timer_frequency());
	if (in_cell()) {
		round_trips("hypercall", false);
		round_trips("mmio", true);
	}
	period = timer_frequency() * TIMER_PERIOD_US / 1000000;
	irq_init();
	irq_enable_private(TIMER_IRQ);
	irq_handler = on_timer;
	deadline = timer_ticks() + period;
	timer_arm(deadline);
	irq_enable();
	/*
	 * Spin, do not wfi: under -icount, virtual time only counts
	 * instructions while a CPU runs; an idle CPU follows the host's clock
	 * and its jitter.
	 */
	while (taken < TIMER_SAMPLES)
		;
	irq_disable();
	timer_stop();
	summarize("timer", "", samples, TIMER_SAMPLES);
	printk("AXVM-BENCH timer_foreign_interrupts %u\n", foreign);
	printk("AXVM-BENCH done\n");
	printk("Test result: SUCCESS\n");
}
