/*
 * The hand-over contract (hv/arch.h) on x86-64: what a CPU's next owner
 * must not find of its last one. The guest's registers live in the CPU's
 * VMCB and frame (both rewritten at its next start), its FP/SSE/AVX state
 * and its local APIC in the CPU itself: those are reset here. Interrupts
 * and pages change owner between cells only, which x86-64 does not have
 * yet (setup.c refuses to create one).
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>

#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define X86_CR4_OSXSAVE		(1ull << 18)
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

void arch_cpu_reset(struct per_cpu *cpu)
{
	struct guest_regs *regs = cpu_regs(cpu);
	unsigned int i;

	for (i = 0; i < AXVM_X86_64_NUM_REGS; i++)
		regs->r[i] = 0;
	fpu_wipe();
	apic_quiesce();
	cpu->arch.icr_high = 0;
}

void arch_cpu_moved(struct per_cpu *cpu, struct cell *from, struct cell *to)
{
	(void)cpu;
	(void)from;
	(void)to;
}

void arch_cell_hand_over_irqs(struct cell *cell, bool to_cell)
{
	(void)cell;
	(void)to_cell;
}
