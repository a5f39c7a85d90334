/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one interface between the firmware core (hypervisor/) and an
 * architecture (arch/<arch>/). The core calls an architecture only through
 * the hooks declared here; each architecture implements all of them.
 * A NOTE on each hook gives the context it is called in.
 *
 * The port contract: besides these hooks, an architecture provides, in
 * arch/<arch>/include/asm/, these headers, each compiling alone
 * (tests/headers-check.sh):
 *   <asm/layout.h>  preprocessor constants only (C, assembly, linker
 *                   script): AXVM_LINK_ADDRESS, AXVM_MAX_CPUS,
 *                   AXVM_PAGE_SIZE, AXVM_PERCPU_SIZE, AXVM_FRAME_SIZE.
 *   <asm/cell.h>    struct arch_cell: the architecture's part of a cell.
 *   <asm/percpu.h>  struct arch_per_cpu: its part of a CPU.
 *   <asm/irq.h>     ARCH_NUM_IRQS: interrupt numbers 0..ARCH_NUM_IRQS-1
 *                   are what cells' configs name and the core tracks
 *                   owners of.
 * plus this_cpu() (hv/percpu.h), and a linker script that
 * puts the firmware header first (hypervisor/header.c). It also
 * implements the hand-over contract below, and arch.mk says how to build.
 */
#ifndef _HV_ARCH_H
#define _HV_ARCH_H

#include <hv/types.h>

/**
 * arch_console_putc() - write one character to the debug console
 * @c: the character; '\n' is sent as-is (the caller adds '\r').
 *
 * NOTE: any context, interrupts masked; polls, never blocks forever.
 */
void arch_console_putc(char c);

/**
 * arch_cpu_stop() - stop the calling CPU for good
 *
 * NOTE: panic path; never returns.
 */
void __attribute__((noreturn)) arch_cpu_stop(void);

struct per_cpu;
struct cell;
struct axvm_system_config;

/**
 * arch_cell_create() - set up @cell's empty address space (stage-2 root,
 * VMID). 0 or negative errno.
 *
 * NOTE: any CPU in the hypervisor, MMU on.
 */
int arch_cell_create(struct cell *cell);

/**
 * arch_cell_map_devices() - map the devices the architecture passes
 * through to @cell (on arm64: the GIC redistributors of its CPUs).
 */
int arch_cell_map_devices(struct cell *cell);

/** arch_cell_destroy() - free @cell's address space. */
void arch_cell_destroy(struct cell *cell);

/**
 * arch_cell_flush() - after @cell's stage-2 changed: drop what any CPU
 * cached of it.
 */
void arch_cell_flush(struct cell *cell);

/*
 * The hand-over contract. A CPU, an interrupt or a page that changes owner
 * (cell create, destroy, shutdown, failure, PSCI CPU_OFF) passes through
 * one of the hooks below, which leaves it in a defined state: nothing the
 * old owner set up (pending or active interrupts, armed timers, register
 * contents, routing, memory contents) reaches the new owner. The core
 * calls them at these points; docs/architecture.md lists what each
 * architecture resets.
 */

/**
 * arch_cell_hand_over_irqs() - the shared interrupts @cell's config names
 * go to @cell (@to_cell, at create: after its CPUs moved) or back to the
 * root (at destroy: every CPU of the cell parked, before they move back).
 *
 * To the cell: the root's configuration of each line is saved, the line
 * is switched off, its pending and active state dropped, and it is routed
 * to the cell's first CPU, so that from then on it fires only there.
 * Back to the root: the same reset, then the root's saved configuration
 * (priority, group, trigger, routing, enable) is put back.
 *
 * NOTE: cells lock held.
 */
void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell);

/**
 * arch_cpu_reset() - the calling CPU stops running its owner's code and
 * parks: reset everything of it the owner could have set (EL1 / guest
 * registers, FP/SIMD, timers, performance counters, private interrupts
 * pending, active or enabled, the interrupt controller's CPU interface),
 * and make arch_cpu_kick() reach it.
 *
 * NOTE: trap context on the parking CPU, before it is seen parked.
 */
