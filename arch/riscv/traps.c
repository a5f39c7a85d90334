// SPDX-License-Identifier: GPL-2.0
/*
 * Traps taken to HS-mode from the guests, dispatched by their cause:
 * SBI calls, accesses to what is not mapped (emulated MMIO or a fault),
 * and the firmware's own interrupts.
 */
#include <axvm/arch/riscv64/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/mmio.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/csr.h>
#include <asm/mmio_decode.h>
#include <asm/plic.h>
#include <asm/riscv.h>
#include <asm/sbi.h>
#include <asm/timer.h>
#include <asm/traps.h>

extern char expected_fault_vector[];

/*
 * One halfword of the guest's instruction stream at guest-virtual @va,
 * read as the guest would execute it (HLVX). A fault is caught by a
 * vector of its own and reported as false; the trap state it overwrote
 * is put back.
 */
struct hs_trap_state {
	u64 sepc, sstatus, hstatus, stvec;
};

/* From here a fault is caught (expected_fault_vector) instead of fatal. */
static void expect_fault(struct hs_trap_state *s)
{
	s->sepc = csr_read(sepc);
	s->sstatus = csr_read(sstatus);
	s->hstatus = csr_read(hstatus);
	s->stvec = csr_read(stvec);
	csr_write(stvec, (u64)(uintptr_t)expected_fault_vector);
}

/* Back to normal; if the fault came, the trap state it overwrote returns. */
static bool fault_came(const struct hs_trap_state *s, u64 faulted)
{
	csr_write(stvec, s->stvec);
	if (faulted) {
		csr_write(sepc, s->sepc);
		csr_write(sstatus, s->sstatus);
		csr_write(hstatus, s->hstatus);
	}
	return faulted;
}

static bool guest_fetch_u16(u64 va, u16 *out)
{
	register u64 faulted asm("t6") = 0;
	struct hs_trap_state s;
	u64 v;

	expect_fault(&s);
	asm volatile(".option push\n\t.option arch, +h\n\t"
		     "hlvx.hu %0, (%2)\n\t.option pop"
		     : "=&r"(v), "+r"(faulted) : "r"(va) : "memory");
	if (fault_came(&s, faulted))
		return false;
	*out = (u16)v;
	return true;
}

/*
 * Is there a stimecmp (Sstc)? henvcfg.STCE alone does not tell: QEMU 7.2
 * lets it be set on a hart without Sstc. A read that faults does.
 */
bool hs_has_stimecmp(void)
{
	register u64 faulted asm("t6") = 0;
	struct hs_trap_state s;
	u64 v;

	expect_fault(&s);
	asm volatile("csrr %0, stimecmp" : "=&r"(v), "+r"(faulted) : : "memory");
	return !fault_came(&s, faulted);
}

static bool fetch_access(struct mmio_insn *insn)
{
	u64 htinst = csr_read(htinst), pc = csr_read(sepc);
	u16 lo, hi = 0;

	if (htinst)
		return mmio_decode_transformed((u32)htinst, insn);
	if (!guest_fetch_u16(pc, &lo))
		return false;
	if ((lo & 3) == 3 && !guest_fetch_u16(pc + 2, &hi))
		return false;
	return mmio_decode(lo | ((u32)hi << 16), insn);
}

/*
 * Make the guest take an access fault of its own (cause @cause), as if
 * the access had hit nothing: Linux sends a signal to a process, or oopses
 * for the kernel.
 */
static void inject_exception(struct trap_frame *frame, u64 cause, u64 tval)
{
	u64 vsstatus = csr_read(vsstatus);
	bool from_vs = csr_read(hstatus) & HSTATUS_SPVP;

	csr_write(vsepc, frame->x[0]);
	csr_write(vscause, cause);
	csr_write(vstval, tval);
	vsstatus &= ~(SR_SPP | SR_SPIE);
	if (from_vs)
		vsstatus |= SR_SPP;
	if (vsstatus & SR_SIE)
		vsstatus |= SR_SPIE;
	csr_write(vsstatus, vsstatus & ~SR_SIE);
	frame->x[0] = csr_read(vstvec) & ~3ull;
	/* sret enters the handler in VS-mode, whatever mode faulted. */
	csr_set(sstatus, SR_SPP);
	csr_set(hstatus, HSTATUS_SPVP);
}

static u64 reg_value(const struct trap_frame *frame, unsigned int r)
{
	return r ? frame->x[r] : 0;
}

static bool emulate_mmio(struct per_cpu *cpu, struct trap_frame *frame,
			 u64 gpa, bool store)
{
	struct mmio_insn insn;
	struct mmio_access access = { .address = gpa };

	if (!fetch_access(&insn) || insn.write != store)
		return false;
	access.size = insn.size;
	access.write = insn.write;
	if (insn.write)
		access.value = reg_value(frame, insn.reg);
	if (mmio_dispatch(cpu->cell, &access) != MMIO_HANDLED)
		return false;
	if (!insn.write && insn.reg) {
		u64 v = access.value;

		if (insn.sign && insn.size < 8) {
			unsigned int shift = 64 - 8 * insn.size;

			v = (u64)((s64)(v << shift) >> shift);
		}
		frame->x[insn.reg] = v;
	}
	frame->x[0] += insn.length;
	cpu->stats[EXIT_MMIO]++;
	return true;
}

