// SPDX-License-Identifier: GPL-2.0
/*
 * A cell with two CPUs, end to end: the first CPU finds the second (the
 * one of its cell that is off), switches it on (PSCI CPU_ON, SBI HSM
 * hart_start), interrupts it with IPI_IRQ (a cell may signal its own
 * CPUs), and both tick on their own timers. "Test result: SUCCESS" once
 * the second CPU took 5 IPIs and both counted 100 ticks; then both keep
 * ticking until the cell is stopped from outside.
 */
#include <inmate.h>

#define TICK_HZ		1000
#define PINGS		5
/* The hardware ids looked at for the second CPU (QEMU virt: 0-3). */
#define MACHINE_CPUS	8

static volatile unsigned int pings, ticks[2], second_up;
static u64 first_id, interval;

static unsigned int me(void)
{
	return cpu_hw_id() == first_id ? 0 : 1;
}

static void on_irq(void)
{
	unsigned int intid = irq_ack();

	if (intid == TIMER_IRQ) {
		ticks[me()]++;
		timer_arm(timer_ticks() + interval);
	} else if (intid == IPI_IRQ && me() == 1) {
		pings++;
	}
	if (irq_valid(intid))
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
	irq_enable_private(IPI_IRQ);
	start_ticking();
	second_up = 1;
	for (;;)
		cpu_wait();
}

/*
 * Wait until @cond holds or WAIT_SECONDS pass, idling between looks as an
 * RTOS would (each of our ticks wakes us), and noting the longest stretch
 * between two looks: under an emulator on a loaded host a vCPU may not
 * run at all for a while, which is no lost interrupt, and the verdict
 * line tells the two apart. (A hart spinning without a trap missed its
 * Sstc timer interrupts for seconds under QEMU 7.2, never under QEMU 10:
 * docs/riscv64.md.)
 */
#define WAIT_SECONDS	3
static u64 longest_stall;
#define WAIT_FOR(cond) ({						\
	u64 last_ = timer_ticks();					\
	u64 until_ = last_ + WAIT_SECONDS * timer_frequency();		\
	while (!(cond) && last_ < until_) {				\
		u64 now_;						\
		cpu_wait();						\
		now_ = timer_ticks();					\
		if (now_ - last_ > longest_stall)			\
			longest_stall = now_ - last_;			\
		last_ = now_;						\
	}								\
	(cond);								\
})

/* The first CPU of the cell but the caller that is off; the caller's if none. */
static u64 second_cpu_id(void)
{
	for (u64 id = 0; id < MACHINE_CPUS; id++)
		if (id != first_id && cpu_is_off(id))
			return id;
	return first_id;
}

void inmate_main(void)
{
	u64 second;
	long on;
	bool ok;

	first_id = cpu_hw_id();
	second = second_cpu_id();
	interval = timer_frequency() / TICK_HZ;
	irq_handler = on_irq;
	start_ticking();
	on = cpu_start(second, second_cpu);
	printk("smp: CPU 0x%llx switched on CPU 0x%llx: %ld\n",
	       (unsigned long long)first_id, (unsigned long long)second, on);
	ok = second != first_id && on == 0 && WAIT_FOR(second_up);
	for (unsigned int i = 0; ok && i < PINGS; i++) {
		ipi_send(second);
		ok = WAIT_FOR(pings == i + 1);
	}
	ok = ok && WAIT_FOR(ticks[0] >= 100 && ticks[1] >= 100);
	printk("smp: second CPU up %u, pings %u of %u, ticks %u and %u, longest stall %llu us\n",
	       second_up, pings, PINGS, ticks[0], ticks[1],
	       (unsigned long long)(longest_stall * 1000000 / timer_frequency()));
	test_verdict(ok);
	for (;;)
		cpu_wait();
}
