// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 for inmates: the calling CPU's redistributor and CPU interface,
 * enough to take private interrupts (the virtual timer) and SGIs, and the
 * distributor's routing of a shared interrupt. Works the same in a cell
 * (the hypervisor passes the CPU's redistributor through and filters the
 * rest) and alone on the machine (where nothing set the GIC up before us).
 */
#include <inmate.h>

#define GICD_BASE		0x08000000ul	/* QEMU virt */
#define GICR_BASE		0x080a0000ul
#define GICR_FRAME		0x20000ul
#define GICD_CTLR		0x0000
#define GICD_CTLR_ARE_NS	(1u << 4)
#define GICD_CTLR_GRP1		(1u << 1)
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_IPRIORITYR		0x0400
#define GICD_IROUTER		0x6000
#define GICR_WAKER		0x0014
#define GICR_WAKER_SLEEP	(1u << 1)
#define GICR_WAKER_ASLEEP	(1u << 2)
#define GICR_SGI		0x10000
#define GICR_IGROUPR0		(GICR_SGI + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI + 0x0100)
#define GICR_IPRIORITYR		(GICR_SGI + 0x0400)

static volatile u32 *reg32(unsigned long addr)
{
	return (volatile u32 *)addr;
}

static unsigned long my_redistributor(void)
{
	return GICR_BASE + (cpu_hw_id() & 0xff) * GICR_FRAME;
}

void irq_init(void)
{
	unsigned long rd = my_redistributor();
	u64 sre;

	/* Alone on the machine, nobody enabled Group 1 (a cell ignores it). */
	*reg32(GICD_BASE + GICD_CTLR) |= GICD_CTLR_ARE_NS | GICD_CTLR_GRP1;
	*reg32(rd + GICR_WAKER) &= ~GICR_WAKER_SLEEP;
	while (*reg32(rd + GICR_WAKER) & GICR_WAKER_ASLEEP)
		;
	asm volatile("mrs %0, s3_0_c12_c12_5" : "=r"(sre));	/* ICC_SRE_EL1 */
	asm volatile("msr s3_0_c12_c12_5, %0\n\tisb" : : "r"(sre | 1));
	asm volatile("msr s3_0_c4_c6_0, %0" : : "r"(0xffull));	/* ICC_PMR_EL1 */
	asm volatile("msr s3_0_c12_c12_4, %0" : : "r"(0ull));	/* CTLR: EOImode 0 */
	asm volatile("msr s3_0_c12_c12_7, %0\n\tisb" : : "r"(1ull));	/* IGRPEN1 */
}

void irq_enable_private(unsigned int intid)
{
	unsigned long rd = my_redistributor();

	*reg32(rd + GICR_IGROUPR0) |= 1u << intid;
	*(volatile u8 *)(rd + GICR_IPRIORITYR + intid) = 0xa0;
	*reg32(rd + GICR_ISENABLER0) = 1u << intid;
}

void irq_enable_ipis(void)
{
	for (unsigned int sgi = 0; sgi < 15; sgi++)
		irq_enable_private(sgi);
}

void irq_enable_shared(unsigned int intid)
{
	*(volatile u64 *)(GICD_BASE + GICD_IROUTER + 8ul * intid) = cpu_hw_id();
	*(volatile u8 *)(GICD_BASE + GICD_IPRIORITYR + intid) = 0xa0;
	*reg32(GICD_BASE + GICD_IGROUPR + 4 * (intid / 32)) |= 1u << (intid % 32);
	*reg32(GICD_BASE + GICD_ISENABLER + 4 * (intid / 32)) = 1u << (intid % 32);
}

/* ICC_SGI1R_EL1: the SGI's INTID, then its targets. */
static void send_sgi(u64 targets)
{
	asm volatile("msr s3_0_c12_c11_5, %0\n\tisb" : : "r"(((u64)IPI_IRQ << 24) | targets));
}

/* Aff1, and Aff0 as a bit of the target list (QEMU virt: Aff0 < 16). */
void ipi_send(u64 mpidr)
{
	send_sgi((((mpidr >> 8) & 0xff) << 16) | (1ull << (mpidr & 0xf)));
}

void ipi_broadcast(void)
{
	send_sgi(1ull << 40);	/* IRM: every CPU but the sender */
}

unsigned int irq_ack(void)
{
	u64 intid;

	asm volatile("mrs %0, s3_0_c12_c12_0" : "=r"(intid));	/* ICC_IAR1_EL1 */
	asm volatile("isb" ::: "memory");
	return (unsigned int)(intid & 0xffffff);
}

void irq_eoi(unsigned int intid)
{
	asm volatile("msr s3_0_c12_c12_1, %0" : : "r"((u64)intid));	/* EOIR1 */
}
