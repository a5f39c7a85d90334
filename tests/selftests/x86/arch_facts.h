/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the common selftests need to know of x86-64 that no config says:
 * how Linux reports an access the hypervisor refused, the names Linux and
 * axvm-ctl give the arch's parts, the arch's firmware calls and FP
 * registers.
 */
#ifndef AXVM_SELFTEST_ARCH_FACTS_H
#define AXVM_SELFTEST_ARCH_FACTS_H

#include <signal.h>
#include <stdio.h>

#include <axvm/config.h>

/*
 * An access the hypervisor refuses becomes a general-protection fault
 * for the instruction (arch/x86/svm.c), which Linux turns into SIGSEGV.
 */
#define ARCH_FAULT_SIGNAL	SIGSEGV
/* /proc/interrupts: the root's local APIC timer and the CMOS RTC. */
#define ARCH_TIMER_IRQ_NAME	"Local timer interrupts"
#define ARCH_RTC_IRQ_NAME	"rtc0"
/* The sysfs counter of the exits a CPU's start and stop cause. */
#define ARCH_CPU_POWER_EXITS	"exits_management"
/* The inmate that calls the firmware on CPUs of other cells. */
#define ARCH_FIRMWARE_PROBE	"apic_probe"
/*
 * The firmware emulates INIT and SIPI, so the root switches CPUs off and
 * on while it runs; one that was offline at enable stays offline until
 * disable, refused by the driver with EBUSY.
 */
#define ARCH_OFFLINE_AT_ENABLE_REFUSED	1
/* How far MemFree swings over 50 rounds of a CPU offline and online. */
#define ARCH_MEMFREE_SWING_KIB	32768

/* The driver's refusal that names the arch's interrupt controller. */
#define ARCH_IRQCHIP_FIELD	"platform.ioapic.base"
/* What the driver says of an IOAPIC the MADT does not have. */
static inline void arch_irqchip_not_found(const struct axvm_platform *p, char *text,
					  size_t size)
{
	snprintf(text, size, "%s 0x%llx is not an IOAPIC of this machine", ARCH_IRQCHIP_FIELD,
		 (unsigned long long)p->arch.ioapic.ioapic_base);
}
#define ARCH_UART_REFUSAL	"is driven by the root's driver serial"
#define ARCH_IRQCHIP_FRAME_CONFIG	"ioapic"
#define ARCH_IRQCHIP_FRAME_REFUSAL	"covers the IOAPIC"

/* axvm-ctl hardware check's items of the arch, with root.json... */
#define ARCH_HARDWARE_OK { "ok    CPUs with SVM or VMX", "4 of 4 CPUs have svm (AMD SVM)",	\
	"ok    nested paging", "ok    KVM keeps out of SVM and VMX",			\
	"ok    local APICs and IOAPIC", "ok    config: IOAPIC and local APICs",		\
	"MADT: 0xfec00000 with 24 pins, 0xfee00000" }
/* ...and with wrong_irqchip.json. */
#define ARCH_HARDWARE_IRQCHIP_FAIL { "FAIL  config: IOAPIC" }
/* The debug console axvm-ctl config create finds. */
#define ARCH_CREATED_DEBUG_CONSOLE \
	"\"debug_console\": { \"type\": \"8250-pio\", \"address\": \"0x3f8\" }"
/*
 * What hardware check says of the RAM Linux was kept from: 768M to the
 * BIOS's reservation below 1 GiB (the ACPI tables' 128K).
 */
#define ARCH_RAM_KEPT_FROM_LINUX	"255 MiB of RAM that Linux does not use"
/*
 * How long destroy may take, Linux's bring-up of the CPU it gets back
 * included: on x86 under QEMU's software CPU that bring-up alone takes
 * 130-150 ms (every local APIC access of the starting CPU exits, and
 * Linux checks the TSC's sync against it).
 */
#define ARCH_DESTROY_MAX_NS	600000000ull
#define ARCH_CELLS			1
/*
 * A cell with a device of its own (rng.json, the virtio_rng inmate): not
 * on x86-64 yet, whose devices are PCI functions (docs/status.md).
 */
#define ARCH_DEVICE_CELL		0

/* xmm0-xmm15 and MXCSR of the calling CPU to a pattern. */
static inline void arch_dirty_fp(void)
{
	static const unsigned long long pattern[2] __attribute__((aligned(16))) = {
		0x5a5a5a5a5a5a5a5aull, 0x5a5a5a5a5a5a5a5aull };
	unsigned int mxcsr = 0x1f80 | 0x3f;

	asm volatile(".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
		     "movdqa %0, %%xmm\\n\n\t"
		     ".endr\n\t"
		     "ldmxcsr %1"
		     : : "m"(pattern), "m"(mxcsr) : "memory");
}

#endif /* AXVM_SELFTEST_ARCH_FACTS_H */
