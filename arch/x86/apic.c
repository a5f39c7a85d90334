// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC on x86-64 (asm/apic.h). The root's accesses to its
 * xAPIC page trap (the page is not in its nested table): every register
 * reads and writes through to the real one but the interrupt command
 * register, whose IPIs the firmware sends itself. INIT and SIPI are
 * emulated: an INIT parks the target in the firmware, a SIPI starts it in
 * real mode at the vector's page, as the hardware would; the real ones
 * would reset a CPU out of the hypervisor.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/apic.h>
#include <asm/guest.h>
#include <asm/mmio_decode.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

/* How long a SIPI waits for its INIT's target to park: 100 ms. */
#define SIPI_WAIT_DIVISOR	10
#define ISR_WORDS		8

static volatile u32 *reg_at(unsigned int reg)
{
	return (volatile u32 *)(uintptr_t)
		(system_config->system.platform.arch.ioapic.lapic_base + reg);
}

u32 apic_read(unsigned int reg)
{
	return *reg_at(reg);
}

void apic_write(unsigned int reg, u32 value)
{
	*reg_at(reg) = value;
}

static void wait_icr_idle(void)
{
	while (apic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		cpu_relax();
}

static void send_ipi(u32 high, u32 low)
{
	wait_icr_idle();
	apic_write(APIC_ICR_HIGH, high);
	apic_write(APIC_ICR_LOW, low);
}

void apic_send_nmi(u32 apic_id)
{
	send_ipi(apic_id << 24, APIC_DM_NMI << 8 | APIC_ICR_ASSERT);
}

void apic_quiesce(void)
{
	unsigned int reg, word, i;

	for (reg = APIC_LVT_TIMER; reg <= APIC_LVT_ERROR; reg += 0x10)
		apic_write(reg, apic_read(reg) | APIC_LVT_MASKED);
	apic_write(APIC_TIMER_INITIAL, 0);
	apic_write(APIC_TPR, 0);
	/* Interrupts its owner took and never ended. */
	for (i = 0; i < 256; i++) {
		for (word = 0; word < ISR_WORDS; word++)
			if (apic_read(APIC_ISR + word * 0x10))
				break;
		if (word == ISR_WORDS)
			break;
		apic_write(APIC_EOI, 0);
	}
}

/* The CPU of @cell that @apic_id names, not the sender; NULL for any other. */
static struct per_cpu *target_in_cell(struct per_cpu *sender, u32 apic_id)
{
	struct per_cpu *t = cpu_by_hw_id(apic_id);

	return t && t != sender && t->cell == sender->cell ? t : NULL;
}

/* A running target parks (a parked one is as INIT leaves a CPU already). */
static void emulate_init(struct per_cpu *t)
{
	if (__atomic_load_n(&t->power, __ATOMIC_ACQUIRE) != CPU_RUNNING)
		return;
	__atomic_or_fetch(&t->requests, CPU_REQ_PARK, __ATOMIC_RELEASE);
	arch_cpu_kick(t);
}

static bool parked_for_good(struct per_cpu *t)
{
	return __atomic_load_n(&t->power, __ATOMIC_ACQUIRE) == CPU_PARKED &&
	       !(__atomic_load_n(&t->requests, __ATOMIC_ACQUIRE) & CPU_REQ_PARK);
}

/*
 * The vector's page, in real mode, once the INIT before it parked the
 * target and the target saw that request (a start that met a park
 * request still pending would lose: stopping wins in cpu_park()).
 */
static void emulate_sipi(struct per_cpu *sender, struct per_cpu *t, u32 vector)
{
	u64 until = arch_counter() + arch_counter_hz() / SIPI_WAIT_DIVISOR;

	while (!parked_for_good(t) &&
	       __atomic_load_n(&t->power, __ATOMIC_ACQUIRE) != CPU_STARTING &&
	       arch_counter() < until)
		cpu_relax();
	/* A second SIPI finds it started: ignored, as by the hardware. */
	if (cpu_start(t, (u64)vector << 12, 0) && parked_for_good(t))
		printk("CPU %u: SIPI to CPU %u not delivered\n", sender->id, t->id);
}

/*
 * The root's ICR write: INIT and SIPI to one of its own CPUs (physical
 * destination, no shorthand, as Linux sends them) are emulated; any other
 * INIT or SIPI goes nowhere; other IPIs are sent as asked (the root owns
 * every CPU as long as x86-64 has no cells).
 */
static void icr_write(struct per_cpu *cpu, u32 low)
{
	u32 high = cpu->arch.icr_high, mode = APIC_ICR_MODE(low);
	struct per_cpu *t;

	if (mode != APIC_DM_INIT && mode != APIC_DM_STARTUP) {
		send_ipi(high, low);
		return;
	}
	if (APIC_ICR_SHORTHAND(low) || (low & APIC_ICR_LOGICAL))
		return;
	t = target_in_cell(cpu, high >> 24);
	if (!t)
		return;
	if (mode == APIC_DM_INIT && (low & APIC_ICR_ASSERT))
		emulate_init(t);
	else if (mode == APIC_DM_STARTUP)
		emulate_sipi(cpu, t, low & APIC_ICR_VECTOR);
}

static u32 emulated_read(struct per_cpu *cpu, unsigned int reg)
{
	if (reg == APIC_ICR_HIGH)
		return cpu->arch.icr_high;
	return apic_read(reg);
}

static void emulated_write(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	if (reg == APIC_ICR_HIGH)
		cpu->arch.icr_high = value;
	else if (reg == APIC_ICR_LOW)
		icr_write(cpu, value);
	else
		apic_write(reg, value);
}

bool apic_emulate_access(struct per_cpu *cpu, struct guest_regs *regs, u64 offset)
{
	u8 code[MMIO_INSN_MAX];
	struct mmio_insn insn;
	unsigned int got = guest_fetch_insn(cpu, code, sizeof(code));

	if (!got || !mmio_decode(code, got, &insn) || insn.size != 4 ||
	    (offset & 0xf) || offset >= APIC_REG_LIMIT)
		return false;	/* registers are 32 bits, 16-byte aligned */
	if (insn.write)
		emulated_write(cpu, (unsigned int)offset,
			       (u32)(insn.reg == MMIO_REG_IMM ? insn.imm :
				     guest_reg(cpu, regs, insn.reg)));
	else
		guest_reg_set(cpu, regs, insn.reg, 4,
			      emulated_read(cpu, (unsigned int)offset));
	cpu->arch.vmcb->rip += insn.length;
	return true;
}
