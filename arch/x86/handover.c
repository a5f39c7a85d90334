// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-over contract (hv/arch.h) on x86-64: what a CPU's next owner
 * must not find of its last one. The guest's registers live in the CPU's
 * VMCB and frame (both rewritten at its next start: svm.c), but a guest
 * also reaches some of the CPU's own state without an exit: its FP, SSE
 * and AVX registers and XCR0 (XSETBV), the debug address registers
 * DR0-DR3 and its local APIC (apic.c: pending interrupts included). Those
 * are reset here. Pages need plain stores only (arch_clear_memory); IOAPIC
 * pins are masked at both ends of a cell, and the root's entries come
 * back at its end (ioapic.c).
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>

#include <asm/apic.h>
#include <asm/ioapic.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define MXCSR_DEFAULT		0x1f80

/* An XSAVE area in its init state: XSTATE_BV 0, only MXCSR set. */
static struct {
	u8 legacy[512];
	u64 xstate_bv, xcomp_bv, reserved[6];
} xsave_init __attribute__((aligned(64)));

/*
 * Every FP, SSE and AVX register of the CPU to its init state: XRSTOR
 * of an area whose XSTATE_BV is 0 initializes each component XCR0
 * enables; without XSAVE, FNINIT and a zeroed FXRSTOR image.
 */
static void fpu_wipe(void)
{
	u32 *mxcsr = (u32 *)&xsave_init.legacy[24];
	u32 lo, hi;

	*mxcsr = MXCSR_DEFAULT;
	if (read_cr4() & X86_CR4_OSXSAVE) {
		asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		asm volatile("xrstor64 %0" : : "m"(xsave_init), "a"(lo), "d"(hi) : "memory");
	} else {
		asm volatile("fninit\n\tfxrstor64 %0" : : "m"(xsave_init) : "memory");
	}
}

/* XCR0 as Linux runs with it (a guest's XSETBV writes the CPU's own). */
static void xcr0_restore(const struct per_cpu *cpu)
{
	if (read_cr4() & X86_CR4_OSXSAVE)
		asm volatile("xsetbv" : : "c"(0), "a"((u32)cpu->arch.linux_xcr0),
			     "d"((u32)(cpu->arch.linux_xcr0 >> 32)) : "memory");
}

static void debug_registers_clear(void)
{
	asm volatile("mov %0, %%dr0\n\tmov %0, %%dr1\n\tmov %0, %%dr2\n\t"
		     "mov %0, %%dr3" : : "r"(0ull) : "memory");
}

void arch_cpu_reset(struct per_cpu *cpu)
{
	struct guest_regs *regs = cpu_regs(cpu);
	unsigned int i;

	for (i = 0; i < AXVM_X86_64_NUM_REGS; i++)
		regs->r[i] = 0;
	xcr0_restore(cpu);
	fpu_wipe();
	debug_registers_clear();
	apic_quiesce();
	cpu->arch.icr_high = 0;
	cpu->arch.ioapic_index = 0;
}

void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to)
{
	(void)cpu;
	(void)from;
	(void)to;
}

void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell)
{
	ioapic_hand_over(cell, to_cell);
}
