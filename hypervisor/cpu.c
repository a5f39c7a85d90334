// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs that a cell switches off stay in the hypervisor ("parked"), so that
 * the hypervisor keeps control of them: switching them on again goes
 * through cpu_start(), which wakes them with a management interrupt.
 *
 * Fields shared between CPUs are accessed with acquire/release atomics;
 * a waiting CPU sleeps in the architecture's wait instruction, never in a
 * bare spin (under QEMU's -icount only one vCPU runs at a time).
 */
#include <axvm/errno.h>
#include <axvm/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/layout.h>

struct per_cpu *cpu_by_hw_id(u64 hw_id)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE) &&
		    arch_cpu_hw_id(cpu) == hw_id)
			return cpu;
	}
	return NULL;
}

void cpu_park(struct per_cpu *cpu)
{
	u32 req;

	/*
	 * Nothing of the owner this CPU ran for stays (hv/arch.h: the
	 * hand-over contract), and our wake-up signal reaches us again before
	 * anyone may send it (Linux reprograms its interrupt controller when
	 * it brings a CPU up).
	 */
	arch_cpu_reset(cpu);
	__atomic_store_n(&cpu->power, CPU_PARKED, __ATOMIC_RELEASE);
	arch_cpu_signal_all();	/* whoever polls our state may look now */
	cell_cpu_parked(cpu);
	for (;;) {
		req = __atomic_exchange_n(&cpu->requests, 0, __ATOMIC_ACQ_REL);
		if (req & CPU_REQ_LEAVE) {
			cpu->active = false;
			__atomic_store_n(&cpu->power, CPU_RUNNING, __ATOMIC_RELEASE);
			arch_cpu_signal_all();
			arch_cpu_power_off(cpu);
		}
		if (req & CPU_REQ_PARK) {
			/* Stopping wins over a start that raced with it. */
			__atomic_store_n(&cpu->power, CPU_PARKED, __ATOMIC_RELEASE);
			arch_cpu_signal_all();
		} else if (req & CPU_REQ_START) {
			__atomic_store_n(&cpu->power, CPU_RUNNING, __ATOMIC_RELEASE);
			arch_cpu_start_guest(cpu, cpu->start_entry,
					     cpu->start_context);
		}
		arch_cpu_wait_for_request();
		if (__atomic_load_n(&panic_in_progress, __ATOMIC_ACQUIRE))
			arch_cpu_stop();	/* a kick from the panic path */
	}
}

int cpu_start(struct per_cpu *target, u64 entry, u64 context)
{
	u32 expected = CPU_PARKED;

	if (!__atomic_compare_exchange_n(&target->power, &expected,
					 CPU_STARTING, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return -EBUSY;
	target->start_entry = entry;
	target->start_context = context;
	__atomic_or_fetch(&target->requests, CPU_REQ_START, __ATOMIC_RELEASE);
	arch_cpu_kick(target);
	return 0;
}

long cpu_power_state(const struct per_cpu *cpu)
{
	switch (__atomic_load_n(&cpu->power, __ATOMIC_ACQUIRE)) {
	case CPU_PARKED:
		return AXVM_CPU_STATE_OFF;
	case CPU_STARTING:
		return AXVM_CPU_STATE_ON_PENDING;
	default:
		return AXVM_CPU_STATE_ON;
	}
}

long cpu_park_offline(u64 id)
{
	struct per_cpu *t = id < AXVM_MAX_CPUS ? per_cpu((unsigned int)id) : NULL;
	u64 until = arch_counter() + arch_counter_hz();

	if (!t || !__atomic_load_n(&t->active, __ATOMIC_ACQUIRE) ||
	    t->cell != &root_cell || t == this_cpu())
		return -EINVAL;
	__atomic_or_fetch(&t->requests, CPU_REQ_PARK, __ATOMIC_RELEASE);
	arch_cpu_kick(t);
	while (__atomic_load_n(&t->power, __ATOMIC_ACQUIRE) != CPU_PARKED)
		if (arch_counter() > until)
			return -ETIMEDOUT;
		else
			arch_cpu_wait_for_signal();
	return 0;
}

void cpus_kick_others(void)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (cpu != this_cpu() && cpu->active)
			arch_cpu_kick(cpu);
	}
}

void cpus_release_parked(void)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (!__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE) ||
		    cpu == this_cpu())
			continue;
		printk("CPU %u is parked: switching it off\n", cpu->id);
		__atomic_or_fetch(&cpu->requests, CPU_REQ_LEAVE, __ATOMIC_RELEASE);
		arch_cpu_kick(cpu);
		while (__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE))
			arch_cpu_wait_for_signal();
	}
}
