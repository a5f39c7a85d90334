// SPDX-License-Identifier: GPL-2.0
/*
 * rtos: a periodic multi-task demo driven by the virtual timer interrupt.
 * A 1 kHz tick releases three tasks with periods of 10, 25 and 100 ticks;
 * every second the "report" task prints how often each ran and the worst
 * tick latency seen (counter ticks between the deadline and the handler).
 *
 * Runs until the cell is shut down; alone on the machine (make check's
 * bare run) it stops after AXVM_RTOS_SECONDS seconds and powers off.
 */
#include <inmate.h>

#define TICK_HZ		1000
#define BARE_SECONDS	3

struct task {
	const char *name;
	unsigned int period;	/* ticks */
	unsigned long runs;
};

static struct task tasks[] = {
	{ "control", 10, 0 },
	{ "sensor", 25, 0 },
	{ "report", 1000, 0 },
};

static volatile unsigned long ticks, other_interrupts;
static u64 tick_interval, next_deadline, worst_latency;

static void on_tick(void)
{
	unsigned int intid = irq_ack();
	u64 now = timer_ticks();

	if (intid == TIMER_IRQ) {
		if (now - next_deadline > worst_latency)
			worst_latency = now - next_deadline;
		next_deadline += tick_interval;
		timer_arm(next_deadline);
		ticks++;
	} else if (irq_valid(intid)) {
		other_interrupts++;	/* nobody should send us any */
	}
	if (irq_valid(intid))
		irq_eoi(intid);
}

/* @tick: the tick whose tasks just ran (the counter may be ahead by now). */
static void report(unsigned long tick)
{
	printk("rtos: tick %lu: control ran %lu, sensor ran %lu times; worst tick latency %llu counter ticks; other interrupts %lu\n",
	       tick, tasks[0].runs, tasks[1].runs,
	       (unsigned long long)worst_latency, other_interrupts);
}

void inmate_main(void)
{
	unsigned long seen = 0;
	bool alone = !in_cell();

	printk("rtos: starting, %u Hz tick, %s\n", TICK_HZ,
	       alone ? "alone on the machine" : "in an axvm cell");
	tick_interval = timer_frequency() / TICK_HZ;
	irq_init();
	irq_enable_private(TIMER_IRQ);
	/* Listen for IPIs too: nobody may send us any, and we count them. */
	irq_enable_ipis();
	irq_handler = on_tick;
	next_deadline = timer_ticks() + tick_interval;
	timer_arm(next_deadline);
	irq_enable();

	for (;;) {
		unsigned long now;

		cpu_wait();
		now = ticks;
		for (; seen < now; seen++) {
			for (unsigned int i = 0; i < sizeof(tasks) / sizeof(tasks[0]); i++) {
				if ((seen + 1) % tasks[i].period)
					continue;
				tasks[i].runs++;
				if (i == 2)
					report(seen + 1);
			}
		}
		if (alone && now >= BARE_SECONDS * TICK_HZ)
			break;
	}
	timer_stop();
	irq_disable();
	printk("Test result: SUCCESS\n");
}
