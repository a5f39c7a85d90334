/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data: one area of AXVM_PERCPU_SIZE per CPU right after the image,
 * holding this struct at its start and the CPU's stack at its end.
 */
#ifndef _HV_PERCPU_H
#define _HV_PERCPU_H

#include <axvm/hypercall.h>
#include <hv/types.h>
#include <asm/percpu.h>

/* Why a CPU left the guest: counted per CPU, shown in sysfs. */
#define EXIT_HYPERCALL		AXVM_EXIT_HYPERCALL
#define EXIT_MMIO		AXVM_EXIT_MMIO
#define EXIT_ABORT		AXVM_EXIT_ABORT
#define EXIT_MANAGEMENT		AXVM_EXIT_MANAGEMENT
#define EXIT_OTHER		AXVM_EXIT_OTHER
#define NUM_EXIT_REASONS	AXVM_NUM_EXIT_REASONS

/* A CPU's power state as its cell sees it (PSCI AFFINITY_INFO). */
enum cpu_power {
	CPU_RUNNING,	/* runs its cell */
	CPU_PARKED,	/* "off": waits inside the hypervisor */
	CPU_STARTING,	/* asked to start, not yet running */
};

/* Requests to a parked CPU, set by another CPU before it signals. */
#define CPU_REQ_START	(1u << 0)	/* start the cell at start_entry */
#define CPU_REQ_LEAVE	(1u << 1)	/* the hypervisor is going away */
#define CPU_REQ_PARK	(1u << 2)	/* stop running the cell: park */

struct cell;

/**
 * struct per_cpu - what the firmware keeps for one CPU
 * @id:            Linux's logical number of the CPU.
 * @active:        the CPU is under the hypervisor (running or parked).
 * @cell:          the cell it belongs to.
 * @power:         enum cpu_power, written by this and other CPUs.
 * @requests:      CPU_REQ_* for a parked CPU.
 * @start_entry:   where a CPU_REQ_START starts it.
 * @start_context: the value its first register gets.
 * @stats:         exits by reason.
 * @arch:          the architecture's part.
 */
struct per_cpu {
	unsigned int id;
	bool active;
	struct cell *cell;
	u32 power;
	u32 requests;
	u64 start_entry;
	u64 start_context;
	u64 stats[NUM_EXIT_REASONS];
	struct arch_per_cpu arch;
};

/** this_cpu() - the calling CPU's data (kept in a register by the arch). */
struct per_cpu *this_cpu(void);

/** per_cpu() - CPU @cpu's data. */
struct per_cpu *per_cpu(unsigned int cpu);

/** cpu_by_hw_id() - the active CPU with hardware id @hw_id, or NULL. */
struct per_cpu *cpu_by_hw_id(u64 hw_id);

/**
 * cpu_park() - the calling CPU is switched "off" by its cell: wait inside
 * the hypervisor until asked to start again or to leave.
 *
 * NOTE: trap context; never returns to the caller.
 */
void __attribute__((noreturn)) cpu_park(struct per_cpu *cpu);

/**
 * cpu_start() - start parked CPU @target at @entry with @context
 * Return: 0, -EBUSY if it is not parked.
 */
int cpu_start(struct per_cpu *target, u64 entry, u64 context);

/**
 * cpus_kick_others() - send every other active CPU the management
 * interrupt (panic path: each sees panic_in_progress and stops).
 */
void cpus_kick_others(void);

/**
 * cpu_power_state() - AXVM_CPU_STATE_* of @cpu: off (parked), on its way
 * (started), on. The values are PSCI AFFINITY_INFO's.
 */
long cpu_power_state(const struct per_cpu *cpu);

/**
 * cpu_park_offline() - park root CPU @id, which Linux took offline and
 * which waits in its dead loop (AXVM_HC_CPU_PARK); waits for it to park.
 * 0, -EINVAL for a CPU that is not another one of the root's, or
 * -ETIMEDOUT.
 */
long cpu_park_offline(u64 id);
/**
 * cpus_release_parked() - make every parked CPU leave the hypervisor
 * (switching itself really off) and wait until each has.
 *
 * NOTE: called by the last running CPU on disable.
 */
void cpus_release_parked(void);

#endif /* _HV_PERCPU_H */
