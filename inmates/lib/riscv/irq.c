// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts for inmates on riscv64: the local ones (timer, software) in
 * sie/sip, external ones through the PLIC's S-mode context of the calling
 * hart. In a cell the hypervisor emulates the PLIC and lets the cell
 * reach only its own sources and harts; alone on the machine it is the
 * real one. QEMU virt's layout: two contexts per hart, M then S.
 */
#include <inmate.h>

#define PLIC_BASE		0x0c000000ul
#define PLIC_ENABLE(ctx)	(PLIC_BASE + 0x2000ul + (ctx) * 0x80ul)
#define PLIC_THRESHOLD(ctx)	(PLIC_BASE + 0x200000ul + (ctx) * 0x1000ul)
#define PLIC_CLAIM(ctx)		(PLIC_THRESHOLD(ctx) + 4)
#define SIP_SSIP		(1ul << IPI_IRQ)

static volatile u32 *reg32(unsigned long addr)
{
	return (volatile u32 *)addr;
}

static unsigned long my_context(void)
{
	return cpu_hw_id() * 2 + 1;
}

void irq_init(void)
{
	*reg32(PLIC_THRESHOLD(my_context())) = 0;
}

/* A local interrupt: IPI_IRQ, TIMER_IRQ. */
void irq_enable_private(unsigned int irq)
{
	asm volatile("csrs sie, %0" : : "r"(1ul << irq) : "memory");
}

/* PLIC_IRQ(n): source n at this hart's context, and the PLIC's line. */
void irq_enable_shared(unsigned int irq)
{
	irq -= PLIC_IRQ(0);
	*reg32(PLIC_BASE + 4ul * irq) = 1;	/* priority */
	*reg32(PLIC_ENABLE(my_context()) + 4 * (irq / 32)) |= 1u << (irq % 32);
	irq_enable_private(EXTERNAL_IRQ);
}

void irq_enable_ipis(void)
{
	irq_enable_private(IPI_IRQ);
}

/*
 * The interrupt being taken is the trap's cause (scause), not what sip
 * shows: a VS-mode sip need not reflect Sstc's timer (QEMU 7.2's does not).
 */
unsigned int irq_ack(void)
{
	unsigned long cause;
	u32 source;

	asm volatile("csrr %0, scause" : "=r"(cause));
	if (!(cause >> 63))
		return IRQ_NONE;
	cause &= 0xff;
	/*
	 * An IPI is a pending bit, not a message: cleared now, before the
	 * handler runs, so that one sent meanwhile (the sender may react to
	 * what the handler does) stays pending instead of being cleared with
	 * it at the end. Clearing it in irq_eoi() lost such IPIs.
	 */
	if (cause == IPI_IRQ)
		asm volatile("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	if (cause != EXTERNAL_IRQ)
		return (unsigned int)cause;
	source = *reg32(PLIC_CLAIM(my_context()));
	return source ? PLIC_IRQ(source) : IRQ_NONE;
}

void irq_eoi(unsigned int irq)
{
	if (irq >= 16)
		*reg32(PLIC_CLAIM(my_context())) = irq - 16;
	/*
	 * IPI_IRQ: irq_ack() cleared it. TIMER_IRQ: the handler's next
	 * timer_arm() or timer_stop() ends it.
	 */
}
