/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the common selftests need to know of arm64 that no config says:
 * how Linux reports an access the hypervisor refused, the names Linux and
 * axvm-ctl give the arch's parts, the arch's firmware calls and FP
 * registers.
 */
#ifndef AXVM_SELFTEST_ARCH_FACTS_H
#define AXVM_SELFTEST_ARCH_FACTS_H

#include <signal.h>
#include <stdio.h>

#include <axvm/config.h>

/* An access the hypervisor refuses becomes an abort: Linux sends SIGBUS. */
#define ARCH_FAULT_SIGNAL	SIGBUS
/* /proc/interrupts: the root's timer and the RTC (PL031) it alarms with. */
#define ARCH_TIMER_IRQ_NAME	"arch_timer"
#define ARCH_RTC_IRQ_NAME	"rtc-pl031"
/* The sysfs counter of the CPU power calls (PSCI) a CPU made. */
#define ARCH_CPU_POWER_EXITS	"exits_psci"
/* The inmate that calls the firmware (PSCI) on CPUs of other cells. */
#define ARCH_FIRMWARE_PROBE	"psci_probe"
/* How far MemFree swings over 50 rounds of a CPU offline and online. */
/* Whether the driver refuses, with EBUSY, a CPU that was offline at enable. */
#define ARCH_OFFLINE_AT_ENABLE_REFUSED	0
#define ARCH_MEMFREE_SWING_KIB	4096

/*
 * The driver's refusals that name the arch's parts. A system config's GIC
 * elsewhere (wrong_irqchip.json): the field and frame named.
 */
#define ARCH_IRQCHIP_FIELD	"platform.gic.distributor"
static inline __u64 arch_irqchip_frame(const struct axvm_platform *p, __u64 *size)
{
	*size = 0x10000;	/* GICD: 64 KiB */
	return p->arch.gicv3.gicd_base;
}
/* What the driver says of an interrupt controller the device tree does not have. */
static inline void arch_irqchip_not_found(const struct axvm_platform *p, char *text,
					  size_t size)
{
	__u64 frame_size, base = arch_irqchip_frame(p, &frame_size);

	snprintf(text, size, "%s 0x%llx+0x%llx is not the device tree's", ARCH_IRQCHIP_FIELD,
		 (unsigned long long)base, (unsigned long long)frame_size);
}
/* A cell asking for the PL011: the root's console is the hypervisor's too. */
#define ARCH_UART_REFUSAL	"covers the hypervisor's debug console"
/* The interrupt controller's frame no cell may map (its.json): the ITS. */
#define ARCH_IRQCHIP_FRAME_CONFIG	"its"
#define ARCH_IRQCHIP_FRAME_REFUSAL	"covers the GIC ITS"

/* axvm-ctl hardware check's items of the arch, with root.json... */
#define ARCH_HARDWARE_OK { "ok    booted at EL2", "ok    KVM keeps out of EL2",		\
	"ok    GICv3 interrupt controller", "ok    config: GIC addresses",		\
	"/intc@8000000: distributor 0x8000000, redistributors 0x80a0000 (15744 KiB, 1 region), ITS 0x8080000" }
/* ...and with wrong_irqchip.json. */
#define ARCH_HARDWARE_IRQCHIP_FAIL { "FAIL  config: GIC addresses",			\
	"config: distributor 0x8010000, redistributors 0x80a0000, ITS 0x8080000; device tree: 0x8000000, 0x80a0000, 0x8080000" }
/* What hardware check says of the RAM Linux was kept from (mem=768M of 1G). */
#define ARCH_RAM_KEPT_FROM_LINUX	"256 MiB of RAM that Linux does not use"
/* Cells run on this arch. */
/* How long destroy may take, Linux's bring-up of the CPU it gets back included. */
#define ARCH_DESTROY_MAX_NS	300000000ull
#define ARCH_CELLS			1
/* A cell with a device of its own: rng.json and the virtio_rng inmate. */
#define ARCH_DEVICE_CELL		1
/* The debug console axvm-ctl config create finds. */
#define ARCH_CREATED_DEBUG_CONSOLE \
	"\"debug_console\": { \"type\": \"pl011\", \"address\": \"0x9000000\" }"

/* v0-v31 and FPCR of the calling CPU to a pattern. */
static inline void arch_dirty_fp(void)
{
	asm volatile("mov x9, #0x5a5a\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "dup v\\n\\().2d, x9\n\t"
		     ".endr\n\t"
		     "mov x9, #0x400000\n\tmsr fpcr, x9"
		     : : : "x9", "memory");
}

#endif /* AXVM_SELFTEST_ARCH_FACTS_H */
