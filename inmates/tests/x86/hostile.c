// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell on x86-64: everything a cell can reach of its local APIC,
 * the IOAPIC, the MSRs, the SVM instructions and the hypercalls, with values meant to
 * hurt the root or to outlive the cell. Then it leaves its own CPU as dirty
 * as it can (an interrupt in service and never ended, a fast periodic timer
 * held pending behind TPR 0xff, XCR0 cut down to x87, FP and SSE registers
 * and DR0-DR3 full of a pattern) and spins. The selftest
 * (tests/selftests/x86/hostile_test.c) checks that the root saw none of it
 * and that destroy cleans it all up, quickly.
 *
 * Port I/O is left out: any port fails the cell (probe tests cover
 * failing); everything here must be survived.
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <inmate.h>

#define CPUS			4	/* QEMU pc: APIC IDs 0-3 */
#define APIC_EOI		0x0b0
#define APIC_TPR		0x080
#define APIC_LDR		0x0d0
#define APIC_SVR		0x0f0
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_LVT_TIMER		0x320
#define APIC_TIMER_INITIAL	0x380
#define APIC_TIMER_DIVIDE	0x3e0
#define APIC_LVT_PERIODIC	(1u << 17)
#define APIC_ICR_LOGICAL	(1u << 11)
#define APIC_ICR_ASSERT		(1u << 14)
#define APIC_REG_LIMIT		0x400
#define IN_SERVICE_VECTOR	0x60
#define PENDING_VECTOR		0x50
#define PROBE_VECTOR		0x40
#define X86_TRAP_NMI		2
#define X86_TRAP_UD		6
#define X86_TRAP_GP		13
#define CR4_OSFXSR		(1ul << 9)
#define CR4_OSXSAVE		(1ul << 18)
#define CPUID_XSAVE		(1u << 26)	/* leaf 1, ECX */
#define RANDOM_CALLS		2000
#define IOAPIC_INDEX		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_PINS		24	/* QEMU pc's */
#define OWN_PINS_FIRST		20	/* hostile.json's: 20-21 */
#define OWN_PINS_LAST		21
#define ENTRY_MASKED		(1u << 16)

static volatile unsigned int gp_faults, ud_faults, nmis, probe_irqs, other_irqs;
static volatile bool hold_in_service;
/*
 * #GP and #UD step over the faulting instruction, whose length the caller
 * left in rax (every probe below is a single instruction at a label); an
 * NMI is counted.
 */
static u64 fault_skip;
static bool survive(struct trap_frame *f)
{
	if (f->vector == X86_TRAP_NMI) {
		nmis++;
		return true;
	}
	if (f->vector != X86_TRAP_GP && f->vector != X86_TRAP_UD)
		return false;
	if (f->vector == X86_TRAP_GP)
		gp_faults++;
	else
		ud_faults++;
	f->rip += fault_skip;
	return true;
}

static void on_irq(void)
{
	unsigned int irq = irq_ack();

	if (irq == PROBE_VECTOR)
		probe_irqs++;
	else if (irq_valid(irq))
		other_irqs++;
	if (irq == IN_SERVICE_VECTOR && hold_in_service)
		return;	/* never ended: its ISR bit stays */
	if (irq_valid(irq))
		irq_eoi(irq);
}

