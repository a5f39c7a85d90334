// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 CPU services for inmates: PSCI power-off, the generic timer and the
 * report of unexpected exceptions.
 */
#include <axvm/arch/arm64/hypercall.h>
#include <inmate.h>

#define PSCI_CPU_OFF		0x84000002ul
#define PSCI_CPU_ON		0xc4000003ul
#define PSCI_AFFINITY_INFO	0xc4000004ul
#define PSCI_AFFINITY_OFF	1
#define PSCI_SYSTEM_OFF		0x84000008ul

void unexpected_exception(u64 vector, u64 esr, u64 elr, u64 far);
void irq_dispatch(void);

void (*irq_handler)(void);

void irq_dispatch(void)
{
	if (!irq_handler) {
		unexpected_exception(5, 0, 0, 0);
		return;
	}
	irq_handler();
}

void irq_enable(void)
{
	asm volatile("msr daifclr, #2" ::: "memory");
}

void irq_disable(void)
{
	asm volatile("msr daifset, #2" ::: "memory");
}

void cpu_wait(void)
{
	asm volatile("wfi" ::: "memory");
}

/*
 * The one way out to the hypervisor: hvc, for the axvm hypercalls and for
 * PSCI (the conduit QEMU offers to an EL1-only machine, and the one the
 * axvm firmware emulates for cells). x1-x3 may come back changed (SMCCC).
 */
#define SMCCC_CALL(insn, fn, a1, a2, a3) ({				\
	register u64 x0 asm("x0") = (fn);					\
	register u64 x1 asm("x1") = (a1);					\
	register u64 x2 asm("x2") = (a2);					\
	register u64 x3 asm("x3") = (a3);					\
	asm volatile(insn " #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory"); \
	(long)x0;								\
})

long hvc_call(u64 fn, u64 a1, u64 a2, u64 a3)
{
	return SMCCC_CALL("hvc", fn, a1, a2, a3);
}

long smc_call(u64 fn, u64 a1, u64 a2, u64 a3)
{
	return SMCCC_CALL("smc", fn, a1, a2, a3);
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	return hvc_call(AXVM_ARM64_HC_ID(code), arg1, arg2, 0);
}

long arch_cpu_on(u64 mpidr, u64 entry, u64 context)
{
	return hvc_call(PSCI_CPU_ON, mpidr, entry, context);
}

bool cpu_is_off(u64 mpidr)
{
	return hvc_call(PSCI_AFFINITY_INFO, mpidr, 0, 0) == PSCI_AFFINITY_OFF;
}

u64 cpu_hw_id(void)
{
	u64 mpidr;

	asm volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	return mpidr & 0xff00ffffffull;
}

void cpu_off(void)
{
	hvc_call(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}

void inmate_exit(void)
{
	hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}

u64 timer_frequency(void)
{
	u64 v;

	asm volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

u64 timer_ticks(void)
{
	u64 v;

	asm volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

/* A crash: said on the console, then reported to the hypervisor, which
 * stops the cell in state "failed". Alone on the machine: switch off. */
void unexpected_exception(u64 vector, u64 esr, u64 elr, u64 far)
{
	printk("unexpected exception: vector %llu, ESR 0x%llx, ELR 0x%llx, FAR 0x%llx\n",
	       (unsigned long long)vector, (unsigned long long)esr,
	       (unsigned long long)elr, (unsigned long long)far);
	if (in_cell())
		hypercall(AXVM_HC_CELL_FAIL_SELF, esr, elr);
	printk("Test result: ERROR\n");
	inmate_exit();
}
