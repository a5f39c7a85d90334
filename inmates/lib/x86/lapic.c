// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts and the timer of an x86-64 inmate: the local APIC (xAPIC,
 * its register page; in a cell every access to it traps and the
 * hypervisor performs it), its one-shot timer calibrated against the TSC,
 * which is the inmate's counter, and the IOAPIC's pins.
 *
 * The TSC's frequency comes from the hypervisor's CPUID leaf in a cell
 * (as Linux measured it) and from the PIT alone on the machine (a cell
 * has no I/O ports).
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <inmate.h>

#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_SVR_ENABLE		0x100
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_ICR_BUSY		(1u << 12)
#define APIC_ICR_ASSERT		(1u << 14)
#define APIC_DM_INIT		(5u << 8)
#define APIC_DM_STARTUP		(6u << 8)
#define APIC_SH_OTHERS		(3u << 18)
#define APIC_LVT_TIMER		0x320
#define APIC_LVT_MASKED		(1u << 16)
#define APIC_TIMER_INITIAL	0x380
#define APIC_TIMER_CURRENT	0x390
#define APIC_TIMER_DIVIDE	0x3e0
#define APIC_DIVIDE_BY_1	0xb
#define APIC_TPR		0x080

#define IOAPIC_INDEX		0x00
#define IOAPIC_DATA		0x10
#define IOAPIC_REDIRECTION(pin)	(0x10 + 2 * (pin))

#define PIC1_DATA		0x21
#define PIC2_DATA		0xa1
#define PIT_CH2			0x42
#define PIT_MODE		0x43
#define PIT_GATE		0x61
#define PIT_GATE_ON		0x01
#define PIT_SPEAKER		0x02
#define PIT_OUT2		0x20
#define PIT_HZ			1193182ul
#define PIT_CALIBRATION_COUNT	11932u	/* 10 ms */
#define CALIBRATION_DIVISOR	100	/* of the TSC's second: 10 ms */

static u64 tsc_hz;
/* APIC timer counts per TSC tick, as a 32.32 fixed-point number. */
static u64 apic_per_tsc;

u32 lapic_read(unsigned int reg)
{
	return mmio_read32(LAPIC_BASE + reg);
}

void lapic_write(unsigned int reg, u32 value)
{
	mmio_write32(LAPIC_BASE + reg, value);
}

/* The PIT's channel 2 counts 10 ms down while the TSC runs. */
static u64 tsc_hz_from_pit(void)
{
	u64 t0, t1;

	outb(PIT_GATE, (u8)((inb(PIT_GATE) & ~PIT_SPEAKER) | PIT_GATE_ON));
	outb(PIT_MODE, 0xb0);	/* channel 2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2, (u8)PIT_CALIBRATION_COUNT);
	outb(PIT_CH2, (u8)(PIT_CALIBRATION_COUNT >> 8));
	t0 = rdtsc();
	while (!(inb(PIT_GATE) & PIT_OUT2))
		;
	t1 = rdtsc();
	return (t1 - t0) * PIT_HZ / PIT_CALIBRATION_COUNT;
}

u64 timer_frequency(void)
{
	if (!tsc_hz)
		tsc_hz = in_cell() ? cpuid(AXVM_X86_64_CPUID_INFO, 0).eax * 1000ull :
				     tsc_hz_from_pit();
	return tsc_hz;
}

u64 timer_ticks(void)
{
	return rdtsc();
}

/* How fast the APIC timer counts against the TSC, over 10 ms of it. */
static void calibrate_apic_timer(void)
{
	u64 span = timer_frequency() / CALIBRATION_DIVISOR, t0;
	u32 counted;

	lapic_write(APIC_TIMER_DIVIDE, APIC_DIVIDE_BY_1);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | TIMER_IRQ);
	lapic_write(APIC_TIMER_INITIAL, 0xffffffffu);
	t0 = rdtsc();
	while (rdtsc() - t0 < span)
		;
	counted = 0xffffffffu - lapic_read(APIC_TIMER_CURRENT);
	lapic_write(APIC_TIMER_INITIAL, 0);
	apic_per_tsc = ((u64)counted << 32) / span;
}

void irq_init(void)
{
	/*
	 * Alone on the machine the BIOS left the 8259 PICs on, in vectors
	 * that are exceptions in protected mode: all their lines masked.
	 */
	if (!in_cell()) {
		outb(PIC1_DATA, 0xff);
		outb(PIC2_DATA, 0xff);
	}
	lapic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_IRQ);
	lapic_write(APIC_TPR, 0);
	if (!apic_per_tsc)
		calibrate_apic_timer();
}

void irq_enable_private(unsigned int irq)
{
	if (irq == TIMER_IRQ)
		lapic_write(APIC_LVT_TIMER, TIMER_IRQ);	/* one-shot */
}

/* Fixed IPIs always reach an enabled APIC. */
void irq_enable_ipis(void)
{
}

/* An IOAPIC pin, edge-triggered, to the calling CPU's APIC ID. */
void irq_enable_shared(unsigned int irq)
{
	unsigned int pin = irq - IOAPIC_IRQ(0);

	mmio_write32(IOAPIC_BASE + IOAPIC_INDEX, IOAPIC_REDIRECTION(pin) + 1);
	mmio_write32(IOAPIC_BASE + IOAPIC_DATA, (u32)cpu_hw_id() << 24);
	mmio_write32(IOAPIC_BASE + IOAPIC_INDEX, IOAPIC_REDIRECTION(pin));
	mmio_write32(IOAPIC_BASE + IOAPIC_DATA, irq);
}

void timer_arm(u64 deadline)
{
	u64 now = rdtsc(), delta = deadline > now ? deadline - now : 1;
	unsigned __int128 counts = ((unsigned __int128)delta * apic_per_tsc) >> 32;

	lapic_write(APIC_TIMER_INITIAL, counts == 0 ? 1 :
			counts > 0xffffffffu ? 0xffffffffu : (u32)counts);
}

void timer_stop(void)
{
	lapic_write(APIC_TIMER_INITIAL, 0);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | TIMER_IRQ);
}

unsigned int irq_ack(void)
{
	unsigned int irq = irq_current;

	irq_current = IRQ_NONE;
	return irq;
}

void irq_eoi(unsigned int irq)
{
	(void)irq;
	lapic_write(APIC_EOI, 0);
}

static void send(u32 dest, u32 low)
{
	while (lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		;
	lapic_write(APIC_ICR_HIGH, dest << 24);
	lapic_write(APIC_ICR_LOW, low);
}

void ipi_send(u64 hw_id)
{
	send((u32)hw_id, APIC_ICR_ASSERT | IPI_IRQ);
}

void ipi_broadcast(void)
{
	send(0, APIC_SH_OTHERS | APIC_ICR_ASSERT | IPI_IRQ);
}

void lapic_send_init_sipi(u32 hw_id, u8 vector)
{
	send(hw_id, APIC_DM_INIT | APIC_ICR_ASSERT);
	send(hw_id, APIC_DM_STARTUP | APIC_ICR_ASSERT | vector);
}