static void wrmsr_probe(u32 msr, u64 value)
{
	fault_skip = 2;
	asm volatile("wrmsr" : : "c"(msr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
}

static u64 rdmsr_probe(u32 msr)
{
	u32 lo = 0, hi = 0;

	fault_skip = 2;
	asm volatile("rdmsr" : "+a"(lo), "+d"(hi) : "c"(msr) : "memory");
	return ((u64)hi << 32) | lo;
}

/*
 * MSRs that would reach beyond the cell: SVM's own, the APIC's base and
 * x2APIC, the TSC, caching (MTRRs), the platform (SYSCFG, HWCR, SMM,
 * microcode, machine checks), performance counters, speculation controls.
 */
static const u32 forbidden_msrs[] = {
	0xc0010114, 0xc0010117, 0x1b, 0x830, 0x802, 0x10, 0xc0000103, 0x2ff,
	0x200, 0x201, 0x250, 0xc0010010, 0xc0010015, 0xc0010111, 0xc0010112,
	0xc0010020, 0x3a, 0x1a0, 0x400, 0x401, 0xc0010000, 0xc0010004, 0x48,
	0x49, 0x10b, 0x1d9, 0xc0011020,
};

static void msrs(void)
{
	unsigned int i, before = gp_faults;

	for (i = 0; i < ARRAY_SIZE(forbidden_msrs); i++) {
		wrmsr_probe(forbidden_msrs[i], ~0ull);
		wrmsr_probe(forbidden_msrs[i], 0);
	}
	printk("hostile: %u MSR writes, %u refused (#GP)\n",
	       (unsigned int)(2 * ARRAY_SIZE(forbidden_msrs)), gp_faults - before);
	before = gp_faults;
	for (i = 0; i < ARRAY_SIZE(forbidden_msrs); i++)
		(void)rdmsr_probe(forbidden_msrs[i]);
	printk("hostile: %u MSR reads, %u refused (#GP), the APIC base read as 0x%llx\n",
	       (unsigned int)ARRAY_SIZE(forbidden_msrs), gp_faults - before,
	       (unsigned long long)rdmsr_probe(0x1b));
}

/* The SVM instructions, with a hypervisor-ish address: each #UD. */
static void svm_instructions(void)
{
	unsigned int before = ud_faults;
	u64 address = 0x30000000;	/* the reference platform's hypervisor memory */

	fault_skip = 3;
	asm volatile("vmrun" : : "a"(address) : "memory");
	asm volatile("vmload" : : "a"(address) : "memory");
	asm volatile("vmsave" : : "a"(address) : "memory");
	asm volatile("stgi" ::: "memory");
	asm volatile("clgi" ::: "memory");
	asm volatile("skinit" : : "a"(address) : "memory");
	asm volatile("invlpga" : : "a"(address), "c"(0) : "memory");
	printk("hostile: SVM instructions: %u of 7 undefined\n", ud_faults - before);
	asm volatile("invd\n\twbinvd" ::: "memory");
}

/*
 * Every APIC register to all ones (the ICR apart), then every kind of
 * IPI at every CPU: INIT, SIPI, NMI, SMI, ExtINT, fixed; physical, logical
 * and each shorthand. Only its own fixed self-IPIs may arrive.
 */
static void apic(void)
{
	unsigned int reg, mode, sh, dest, sent = 0;

	for (reg = 0x20; reg < APIC_REG_LIMIT; reg += 0x10)
		if (reg != APIC_ICR_LOW && reg != APIC_ICR_HIGH && reg != APIC_EOI)
			lapic_write(reg, 0xffffffffu);
	irq_init();	/* its own APIC usable again for what follows */
	lapic_write(APIC_TPR, 0);
	irq_enable();
	for (mode = 0; mode < 8; mode++)
		for (sh = 0; sh < 4; sh++)
			for (dest = 0; dest <= CPUS; dest++) {
				u32 d = dest == CPUS ? 0xff : dest;

				lapic_write(APIC_ICR_HIGH, d << 24);
				lapic_write(APIC_ICR_LOW, mode << 8 | sh << 18 |
					    APIC_ICR_ASSERT | PROBE_VECTOR);
				lapic_write(APIC_ICR_HIGH, 0xffu << 24);
				lapic_write(APIC_ICR_LOW, mode << 8 | sh << 18 |
					    APIC_ICR_LOGICAL | APIC_ICR_ASSERT | PROBE_VECTOR);
				sent += 2;
			}
	for (unsigned int i = 0; i < 100000; i++)
		asm volatile("pause");
	printk("hostile: %u IPIs sent; its own took %u fixed, %u NMIs, %u others\n",
	       sent, probe_irqs, nmis, other_irqs);
}

static u32 ioapic_read(unsigned int reg)
{
	mmio_write32(IOAPIC_BASE + IOAPIC_INDEX, reg);
	return mmio_read32(IOAPIC_BASE + IOAPIC_WINDOW);
}

static void ioapic_write(unsigned int reg, u32 value)
{
	mmio_write32(IOAPIC_BASE + IOAPIC_INDEX, reg);
	mmio_write32(IOAPIC_BASE + IOAPIC_WINDOW, value);
}

/*
 * Every redirection entry to NMI, logical, broadcast and unmasked, and the
 * IOAPIC's ID and arbitration too; then what it reads back: its own pins
 * as written (fixed and physical to itself: the hypervisor's rewrite),
 * every other one as masked and empty.
 */
static void ioapic(void)
{
	unsigned int pin, outside = 0;
	u32 own_low = 0, own_high = 0;

	ioapic_write(0, 0xffffffffu);
	ioapic_write(2, 0xffffffffu);
	for (pin = 0; pin < IOAPIC_PINS; pin++) {
		ioapic_write(0x10 + 2 * pin + 1, 0xffu << 24);
		ioapic_write(0x10 + 2 * pin, (4u << 8) | (1u << 11) | 0x41);
	}
	for (pin = 0; pin < IOAPIC_PINS; pin++) {
		u32 low = ioapic_read(0x10 + 2 * pin), high = ioapic_read(0x11 + 2 * pin);

		if (pin == OWN_PINS_FIRST) {
			own_low = low;
			own_high = high;
		} else if (pin > OWN_PINS_LAST || pin < OWN_PINS_FIRST) {
			if (low != ENTRY_MASKED || high)
				outside++;
		}
		if (pin >= OWN_PINS_FIRST && pin <= OWN_PINS_LAST)
			ioapic_write(0x10 + 2 * pin, ENTRY_MASKED);
	}
	printk("hostile: IOAPIC: its pin %u reads 0x%x 0x%x; %u values outside its own\n",
	       OWN_PINS_FIRST, own_low, own_high, outside);
}

/* Calls at random: any number but the management range and its own end. */
static void hypercalls(void)
{
	unsigned int i, refused = 0;

	for (i = 0; i < RANDOM_CALLS; i++) {
		u64 code = random64();

		if (code < AXVM_HC_LAST + 1)
			code = AXVM_HC_CPU_GET_STATE;	/* on a random CPU */
		if (hypercall(code, random64(), random64()) < 0)
			refused++;
	}
	printk("hostile: %u random hypercalls, %u refused\n", RANDOM_CALLS, refused);
}

/* Its CPU as dirty as it can leave it, then a spin that never exits. */
static void __attribute__((noreturn)) leave_dirty(void)
{
	static const u64 pattern[2] __attribute__((aligned(16))) = {
		0x5a5a5a5a5a5a5a5aull, 0x5a5a5a5a5a5a5a5aull };
	u64 cr4, dr = 0x5a5a5a5a5a5a5a50ull;

	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR;
	if (cpuid(1, 0).ecx & CPUID_XSAVE)
		cr4 |= CR4_OSXSAVE;
	asm volatile("mov %0, %%cr4" : : "r"(cr4));
	asm volatile(".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
		     "movdqa %0, %%xmm\\n\n\t.endr" : : "m"(pattern));
	asm volatile("mov %0, %%dr0\n\tmov %0, %%dr1\n\tmov %0, %%dr2\n\tmov %0, %%dr3"
		     : : "r"(dr));
	hold_in_service = true;
	lapic_write(APIC_ICR_HIGH, 0);
	lapic_write(APIC_ICR_LOW, (1u << 18) | APIC_ICR_ASSERT | IN_SERVICE_VECTOR);
	for (unsigned int i = 0; i < 100000; i++)
		asm volatile("pause");
	lapic_write(APIC_TPR, 0xff);
	lapic_write(APIC_TIMER_DIVIDE, 0xb);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_PERIODIC | PENDING_VECTOR);
	lapic_write(APIC_TIMER_INITIAL, 1000);
	if (cr4 & CR4_OSXSAVE)
		asm volatile("xsetbv" : : "c"(0), "a"(1), "d"(0));	/* x87 only */
	printk("hostile: left dirty (vector 0x%x in service, TPR 0xff, periodic timer, XCR0 %s)\n",
	       IN_SERVICE_VECTOR, cr4 & CR4_OSXSAVE ? "1" : "untouched");
	printk("hostile: spinning\n");
	for (;;)
		asm volatile("pause");
}

void inmate_main(void)
{
	printk("hostile: starting on CPU %llu\n", (unsigned long long)cpu_hw_id());
	exception_handler = survive;
	irq_handler = on_irq;
	msrs();
	svm_instructions();
	apic();
	ioapic();
	hypercalls();
	leave_dirty();
}
