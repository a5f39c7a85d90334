// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-over contract (hv/arch.h) on riscv64: what a hart's next owner
 * must not find of its last one. docs/architecture.md has the table.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>

#include <asm/csr.h>
#include <asm/plic.h>
#include <asm/timer.h>
#include <asm/riscv.h>

/* f0-f31 and fcsr to zero; FP is on in HS-mode (cpu.c). */
static void fp_wipe(void)
{
	asm volatile(".option push\n\t.option arch, +d\n\t"
		     "fmv.d.x f0, zero\n\tfmv.d.x f1, zero\n\tfmv.d.x f2, zero\n\t"
		     "fmv.d.x f3, zero\n\tfmv.d.x f4, zero\n\tfmv.d.x f5, zero\n\t"
		     "fmv.d.x f6, zero\n\tfmv.d.x f7, zero\n\tfmv.d.x f8, zero\n\t"
		     "fmv.d.x f9, zero\n\tfmv.d.x f10, zero\n\tfmv.d.x f11, zero\n\t"
		     "fmv.d.x f12, zero\n\tfmv.d.x f13, zero\n\tfmv.d.x f14, zero\n\t"
		     "fmv.d.x f15, zero\n\tfmv.d.x f16, zero\n\tfmv.d.x f17, zero\n\t"
		     "fmv.d.x f18, zero\n\tfmv.d.x f19, zero\n\tfmv.d.x f20, zero\n\t"
		     "fmv.d.x f21, zero\n\tfmv.d.x f22, zero\n\tfmv.d.x f23, zero\n\t"
		     "fmv.d.x f24, zero\n\tfmv.d.x f25, zero\n\tfmv.d.x f26, zero\n\t"
		     "fmv.d.x f27, zero\n\tfmv.d.x f28, zero\n\tfmv.d.x f29, zero\n\t"
		     "fmv.d.x f30, zero\n\tfmv.d.x f31, zero\n\t"
		     "fscsr zero\n\t.option pop" ::: "memory");
}

/*
 * Every VS-mode register back to what a hart fresh from reset has, its
 * pending virtual interrupts dropped, nothing of its translations cached.
 */
void vs_state_reset(void)
{
	csr_write(hvip, 0);
	csr_write(vsie, 0);
	csr_write(vsstatus, SR_UXL_64);
	csr_write(vstvec, 0);
	csr_write(vsscratch, 0);
	csr_write(vsepc, 0);
	csr_write(vscause, 0);
	csr_write(vstval, 0);
	csr_write(vsatp, 0);
	timer_guest_reset();
	/* Not VS-duplicated: a guest reaches the real ones. */
	csr_write(scounteren, 0);
	csr_write(senvcfg, 0);
	hfence_vvma_all();
	fp_wipe();
}

void arch_cpu_reset(struct per_cpu *cpu)
{
	vs_state_reset();
	plic_cpu_reset(cpu);
	__atomic_store_n(&cpu->arch.guest_ipi, 0, __ATOMIC_RELEASE);
	/* Parked: only kicks wake us; the PLIC's line waits for a guest. */
	csr_write(sie, IE_SSIE);
}

void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to)
{
	(void)from;
	(void)to;
	/* An IPI the old owner sent after the hart parked goes nowhere. */
	__atomic_store_n(&cpu->arch.guest_ipi, 0, __ATOMIC_RELEASE);
}

void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell)
{
	plic_hand_over(cell, to_cell);
}
