// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC on x86-64 (asm/apic.h). Every guest's accesses to its
 * xAPIC page trap (the page is in no nested table): every register reads
 * and writes through to the real one but the interrupt command register,
 * whose IPIs the firmware sends itself, to the sender's cell only, and,
 * for a cell, the registers that say who it is (cell_may_write()). INIT
 * and SIPI are emulated: an INIT parks the target in the firmware, a SIPI
 * starts it in real mode at the vector's page, as the hardware would; the
 * real ones would reset a CPU out of the hypervisor.
 */
#include <axvm/cell.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/apic.h>
#include <asm/guest.h>
#include <asm/mmio_decode.h>
#include <asm/processor.h>
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

/* What host_irq_drain (entry.S) writes to end an interrupt. */
u64 apic_eoi_register;

void apic_global_init(void)
{
	apic_eoi_register = system_config->system.platform.arch.ioapic.lapic_base +
			    APIC_EOI;
}

/* Interrupts the CPU's owner took and never ended. */
static void end_in_service(void)
{
	unsigned int word, i;

	for (i = 0; i < 256; i++) {
		for (word = 0; word < ISR_WORDS; word++)
			if (apic_read(APIC_ISR + word * 0x10))
				break;
		if (word == ISR_WORDS)
			break;
		apic_write(APIC_EOI, 0);
	}
}

/*
 * Requested and not yet taken (IRR): let them in for a moment, in host
 * mode, where each one ends and goes nowhere (entry.S: host_irq_drain);
 * an NMI meanwhile is dropped as at any other time. GIF is clear in the
 * firmware and set again below.
 */
static void drain_requested(void)
{
	unsigned int i;

	asm volatile("stgi\n\tsti" ::: "memory");
	for (i = 0; i < 64; i++)
		cpu_relax();
	asm volatile("cli\n\tclgi" ::: "memory");
}

/*
 * An APIC that is software-disabled (Linux disables it on a CPU it takes
 * offline) holds what it requested and delivers none of it: it is enabled
 * for the drain, and left disabled, as INIT leaves it. NMIs (the kicks)
 * reach it either way.
 */
void apic_quiesce(void)
{
	unsigned int reg;

	apic_write(APIC_SVR, APIC_SVR_ENABLE | APIC_SVR_RESET_VECTOR);

	if (APIC_LVR_MAX_LVT(apic_read(APIC_LVR)) >= APIC_LVT_CMCI_INDEX)
		apic_write(APIC_LVT_CMCI, apic_read(APIC_LVT_CMCI) | APIC_LVT_MASKED);
	for (reg = APIC_LVT_TIMER; reg <= APIC_LVT_ERROR; reg += 0x10)
		apic_write(reg, apic_read(reg) | APIC_LVT_MASKED);
	apic_write(APIC_TIMER_INITIAL, 0);
	apic_write(APIC_TPR, 0);
	apic_write(APIC_LDR, 0);
	apic_write(APIC_DFR, APIC_DFR_FLAT);
	/*
	 * Errors its owner caused (the next sender's IPIs would read as
	 * failed): a write latches them, the next clears them. (QEMU's ESR
	 * ignores writes; no access of a guest's reaches it: apic_register_exists().)
	 */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	end_in_service();
	drain_requested();
	end_in_service();
	apic_write(APIC_SVR, APIC_SVR_RESET_VECTOR);
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
 * request still pending would lose: stopping wins in cpu_park()). A cell
 * that is being stopped starts nothing (as PSCI CPU_ON is denied then).
 */
static void emulate_sipi(struct per_cpu *sender, struct per_cpu *t, u32 vector)
{
	u64 until = arch_counter() + arch_counter_hz() / SIPI_WAIT_DIVISOR;
	struct cell *cell = sender->cell;

	if (cell != &root_cell &&
	    (__atomic_load_n(&cell->stopping, __ATOMIC_ACQUIRE) ||
	     cell->state != AXVM_CELL_STATE_RUNNING))
		return;
	while (!parked_for_good(t) &&
	       __atomic_load_n(&t->power, __ATOMIC_ACQUIRE) != CPU_STARTING &&
	       arch_counter() < until)
		cpu_relax();
	/* A second SIPI finds it started: ignored, as by the hardware. */
	if (cpu_start(t, (u64)vector << 12, 0) && parked_for_good(t))
		printk("CPU %u: SIPI to CPU %u not delivered\n", sender->id, t->id);
}

/*
 * One IPI of @sender's ICR write @low to @t, a CPU of its cell: INIT and
 * SIPI emulated, fixed and NMI sent to @t alone, and only while it runs
 * a guest (a parked CPU would hand it to its next owner).
 */
static void deliver(struct per_cpu *sender, struct per_cpu *t, u32 low)
{
	u32 mode = APIC_ICR_MODE(low);

	if (mode == APIC_DM_INIT || mode == APIC_DM_STARTUP) {
		if (t == sender)
			return;
		if (mode == APIC_DM_STARTUP)
			emulate_sipi(sender, t, low & APIC_ICR_VECTOR);
		else if (low & APIC_ICR_ASSERT)
			emulate_init(t);
		return;
	}
	if (__atomic_load_n(&t->power, __ATOMIC_ACQUIRE) != CPU_RUNNING ||
	    (mode != APIC_DM_NMI && (low & APIC_ICR_VECTOR) < APIC_MIN_VECTOR))
		return;	/* a vector below 16 is an error in the sender's ESR */
	send_ipi(t->arch.apic_id << 24,
		 low & ~(APIC_ICR_LOGICAL | APIC_ICR_SHORTHAND_MASK));
}

