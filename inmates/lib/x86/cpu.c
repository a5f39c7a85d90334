// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 CPU services for inmates: the hypercall (VMMCALL or VMCALL, as
 * the hypervisor's CPUID leaf says), the console, the IDT and the report
 * of unexpected exceptions, further CPUs by INIT and SIPI, switching off.
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <inmate.h>

#define COM1			0x3f8
#define COM1_LSR		(COM1 + 5)
#define LSR_THR_EMPTY		0x20
/* QEMU pc's ACPI PM1a control register (SeaBIOS puts PM at 0x600): S5. */
#define ACPI_PM1A_CNT		0x604
#define ACPI_SLP_EN		0x2000
#define NUM_EXCEPTIONS		32
#define STUB_SIZE		16	/* start.S: trap_stubs */
#define CODE64			0x18
/* Where a further CPU starts after SIPI: a page of the cell's low RAM. */
#define START_PAGE		0x8000ul
#define START_WAIT_MS		1000

extern char trap_stubs[], _start[], _start16_end[];
void arch_init(void);
void trap_dispatch(struct trap_frame *frame);

static struct x86_idt_gate idt[256] __attribute__((aligned(16)));
struct x86_table_register idt_descriptor;	/* start.S loads it on further CPUs */
/* What start.S hands a further CPU: where to go, and its argument. */
struct {
	u64 entry, context;
} start_mailbox;

void (*irq_handler)(void);
bool (*exception_handler)(struct trap_frame *frame);
unsigned int irq_current;

static enum { NOT_LOOKED, ABSENT, VMMCALL, VMCALL } conduit;

/* The hypervisor's CPUID leaves say it is there, and which call it takes. */
static void find_conduit(void)
{
	struct cpuid_regs r = cpuid(AXVM_X86_64_CPUID_SIGNATURE, 0);

	if (r.ebx != AXVM_X86_64_CPUID_SIGNATURE_WORD ||
	    r.ecx != AXVM_X86_64_CPUID_SIGNATURE_WORD ||
	    r.edx != AXVM_X86_64_CPUID_SIGNATURE_WORD) {
		conduit = ABSENT;
		return;
	}
	conduit = cpuid(AXVM_X86_64_CPUID_INFO, 0).ebx == AXVM_X86_64_CONDUIT_VMCALL ?
		  VMCALL : VMMCALL;
}

/* Alone on the machine nothing answers: "not supported", as a hypervisor would. */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	long ret;

	if (conduit == NOT_LOOKED)
		find_conduit();
	if (conduit == ABSENT)
		return AXVM_HC_NOT_SUPPORTED;
	if (conduit == VMMCALL)
		asm volatile("vmmcall" : "=a"(ret) : "a"(code), "D"(arg1), "S"(arg2)
			     : "memory");
	else
		asm volatile("vmcall" : "=a"(ret) : "a"(code), "D"(arg1), "S"(arg2)
			     : "memory");
	return ret;
}

void bare_console_putc(char c)
{
	while (!(inb(COM1_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1, (u8)c);
}

void irq_enable(void)
{
	asm volatile("sti" ::: "memory");
}

void irq_disable(void)
{
	asm volatile("cli" ::: "memory");
}

/* HLT: with interrupts masked only an NMI (the hypervisor's) wakes it. */
void cpu_wait(void)
{
	asm volatile("hlt" ::: "memory");
}

u64 cpu_hw_id(void)
{
	return cpuid(1, 0).ebx >> 24;	/* the initial APIC ID */
}

void inmate_exit(void)
{
	if (in_cell())
		hypercall(AXVM_HC_CELL_SHUTDOWN_SELF, 0, 0);
	else
		outw(ACPI_PM1A_CNT, ACPI_SLP_EN);
	for (;;)
		asm volatile("cli\n\thlt" ::: "memory");
}

void cpu_off(void)
{
	if (in_cell())
		hypercall(AXVM_HC_CPU_OFF, 0, 0);
	for (;;)
		asm volatile("cli\n\thlt" ::: "memory");
}

bool cpu_is_off(u64 hw_id)
{
	return in_cell() &&
	       hypercall(AXVM_HC_CPU_GET_STATE, hw_id, 0) == AXVM_CPU_STATE_OFF;
}

/*
 * INIT, then SIPI to the start page, where the real-mode part of start.S
 * is copied (it runs from wherever CS points); the CPU leaves the mailbox
 * empty once it took @entry and @context. 0: it is on its way.
 */
long arch_cpu_on(u64 hw_id, u64 entry, u64 context)
{
	u8 *page = (u8 *)START_PAGE;
	u64 until;
	long i;

	for (i = 0; i < _start16_end - _start; i++)
		page[i] = (u8)_start[i];
	start_mailbox.context = context;
	__atomic_store_n(&start_mailbox.entry, entry, __ATOMIC_RELEASE);
	lapic_send_init_sipi((u32)hw_id, (u8)(START_PAGE >> 12));
	until = timer_ticks() + timer_frequency() / 1000 * START_WAIT_MS;
	while (__atomic_load_n(&start_mailbox.entry, __ATOMIC_ACQUIRE))
		if (timer_ticks() > until)
			return -1;
	return 0;
}

static void __attribute__((noreturn)) unexpected_exception(const struct trap_frame *f)
{
	u64 cr2;

	asm volatile("mov %%cr2, %0" : "=r"(cr2));
	printk("unexpected exception: vector %llu, error 0x%llx, RIP 0x%llx, CR2 0x%llx\n",
	       (unsigned long long)f->vector, (unsigned long long)f->error_code,
	       (unsigned long long)f->rip, (unsigned long long)cr2);
	if (in_cell())
		hypercall(AXVM_HC_CELL_FAIL_SELF, f->vector, f->rip);
	printk("Test result: ERROR\n");
	inmate_exit();
}

void trap_dispatch(struct trap_frame *frame)
{
	if (frame->vector < NUM_EXCEPTIONS) {
		if (exception_handler && exception_handler(frame))
			return;
		unexpected_exception(frame);
	}
	if (!irq_handler)
		unexpected_exception(frame);
	irq_current = (unsigned int)frame->vector;
	irq_handler();
}

/* The IDT, every vector to its stub; the boot CPU builds it, every CPU loads it. */
void arch_init(void)
{
	unsigned int v;

	for (v = 0; v < 256; v++) {
		u64 at = (u64)(uintptr_t)trap_stubs + v * STUB_SIZE;

		idt[v] = x86_interrupt_gate(at, CODE64);
	}
	idt_descriptor.limit = sizeof(idt) - 1;
	idt_descriptor.base = (u64)(uintptr_t)idt;
	asm volatile("lidt %0" : : "m"(idt_descriptor));
}

bool pmu_instructions_supported(void)
{
	return false;	/* no instruction counts under QEMU's x86 TCG at 4 CPUs */
}

void pmu_instructions_start(void)
{
}

u32 pmu_instructions(void)
{
	return 0;
}

DEFINE_MMIO_ACCESSORS(32, "movl (%1), %0", "movl %0, (%1)")
DEFINE_MMIO_ACCESSORS(64, "movq (%1), %0", "movq %0, (%1)")
