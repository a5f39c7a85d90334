/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate library: what a bare-metal program running in an axvm cell
 * (or directly on the platform, for comparison) gets to start with. The
 * same on every architecture; what only one architecture has is in its
 * <inmate_arch.h> (inmates/lib/<arch>/include/), included at the end.
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
/** bare_console_putc() - the platform's console, alone on the machine (arch). */
void bare_console_putc(char c);

/**
 * test_verdict() - the line the test harnesses look for: "Test result:
 * SUCCESS" when @ok, else "Test result: FAILURE".
 */
void test_verdict(bool ok);

/** inmate_exit() - switch the machine (or the cell) off. */
void __attribute__((noreturn)) inmate_exit(void);

/** hypercall() - call the axvm firmware (AXVM_HC_*, <axvm/hypercall.h>). */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);

/** in_cell() - the inmate runs in an axvm cell (not alone on the machine). */
bool in_cell(void);

/** timer_frequency() - ticks per second of the timer. */
u64 timer_frequency(void);

/** timer_ticks() - the timer's counter now. */
u64 timer_ticks(void);

/** timer_arm() - timer interrupt (TIMER_IRQ) when the counter reaches @deadline. */
void timer_arm(u64 deadline);
void timer_stop(void);

/** irq_init() - set up this CPU's interrupt controller interface. */
void irq_init(void);
/** irq_enable_private() - enable this CPU's private interrupt @irq (e.g. TIMER_IRQ). */
void irq_enable_private(unsigned int irq);
/** irq_enable_ipis() - let IPIs from other CPUs in (arm64: SGIs 0-14). */
void irq_enable_ipis(void);
/**
 * irq_enable_shared() - route the shared (device) interrupt @irq to the
 * calling CPU and enable it there (arm64: a GIC SPI by its INTID; riscv64:
 * PLIC_IRQ(source), at the hart's S-mode context).
 */
void irq_enable_shared(unsigned int irq);
/** ipi_send() - interrupt the CPU with hardware id @hw_id with IPI_IRQ. */
void ipi_send(u64 hw_id);
/**
 * ipi_broadcast() - IPI_IRQ to every CPU but the caller (arm64: the GIC's
 * "all others"; riscv64: the SBI's "every hart", the caller's own too).
 */
void ipi_broadcast(void);
/**
 * irq_ack() / irq_eoi() - take and complete an interrupt; irq_valid() says
 * whether irq_ack() found one (not spurious).
 */
unsigned int irq_ack(void);
void irq_eoi(unsigned int irq);

/**
 * irq_handler - called for every IRQ with interrupts masked; NULL: IRQs
 * are unexpected. Set it, then irq_enable().
 */
extern void (*irq_handler)(void);
void irq_enable(void);
void irq_disable(void);
/** cpu_wait() - sleep until an interrupt. */
void cpu_wait(void);

/**
 * cpu_start() - switch on the CPU with hardware id @hw_id (PSCI CPU_ON, SBI
 * HSM...) to run @fn on a stack of its own; when @fn returns, that CPU
 * switches itself off. Returns the firmware's status (0: on its way). Up to
 * 3 CPUs.
 */
long cpu_start(u64 hw_id, void (*fn)(void));
/**
 * arch_cpu_on() - the firmware call behind cpu_start(): CPU @hw_id starts
 * at @entry with @context in its argument register (arm64: x0; riscv64:
 * a1, a0 being the hart id).
 */
long arch_cpu_on(u64 hw_id, u64 entry, u64 context);
/**
 * cpu_is_off() - the CPU with hardware id @hw_id is one the caller may
 * switch on (in a cell: one of the cell's) and is off (PSCI AFFINITY_INFO,
 * SBI HSM hart_get_status).
 */
bool cpu_is_off(u64 hw_id);
/** cpu_off() - switch the calling CPU off. */
void __attribute__((noreturn)) cpu_off(void);

/** cpu_hw_id() - the calling CPU's hardware id (arm64: MPIDR affinity). */
u64 cpu_hw_id(void);

/**
 * mmio_read32() / mmio_write32() / mmio_read64() / mmio_write64() - one
 * aligned access to a device register at @addr, as a single plain load or
 * store, so that a hypervisor that emulates the register can decode it.
 */
u32 mmio_read32(unsigned long addr);
void mmio_write32(unsigned long addr, u32 value);
u64 mmio_read64(unsigned long addr);
void mmio_write64(unsigned long addr, u64 value);
/*
 * How an arch's library defines them, from its load and store of one width
 * (operand 0: the value, operand 1: the address).
 */
#define DEFINE_MMIO_ACCESSORS(bits, load, store)				\
	u##bits mmio_read##bits(unsigned long addr)				\
	{									\
		u##bits v;							\
										\
		asm volatile(load : "=r"(v) : "r"(addr) : "memory");		\
		return v;							\
	}									\
	void mmio_write##bits(unsigned long addr, u##bits value)		\
	{									\
		asm volatile(store : : "r"(value), "r"(addr) : "memory");	\
	}

/**
 * pmu_instructions_*() - instructions retired (guest and hypervisor) on a
 * performance counter, for the bench; only where
 * pmu_instructions_supported() (QEMU: -icount).
 */
bool pmu_instructions_supported(void);
void pmu_instructions_start(void);
u32 pmu_instructions(void);

/** random64() - the next of a fixed pseudo-random sequence (the same every run). */
u64 random64(void);

#include <inmate_arch.h>

#endif /* _INMATE_H */