/* Each CPU of @sender's cell, itself only if @self. */
static void deliver_to_cell(struct per_cpu *sender, u32 low, bool self)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *t = per_cpu(i);

		if (__atomic_load_n(&t->active, __ATOMIC_ACQUIRE) &&
		    t->cell == sender->cell && (self || t != sender))
			deliver(sender, t, low);
	}
}

/*
 * An ICR write, as the guest's APIC would send it but to the CPUs of the
 * sender's cell only: the shorthands and the physical broadcast become
 * one IPI per CPU of the cell, a physical destination outside it goes
 * nowhere. Logical destinations reach no cell's CPU (their LDR stays 0:
 * apic_quiesce() clears it, cells cannot write it), so the root's are
 * sent as they are and a cell's are dropped. SMI, ExtINT and the
 * reserved modes go nowhere: none is an IPI a guest needs.
 */
static void icr_write(struct per_cpu *cpu, u32 low)
{
	u32 mode = APIC_ICR_MODE(low), dest = cpu->arch.icr_high >> 24;
	struct per_cpu *t;

	if (mode != APIC_DM_FIXED && mode != APIC_DM_LOWEST && mode != APIC_DM_NMI &&
	    mode != APIC_DM_INIT && mode != APIC_DM_STARTUP)
		return;
	switch (APIC_ICR_SHORTHAND(low)) {
	case APIC_SH_SELF:
		deliver(cpu, cpu, low);
		return;
	case APIC_SH_ALL:
		deliver_to_cell(cpu, low, true);
		return;
	case APIC_SH_OTHERS:
		deliver_to_cell(cpu, low, false);
		return;
	}
	if (low & APIC_ICR_LOGICAL) {
		if (cpu->cell == &root_cell && mode != APIC_DM_INIT &&
		    mode != APIC_DM_STARTUP)
			send_ipi(cpu->arch.icr_high, low);
		return;
	}
	if (dest == APIC_BROADCAST) {
		deliver_to_cell(cpu, low, true);
		return;
	}
	t = cpu_by_hw_id(dest);
	if (t && t->cell == cpu->cell)
		deliver(cpu, t, low);
}

/*
 * The registers an xAPIC has. Any other offset is reserved: reading or
 * writing one sets the error register's illegal-address bit, which
 * QEMU's APIC never clears (its ESR ignores writes) and which Linux then
 * takes for every INIT and SIPI it sends as a delivery error. So a guest's
 * access to one is answered here (reads 0, writes dropped), never
 * performed.
 */
static bool apic_register_exists(unsigned int reg)
{
	switch (reg) {
	case APIC_ID: case APIC_LVR: case APIC_TPR: case APIC_APR: case APIC_PPR:
	case APIC_EOI: case APIC_LDR: case APIC_DFR: case APIC_SVR: case APIC_ESR:
	case APIC_ICR_LOW: case APIC_ICR_HIGH: case APIC_TIMER_INITIAL:
	case APIC_TIMER_CURRENT: case APIC_TIMER_DIVIDE:
		return true;
	case APIC_LVT_CMCI:
		return APIC_LVR_MAX_LVT(apic_read(APIC_LVR)) >= APIC_LVT_CMCI_INDEX;
	default:
		return (reg >= APIC_ISR && reg < APIC_ESR) ||	/* ISR, TMR, IRR */
		       (reg >= APIC_LVT_TIMER && reg <= APIC_LVT_ERROR);
	}
}

static u32 emulated_read(struct per_cpu *cpu, unsigned int reg)
{
	if (reg == APIC_ICR_HIGH)
		return cpu->arch.icr_high;
	return apic_register_exists(reg) ? apic_read(reg) : 0;
}

/*
 * A cell keeps its APIC ID and logical destination as the firmware left
 * them (nothing of the root's may be addressed to it), and its local
 * interrupts deliver as fixed vectors (no SMI, NMI or ExtINT of its own
 * making).
 */
static bool cell_may_write(unsigned int reg, u32 *value)
{
	switch (reg) {
	case APIC_ID:
	case APIC_LDR:
	case APIC_DFR:
		return false;
	case APIC_LVT_CMCI:
	case APIC_LVT_THERMAL:
	case APIC_LVT_PERF:
	case APIC_LVT_LINT0:
	case APIC_LVT_LINT1:
	case APIC_LVT_ERROR:
		*value &= ~APIC_LVT_DELIVERY_MASK;
		return true;
	default:
		return true;
	}
}

static void emulated_write(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	if (reg == APIC_ICR_HIGH)
		cpu->arch.icr_high = value;
	else if (reg == APIC_ICR_LOW)
		icr_write(cpu, value);
	else if (apic_register_exists(reg) &&
		 (cpu->cell == &root_cell || cell_may_write(reg, &value)))
		apic_write(reg, value);
}

bool apic_emulate_access(struct per_cpu *cpu, struct guest_regs *regs, u64 offset)
{
	struct mmio_insn insn;
	u32 value = 0;

	if ((offset & 0xf) || offset >= APIC_REG_LIMIT ||
	    !guest_access32_decode(cpu, regs, &insn, &value))
		return false;	/* registers are 32 bits, 16-byte aligned */
	if (insn.write)
		emulated_write(cpu, (unsigned int)offset, value);
	else
		value = emulated_read(cpu, (unsigned int)offset);
	guest_access32_done(cpu, regs, &insn, value);
	return true;
}
