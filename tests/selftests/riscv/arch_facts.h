/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the common selftests need to know of riscv64 that no config says:
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
 * An access the hypervisor refuses becomes an access fault, which Linux
 * turns into SIGSEGV (SEGV_ACCERR) on riscv.
 */
#define ARCH_FAULT_SIGNAL	SIGSEGV
/* /proc/interrupts: the root's timer and the RTC (goldfish) it alarms with. */
#define ARCH_TIMER_IRQ_NAME	"riscv-timer"
#define ARCH_RTC_IRQ_NAME	"101000.rtc"
/* The sysfs counter of the SBI calls (HSM among them) a hart made. */
#define ARCH_CPU_POWER_EXITS	"exits_sbi"
/* The inmate that calls the firmware (SBI HSM) on harts of other cells. */
#define ARCH_FIRMWARE_PROBE	"sbi_probe"
/*
 * How far MemFree swings over 50 rounds of a CPU offline and online: under
 * QEMU, caches dropped, by up to 20 MB with plain Linux hotplug (measured
 * without axvm: 644960 -> 654740 -> 674416 kB over 2 x 100 rounds).
 */
/* Whether the driver refuses, with EBUSY, a CPU that was offline at enable. */
#define ARCH_OFFLINE_AT_ENABLE_REFUSED	0
#define ARCH_MEMFREE_SWING_KIB	32768

/*
 * The driver's refusals that name the arch's parts. A system config's PLIC
 * elsewhere (wrong_irqchip.json): the field and frame named.
 */
#define ARCH_IRQCHIP_FIELD	"platform.plic.base/size"
static inline __u64 arch_irqchip_frame(const struct axvm_platform *p, __u64 *size)
{
	*size = p->arch.plic.size;
	return p->arch.plic.base;
}
/* What the driver says of an interrupt controller the device tree does not have. */
static inline void arch_irqchip_not_found(const struct axvm_platform *p, char *text,
					  size_t size)
{
	__u64 frame_size, base = arch_irqchip_frame(p, &frame_size);

	snprintf(text, size, "%s 0x%llx+0x%llx is not the device tree's", ARCH_IRQCHIP_FIELD,
		 (unsigned long long)base, (unsigned long long)frame_size);
}
/*
 * A cell asking for the UART: the hypervisor's console is SBI's, so the
 * UART is only the root's, driven by its serial driver.
 */
#define ARCH_UART_REFUSAL	"is driven by the root's driver of_serial"
/* The interrupt controller's frame no cell may map (plic.json): the PLIC. */
#define ARCH_IRQCHIP_FRAME_CONFIG	"plic"
#define ARCH_IRQCHIP_FRAME_REFUSAL	"covers the PLIC (the hypervisor emulates it)"

/* axvm-ctl hardware check's items of the arch, with root.json... */
#define ARCH_HARDWARE_OK { "ok    KVM keeps out of HS-mode", "ok    SBI HSM extension",	\
	"ok    PLIC interrupt controller", "ok    config: PLIC",				\
	"ok    config: timebase frequency",							\
	"/soc/plic@c000000: 0xc000000 (6144 KiB), ", "2 contexts per hart, S-mode context 1" }
/* ...and with wrong_irqchip.json. */
#define ARCH_HARDWARE_IRQCHIP_FAIL { "FAIL  config: PLIC", "config: 0xc100000+0x600000, ",	\
	"device tree: 0xc000000+0x600000, " }
/* What hardware check says of the RAM Linux was kept from (mem=768M of 1G). */
#define ARCH_RAM_KEPT_FROM_LINUX	"256 MiB of RAM that Linux does not use"
/* Cells run on this arch. */
/* How long destroy may take, Linux's bring-up of the CPU it gets back included. */
#define ARCH_DESTROY_MAX_NS	300000000ull
#define ARCH_CELLS			1
/* A cell with a device of its own: rng.json and the virtio_rng inmate. */
#define ARCH_DEVICE_CELL		1
/* The debug console axvm-ctl config create finds. */
#define ARCH_CREATED_DEBUG_CONSOLE	"\"debug_console\": { \"type\": \"sbi\" }"

/* f0-f31 and fcsr (a rounding mode and flags) of the calling hart to a pattern. */
static inline void arch_dirty_fp(void)
{
	asm volatile("li t0, 0x5a5a\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "fmv.d.x f\\n, t0\n\t"
		     ".endr\n\t"
		     "li t0, 0x3f\n\tcsrw fcsr, t0"
		     : : : "t0", "memory");
}

#endif /* AXVM_SELFTEST_ARCH_FACTS_H */
