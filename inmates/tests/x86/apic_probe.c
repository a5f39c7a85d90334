// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU calls of x86-64 from inside a cell act on the cell's own CPUs
 * only: the hypervisor's CPU state call refuses every other CPU, and
 * INIT, SIPI and NMI sent through the local APIC to them, one by one and
 * as "all but me", reach none of them (the root and the other cells go on:
 * the test looks). An IPI to itself arrives; inmate_exit() then ends the
 * cell, not the machine. (psci_probe and sbi_probe are its counterparts.)
 */
#include <axvm/errno.h>
#include <axvm/hypercall.h>
#include <inmate.h>

/* QEMU pc's CPUs: APIC IDs 0-3. */
#define MACHINE_CPUS		4
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_ICR_ASSERT		(1u << 14)
#define APIC_DM_NMI		(4u << 8)
#define APIC_DM_INIT		(5u << 8)
#define APIC_DM_STARTUP		(6u << 8)
#define APIC_SH_SELF		(1u << 18)
#define APIC_SH_OTHERS		(3u << 18)

static volatile unsigned int self_ipis;

static void on_irq(void)
{
	unsigned int irq = irq_ack();

	if (irq == IPI_IRQ)
		self_ipis++;
	if (irq_valid(irq))
		irq_eoi(irq);
}

static void icr(u32 dest, u32 low)
{
	lapic_write(APIC_ICR_HIGH, dest << 24);
	lapic_write(APIC_ICR_LOW, low);
}

/* The state call refuses @cpu, and the APIC's INIT, SIPI and NMI go out to it. */
static bool foreign_cpu_refused(u64 cpu)
{
	long state = hypercall(AXVM_HC_CPU_GET_STATE, cpu, 0);

	icr((u32)cpu, APIC_DM_INIT | APIC_ICR_ASSERT);
	icr((u32)cpu, APIC_DM_STARTUP | APIC_ICR_ASSERT | (INMATE_LOAD_ADDRESS >> 12));
	icr((u32)cpu, APIC_DM_NMI | APIC_ICR_ASSERT);
	printk("apic: CPU %llu: CPU_GET_STATE %ld; INIT, SIPI and NMI sent\n",
	       (unsigned long long)cpu, state);
	return state == -EINVAL;
}

void inmate_main(void)
{
	long self = hypercall(AXVM_HC_CPU_GET_STATE, cpu_hw_id(), 0);
	bool ok = self == AXVM_CPU_STATE_ON;

	printk("apic: own CPU %llu state %ld\n", (unsigned long long)cpu_hw_id(), self);
	for (u64 cpu = 0; cpu < MACHINE_CPUS; cpu++)
		if (cpu != cpu_hw_id() && !foreign_cpu_refused(cpu))
			ok = false;
	icr(0, APIC_SH_OTHERS | APIC_DM_INIT | APIC_ICR_ASSERT);
	icr(0, APIC_SH_OTHERS | APIC_DM_NMI | APIC_ICR_ASSERT);
	icr(0xff, APIC_DM_INIT | APIC_ICR_ASSERT);	/* the physical broadcast */

	irq_handler = on_irq;
	irq_init();
	irq_enable();
	icr(0, APIC_SH_SELF | APIC_ICR_ASSERT | IPI_IRQ);
	for (unsigned int i = 0; i < 1000000 && !self_ipis; i++)
		asm volatile("pause");
	irq_disable();
	printk("apic: INIT and NMI to all others and the broadcast sent; self-IPIs taken %u\n",
	       self_ipis);
	test_verdict(ok && self_ipis == 1);
	/* inmate_exit(): the hypercall that ends this cell alone. */
}