static void handle_guest_page_fault(struct trap_frame *frame, u64 cause)
{
	struct per_cpu *cpu = this_cpu();
	u64 stval = csr_read(stval);
	u64 gpa = (csr_read(htval) << 2) | (stval & 3);

	if (cause != EXC_INST_GUEST_PAGE &&
	    emulate_mmio(cpu, frame, gpa, cause == EXC_STORE_GUEST_PAGE))
		return;
	/* A G-stage entry in its break-before-make window: just retry. */
	if (paging_is_mapped(&cpu->cell->stage2, gpa & ~0xfffull))
		return;
	cpu->stats[EXIT_ABORT]++;
	if (cpu->cell != &root_cell)
		cell_fail(cause, gpa, cause == EXC_INST_GUEST_PAGE ?
			  "instruction fetch outside its memory" :
			  "access outside its memory");
	printk("CPU %u: cell %u: access to 0x%llx it does not own (cause %llu, pc 0x%llx): fault injected\n",
	       cpu->id, cpu->cell->id, (unsigned long long)gpa,
	       (unsigned long long)cause, (unsigned long long)frame->x[0]);
	inject_exception(frame, cause == EXC_INST_GUEST_PAGE ? EXC_INST_ACCESS :
			 cause == EXC_LOAD_GUEST_PAGE ? EXC_LOAD_ACCESS :
			 EXC_STORE_ACCESS, stval);
}

/*
 * A kick (management request or panic) or an IPI for the guest. A root
 * hart also takes the IPIs Linux sends from a hart that is not (or no
 * longer) under the hypervisor, while enable and disable move the harts
 * one at a time: they come from the platform's SBI, without guest_ipi,
 * and are the root's all the same (nothing else kicks a running root
 * hart but a panic), so they reach it.
 */
static void handle_software_interrupt(struct per_cpu *cpu)
{
	bool for_guest;

	csr_clear(sip, IE_SSIE);
	cpu->stats[EXIT_MANAGEMENT]++;
	if (__atomic_load_n(&panic_in_progress, __ATOMIC_ACQUIRE))
		arch_cpu_stop();
	if (__atomic_load_n(&cpu->requests, __ATOMIC_ACQUIRE) & CPU_REQ_PARK)
		cpu_park(cpu);
	for_guest = __atomic_exchange_n(&cpu->arch.guest_ipi, 0, __ATOMIC_ACQ_REL);
	if (for_guest || cpu->cell == &root_cell)
		csr_set(hvip, IP_VSSIP);
}

static void handle_interrupt(struct per_cpu *cpu, u64 irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		handle_software_interrupt(cpu);
		break;
	case IRQ_S_EXT:
		cpu->stats[AXVM_EXIT_RISCV64_IRQ]++;
		plic_handle_irq(cpu);
		break;
	case IRQ_S_TIMER:	/* a wait's deadline, or a guest's tick */
		timer_handle_irq();
		break;
	default:
		panic_stop("CPU %u: unexpected interrupt %llu\n", cpu->id,
			   (unsigned long long)irq);
	}
}

static void __attribute__((noreturn)) unexpected(struct trap_frame *frame,
						 u64 cause)
{
	struct per_cpu *cpu = this_cpu();

	cpu->stats[EXIT_OTHER]++;
	if (cpu->cell != &root_cell)
		cell_fail(cause, frame->x[0], "unexpected trap");
	panic_stop("CPU %u: unhandled trap from the root: cause %llu sepc 0x%llx stval 0x%llx\n",
		   cpu->id, (unsigned long long)cause,
		   (unsigned long long)frame->x[0],
		   (unsigned long long)csr_read(stval));
}

void handle_trap(struct trap_frame *frame)
{
	u64 cause = csr_read(scause);
	struct per_cpu *cpu = this_cpu();

	if (!(csr_read(hstatus) & HSTATUS_SPV))
		panic_stop("CPU %u: trap in HS-mode: cause 0x%llx sepc 0x%llx stval 0x%llx\n",
			   cpu->id, (unsigned long long)cause,
			   (unsigned long long)frame->x[0],
			   (unsigned long long)csr_read(stval));
	if (cause & CAUSE_IRQ_FLAG) {
		handle_interrupt(cpu, cause & ~CAUSE_IRQ_FLAG);
		return;
	}
	switch (cause) {
	case EXC_VS_ECALL:
		frame->x[0] += 4;
		sbi_handle(frame);
		break;
	case EXC_INST_GUEST_PAGE:
	case EXC_LOAD_GUEST_PAGE:
	case EXC_STORE_GUEST_PAGE:
		handle_guest_page_fault(frame, cause);
		break;
	case EXC_VIRTUAL_INST:
		/*
		 * A hypervisor instruction or CSR: illegal for any guest, as
		 * on a hart without the H extension.
		 */
		cpu->stats[EXIT_OTHER]++;
		inject_exception(frame, EXC_ILLEGAL, csr_read(stval));
		break;
	default:
		unexpected(frame, cause);
	}
}
