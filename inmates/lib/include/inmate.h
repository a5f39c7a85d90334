/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate library: what a bare-metal program running in an axvm cell
 * (or directly on the platform, for comparison) gets to start with.
 */
#ifndef _INMATE_H
#define _INMATE_H

#include <lib/types.h>

/** inmate_main() - the program; called once on the boot CPU. */
void inmate_main(void);

/** printk() - formatted output on the inmate's console. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** console_putc() - one character on the inmate's console. */
void console_putc(char c);

/** inmate_exit() - switch the machine (or the cell) off. */
void __attribute__((noreturn)) inmate_exit(void);

/** hypercall() - call the axvm firmware (AXVM_HC_*). */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);

/**
 * hvc_call() / smc_call() - an HVC or SMC with x0-x3 as given (PSCI, or
 * any function ID; hypercall() is the way to axvm's functions).
 */
long hvc_call(u64 fn, u64 a1, u64 a2, u64 a3);
long smc_call(u64 fn, u64 a1, u64 a2, u64 a3);

/** in_cell() - the inmate runs in an axvm cell (not alone on the machine). */
bool in_cell(void);

/** timer_frequency() - ticks per second of the generic timer. */
u64 timer_frequency(void);

/** timer_ticks() - the virtual counter now. */
u64 timer_ticks(void);

#define TIMER_VIRTUAL_PPI	27

/** gic_init() - set up this CPU's GIC interface for Group 1 interrupts. */
void gic_init(void);
/** gic_enable_ppi() - enable private interrupt @intid on this CPU. */
void gic_enable_ppi(unsigned int intid);
/** gic_ack() / gic_eoi() - take and complete an interrupt. */
unsigned int gic_ack(void);
void gic_eoi(unsigned int intid);

/** timer_arm() - virtual timer interrupt when the counter reaches @deadline. */
void timer_arm(u64 deadline);
void timer_stop(void);

/**
 * irq_handler - called for every IRQ with interrupts masked; NULL: IRQs
 * are unexpected. Set it, then irq_enable().
 */
extern void (*irq_handler)(void);
void irq_enable(void);
void irq_disable(void);
/** cpu_wait() - sleep until an interrupt (wfi). */
void cpu_wait(void);

/**
 * cpu_start() - switch on the CPU with @mpidr (PSCI CPU_ON) to run @fn on
 * a stack of its own; when @fn returns, that CPU switches itself off
 * (CPU_OFF). Returns the PSCI status (0: on its way). Up to 3 CPUs.
 */
long cpu_start(u64 mpidr, void (*fn)(void));
/** cpu_off() - switch the calling CPU off (PSCI CPU_OFF). */
void __attribute__((noreturn)) cpu_off(void);

/** cpu_mpidr() - the calling CPU's affinity (MPIDR_EL1's Aff0-Aff3 fields). */
u64 cpu_mpidr(void);

/**
 * pmu_instructions_*() - instructions retired (EL0-EL2) on PMU counter 0,
 * for the bench; only where pmu_instructions_supported() (QEMU: -icount).
 */
bool pmu_instructions_supported(void);
void pmu_instructions_start(void);
u32 pmu_instructions(void);

#endif /* _INMATE_H */
