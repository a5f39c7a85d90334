// SPDX-License-Identifier: GPL-2.0
/*
 * A cell with two CPUs, end to end: the first CPU switches the second on
 * with PSCI CPU_ON, interrupts it with SGI 1 (a cell may signal its own
 * CPUs), and both tick on their own virtual timers. "Test result: SUCCESS"
 * once the second CPU took 5 SGIs and both counted 100 ticks; then both
 * keep ticking until the cell is stopped from outside.
 */
#include <inmate.h>

#define SGI_PING	1
#define TICK_HZ		1000
#define PINGS		5

static volatile unsigned int pings, ticks[2], second_up;
static u64 first_mpidr, interval;

static unsigned int me(void)
{
	return cpu_hw_id() == first_mpidr ? 0 : 1;
}

static void on_irq(void)
{
	unsigned int intid = irq_ack();

	if (intid == TIMER_IRQ) {
		ticks[me()]++;
		timer_arm(timer_ticks() + interval);
	} else if (intid == SGI_PING && me() == 1) {
		pings++;
	}
	if (intid < 1020)
		irq_eoi(intid);
}

static void start_ticking(void)
{
	irq_init();
	irq_enable_private(TIMER_IRQ);
	timer_arm(timer_ticks() + interval);
	irq_enable();
}

static void second_cpu(void)
{
	irq_enable_private(SGI_PING);
	start_ticking();
	second_up = 1;
	for (;;)
		cpu_wait();
}

/* Spin until @cond holds or a second passes. */
#define WAIT_FOR(cond) ({						\
	u64 until_ = timer_ticks() + timer_frequency();			\
	while (!(cond) && timer_ticks() < until_)			\
		;							\
	(cond);								\
})

void inmate_main(void)
{
	u64 second;
	long on;
	bool ok;

	first_mpidr = cpu_hw_id();
	second = first_mpidr + 1;
	interval = timer_frequency() / TICK_HZ;
	irq_handler = on_irq;
	start_ticking();
	on = cpu_start(second, second_cpu);
	printk("smp: CPU 0x%llx switched on CPU 0x%llx: PSCI %ld\n",
	       (unsigned long long)first_mpidr, (unsigned long long)second, on);
	ok = on == 0 && WAIT_FOR(second_up);
	for (unsigned int i = 0; ok && i < PINGS; i++) {
		/* ICC_SGI1R_EL1: INTID, and Aff0 as a bit of the target list. */
		u64 sgi = ((u64)SGI_PING << 24) | (1ull << (second & 0xf)) |
			  (((second >> 8) & 0xff) << 16);

		asm volatile("msr s3_0_c12_c11_5, %0\n\tisb" : : "r"(sgi));
		ok = WAIT_FOR(pings == i + 1);
	}
	ok = ok && WAIT_FOR(ticks[0] >= 100 && ticks[1] >= 100);
	printk("smp: second CPU up %u, pings %u of %u, ticks %u and %u\n",
	       second_up, pings, PINGS, ticks[0], ticks[1]);
	test_verdict(ok);
	for (;;)
		cpu_wait();
}