void arch_cpu_reset(struct per_cpu *cpu);

/**
 * arch_cpu_moved() - parked @cpu now belongs to @to instead of @from:
 * move its per-CPU devices (arm64: the redistributor frame) and drop what
 * reached its private interrupts while it was parked (an IPI its old
 * owner sent after it parked).
 *
 * NOTE: cells lock held, on the CPU doing the create or destroy.
 */
void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to);

/**
 * arch_clear_memory() - zero @size bytes at physical @phys (a cell's RAM,
 * before the root or another cell gets it back). 0 or negative errno.
 *
 * NOTE: cells lock held; the range is mapped for the clearing only.
 */
int arch_clear_memory(u64 phys, u64 size);

/**
 * arch_map_hypervisor() / arch_unmap_hypervisor() - map physical memory
 * 1:1 into the firmware's own tables for a moment (reading root memory).
 */
int arch_map_hypervisor(u64 phys, u64 size);
void arch_unmap_hypervisor(u64 phys, u64 size);

/**
 * arch_global_init() - set up what all CPUs share: the firmware's own page
 * tables (identity map of hypervisor memory and the devices it drives)
 * @sys: the validated system config.
 *
 * NOTE: first CPU's entry, MMU off. 0 or negative errno.
 */
int arch_global_init(const struct axvm_system_config *sys);

/**
 * arch_cpu_init() - take over the calling CPU: MMU on, vectors, traps
 * @cpu: its per-CPU data.
 *
 * NOTE: each CPU's entry, MMU off on arrival. 0, or negative errno with
 * the CPU's EL2 state as Linux left it.
 */
int arch_cpu_init(struct per_cpu *cpu);

/**
 * arch_cpu_leave() - give the calling CPU back to Linux for good
 *
 * NOTE: from the disable hypercall; restores the EL2 state Linux had and
 * resumes the root cell with the hypercall's result 0. Never returns.
 */
void __attribute__((noreturn)) arch_cpu_leave(struct per_cpu *cpu);

/** arch_cpu_restore() - put back the EL2 state Linux had on this CPU. */
void arch_cpu_restore(struct per_cpu *cpu);

/** arch_cpu_hw_id() - @cpu's hardware id (arm64: MPIDR affinity). */
u64 arch_cpu_hw_id(const struct per_cpu *cpu);

/**
 * arch_cpu_kick() - send @cpu the management interrupt, so that a parked
 * CPU looks at its requests (and a running one sees a panic and stops).
 */
void arch_cpu_kick(struct per_cpu *cpu);

/** arch_cpu_wait_for_request() - sleep until kicked (parked CPUs). */
void arch_cpu_wait_for_request(void);

/**
 * arch_counter() / arch_counter_hz() - the system counter and its
 * frequency, for timeouts.
 */
u64 arch_counter(void);
u64 arch_counter_hz(void);

/**
 * arch_cpu_signal_all() / arch_cpu_wait_for_signal() - a cheap event
 * between CPUs in the hypervisor (arm64: sev / wfe).
 */
void arch_cpu_signal_all(void);
void arch_cpu_wait_for_signal(void);

/**
 * arch_cpu_start_guest() - enter the calling CPU's cell at @entry, as a
 * CPU fresh from reset would (MMU off), with @context in its first
 * register. Never returns.
 */
void __attribute__((noreturn)) arch_cpu_start_guest(struct per_cpu *cpu,
						    u64 entry, u64 context);

/**
 * arch_cpu_power_off() - leave the hypervisor and switch the CPU off for
 * real, so that the platform's firmware can start it again later.
 */
void __attribute__((noreturn)) arch_cpu_power_off(struct per_cpu *cpu);

#endif /* _HV_ARCH_H */
