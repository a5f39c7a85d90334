// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64 CPU services for inmates: SBI calls (the hypervisor's own
 * extension, HSM, IPI, SRST, the console), the Sstc timer, traps and the
 * report of unexpected exceptions.
 */
#include <axvm/arch/riscv64/hypercall.h>
#include <inmate.h>
#include <lib/sbi.h>

#define SCAUSE_INTERRUPT	(1ul << 63)
#define SCAUSE_ILLEGAL		2
#define CSR_STIMECMP		"0x14d"
/* QEMU virt's time base (the device tree's timebase-frequency). */
#define TIMEBASE_HZ		10000000ul

void trap_dispatch(void);
void (*irq_handler)(void);

long sbi_call(unsigned long ext, unsigned long fid, unsigned long a0,
	      unsigned long a1, unsigned long a2, unsigned long *value)
{
	struct sbi_ret r = sbi_ecall(ext, fid, a0, a1, a2, 0, 0, 0);

	if (value)
		*value = (unsigned long)r.value;
	return r.error;
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	return sbi_call(AXVM_RISCV64_SBI_EXT, code, arg1, arg2, 0, NULL);
}

void bare_console_putc(char c)
{
	sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)c, 0, 0, NULL);
}

void irq_enable(void)
{
	asm volatile("csrsi sstatus, 2" ::: "memory");
}

void irq_disable(void)
{
	asm volatile("csrci sstatus, 2" ::: "memory");
}

void cpu_wait(void)
{
	asm volatile("wfi" ::: "memory");
}

long arch_cpu_on(u64 hartid, u64 entry, u64 context)
{
	return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, entry, context,
			NULL);
}

bool cpu_is_off(u64 hartid)
{
	unsigned long state;

	return !sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid, 0, 0, &state) &&
	       state == SBI_HSM_STATE_STOPPED;
}

/* An SBI hart mask: bit n is hart @base + n. */
void ipi_send(u64 hartid)
{
	sbi_call(SBI_EXT_IPI, SBI_IPI_SEND, 1, hartid, 0, NULL);
}

void ipi_broadcast(void)
{
	sbi_call(SBI_EXT_IPI, SBI_IPI_SEND, 0, SBI_HART_MASK_ALL, 0, NULL);
}

/* start.S keeps the hart id (a0 at entry) in tp. */
u64 cpu_hw_id(void)
{
	u64 id;

	asm volatile("mv %0, tp" : "=r"(id));
	return id;
}

void cpu_off(void)
{
	sbi_call(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0, NULL);
	for (;;)
		asm volatile("wfi");
}

void inmate_exit(void)
{
	sbi_call(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN, 0, 0, NULL);
	for (;;)
		asm volatile("wfi");
}

u64 timer_frequency(void)
{
	return TIMEBASE_HZ;
}

u64 timer_ticks(void)
{
	u64 v;

	asm volatile("rdtime %0" : "=r"(v) : : "memory");
	return v;
}

/*
 * Sstc's stimecmp where the hart has it (no trap per tick in a cell);
 * otherwise the SBI's set_timer. Whether it has it is found by reading
 * stimecmp once: without Sstc that is an illegal instruction, which
 * trap_dispatch() steps over while probing_sstc is set.
 */
static volatile int sstc = -1, probing_sstc;

static bool have_sstc(void)
{
	if (sstc < 0) {
		unsigned long v;

		probing_sstc = 1;
		sstc = 1;
		asm volatile("csrr %0, " CSR_STIMECMP : "=r"(v) : : "memory");
		probing_sstc = 0;
	}
	return sstc;
}

void timer_arm(u64 deadline)
{
	if (have_sstc())
		asm volatile("csrw " CSR_STIMECMP ", %0" : : "r"(deadline) : "memory");
	else
		sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, deadline, 0, 0, NULL);
}

void timer_stop(void)
{
	timer_arm(-1ull);
}

static u64 instret_start;

static u64 instret(void)
{
	u64 v;

	asm volatile("rdinstret %0" : "=r"(v) : : "memory");
	return v;
}

/*
 * instret counts every mode, the hypervisor's too, unless M-mode inhibits
 * it (OpenSBI does until someone starts it through the SBI PMU, which a
 * cell may not use): it must be seen to move.
 */
bool pmu_instructions_supported(void)
{
	u64 first = instret();

	for (volatile int i = 0; i < 100; i++)
		;
	return instret() != first;
}

void pmu_instructions_start(void)
{
	instret_start = instret();
}

u32 pmu_instructions(void)
{
	return (u32)(instret() - instret_start);
}

/* A crash: said on the console, then reported to the hypervisor, which
 * stops the cell in state "failed". Alone on the machine: switch off. */
static void unexpected_exception(u64 cause, u64 epc, u64 tval)
{
	printk("unexpected exception: scause 0x%llx, sepc 0x%llx, stval 0x%llx\n",
	       (unsigned long long)cause, (unsigned long long)epc,
	       (unsigned long long)tval);
	if (in_cell())
		hypercall(AXVM_HC_CELL_FAIL_SELF, cause, epc);
	printk("Test result: ERROR\n");
	inmate_exit();
}

void trap_dispatch(void)
{
	u64 cause, epc, tval;

	asm volatile("csrr %0, scause" : "=r"(cause));
	if ((cause & SCAUSE_INTERRUPT) && irq_handler) {
		irq_handler();
		return;
	}
	asm volatile("csrr %0, sepc" : "=r"(epc));
	if (cause == SCAUSE_ILLEGAL && probing_sstc) {
		sstc = 0;	/* no stimecmp: step over the read */
		asm volatile("csrw sepc, %0" : : "r"(epc + 4) : "memory");
		return;
	}
	asm volatile("csrr %0, stval" : "=r"(tval));
	unexpected_exception(cause, epc, tval);
}
