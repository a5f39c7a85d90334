// SPDX-License-Identifier: GPL-2.0
/*
 * AMD SVM: the VMCBs (the root's made from the state Linux runs in, a
 * cell's CPU's as after INIT) and the exits a partitioning hypervisor
 * needs (AMD64 APM vol. 2, chapter 15).
 *
 * Intercepted: CPUID and MSRs (intercept.c), VMMCALL (the hypercall),
 * every SVM instruction (VMLOAD and VMSAVE take host physical addresses:
 * a guest must never run them), INVD (other owners' dirty lines), NMIs
 * (the firmware's kicks; the guest's own are given back), SHUTDOWN (a
 * triple fault), every guest's local APIC page (apic.c: the IPIs it sends
 * are the firmware's to deliver) and the IOAPIC's (ioapic.c: each pin is
 * its owner's) and, for cells, every I/O port.
 * Interrupts and HLT go straight to the guest, and so do the root's port
 * I/O and MSRs: the root keeps running at full speed and its own devices
 * stay its own; a cell's CPU takes its own interrupts (timer, IPIs)
 * without an exit.
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/apic.h>
#include <asm/intercept.h>
#include <asm/ioapic.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

#define CPUID_SVM_NPT		(1u << 0)	/* EDX */
#define VMMCALL_INSN_LEN	3	/* 0f 01 d9 */
#define INVD_INSN_LEN		2	/* 0f 08 */
#define SVM_TLB_FLUSH_GUEST	3	/* this ASID's entries, global ones too */

static void segment_to_vmcb(struct vmcb_segment *to, const struct axvm_x86_64_segment *from)
{
	to->selector = from->selector;
	to->attrib = from->attrib;
	to->limit = from->limit;
	to->base = from->base;
}

static void vmcb_state_from_linux(struct vmcb *v, const struct axvm_x86_64_linux_state *ls)
{
	u64 cr2;

	segment_to_vmcb(&v->es, &ls->segs[AXVM_X86_64_SEG_ES]);
	segment_to_vmcb(&v->cs, &ls->segs[AXVM_X86_64_SEG_CS]);
	segment_to_vmcb(&v->ss, &ls->segs[AXVM_X86_64_SEG_SS]);
	segment_to_vmcb(&v->ds, &ls->segs[AXVM_X86_64_SEG_DS]);
	segment_to_vmcb(&v->fs, &ls->segs[AXVM_X86_64_SEG_FS]);
	segment_to_vmcb(&v->gs, &ls->segs[AXVM_X86_64_SEG_GS]);
	segment_to_vmcb(&v->ldtr, &ls->segs[AXVM_X86_64_SEG_LDTR]);
	segment_to_vmcb(&v->tr, &ls->segs[AXVM_X86_64_SEG_TR]);
	v->gdtr.limit = ls->gdtr.limit;
	v->gdtr.base = ls->gdtr.base;
	v->idtr.limit = ls->idtr.limit;
	v->idtr.base = ls->idtr.base;
	v->cpl = 0;
	v->efer = ls->efer | EFER_SVME;	/* VMRUN wants it in the guest too */
	v->cr0 = ls->cr0;
	v->cr3 = ls->cr3;
	v->cr4 = ls->cr4;
	asm volatile("mov %%cr2, %0" : "=r"(cr2));
	v->cr2 = cr2;
	v->dr6 = 0xffff0ff0;
	v->dr7 = ls->dr7;
	v->rflags = ls->rflags;
	v->rip = ls->rip;
	v->rsp = ls->rsp;
	v->rax = 0;	/* the trampoline's result: entered */
	v->star = ls->star;
	v->lstar = ls->lstar;
	v->cstar = ls->cstar;
	v->sfmask = ls->sfmask;
	v->kernel_gs_base = ls->kernel_gs_base;
	v->sysenter_cs = ls->sysenter_cs;
	v->sysenter_esp = ls->sysenter_esp;
	v->sysenter_eip = ls->sysenter_eip;
	v->g_pat = ls->pat;
	v->dbgctl = ls->debugctl;
}

/*
 * The intercepts @cell's guests run with, its ASID and nested table: a
 * CPU takes them at every start (a cell's CPU started for another owner
 * changes all of them). Cells also exit for every I/O port and for the
 * MSRs intercept.c keeps from them.
 */
static void vmcb_control_for_cell(struct vmcb *v, const struct cell *cell)
{
	v->msrpm_base_pa = intercept_msrpm(cell);
	v->iopm_base_pa = intercept_iopm();
	v->intercept_misc1 = SVM_INTERCEPT_NMI | SVM_INTERCEPT_CPUID |
			     SVM_INTERCEPT_INVD | SVM_INTERCEPT_MSR |
			     SVM_INTERCEPT_SHUTDOWN | SVM_INTERCEPT_INVLPGA |
			     (cell == &root_cell ? 0 : SVM_INTERCEPT_IOIO);
	v->intercept_misc2 = SVM_INTERCEPT_VMRUN | SVM_INTERCEPT_VMMCALL |
			     SVM_INTERCEPT_VMLOAD | SVM_INTERCEPT_VMSAVE |
			     SVM_INTERCEPT_STGI | SVM_INTERCEPT_CLGI |
			     SVM_INTERCEPT_SKINIT;
	v->asid = cell->arch.asid;
	v->tlb_control = SVM_TLB_FLUSH_ALL;
	v->nested_control = SVM_NESTED_PAGING;
	v->nested_cr3 = cell->arch.ncr3;
}

static void real_mode_segment(struct vmcb_segment *seg, u16 selector, u16 attrib)
{
	seg->selector = selector;
	seg->attrib = attrib;
	seg->limit = 0xffff;
	seg->base = (u64)selector << 4;
}

/*
 * What INIT leaves and a SIPI starts (AMD64 APM vol. 2, "Processor
 * Initialization"), for @cpu's cell now: real mode with CS.base = @entry
 * and IP 0 (a SIPI's vector page, or a cell's entry anywhere in its
 * memory, as the reset vector sits high above its CS selector),
 * everything else at its reset value, nothing of the previous guest left
 * in the VMCB.
 */
void svm_reset_to_real_mode(struct per_cpu *cpu, u64 entry)
{
	struct vmcb *v = cpu->arch.vmcb;
	u8 *state = (u8 *)&v->es;
	unsigned int i;

	vmcb_control_for_cell(v, cpu->cell);
	cpu->arch.flush_generation =
		__atomic_load_n(&cpu->cell->arch.flush_generation, __ATOMIC_ACQUIRE);
	for (i = 0; i < sizeof(*v) - 0x400; i++)
		state[i] = 0;
	real_mode_segment(&v->cs, (u16)(entry >> 4), 0x9b);
	v->cs.base = entry;
	real_mode_segment(&v->ds, 0, 0x93);
	real_mode_segment(&v->es, 0, 0x93);
	real_mode_segment(&v->fs, 0, 0x93);
	real_mode_segment(&v->gs, 0, 0x93);
	real_mode_segment(&v->ss, 0, 0x93);
	real_mode_segment(&v->ldtr, 0, 0x82);
	real_mode_segment(&v->tr, 0, 0x8b);
	v->gdtr.limit = 0xffff;
	v->idtr.limit = 0xffff;
	v->cr0 = X86_CR0_ET | (1ull << 29) | (1ull << 30);	/* ET, NW, CD */
	v->efer = EFER_SVME;
	v->rflags = X86_RFLAGS_FIXED;
	v->dr6 = 0xffff0ff0;
	v->dr7 = 0x400;
	v->g_pat = 0x0007040600070406ull;
	v->event_inject = 0;
	v->int_state = 0;
	v->tlb_control = SVM_TLB_FLUSH_ALL;
}

static int svm_check(void)
{
	if (!(cpuid(CPUID_EXT_FEATURES, 0).ecx & CPUID_EXT_SVM))
		return -ENODEV;
	if (rdmsr(MSR_VM_CR) & VM_CR_SVMDIS)
		return -EPERM;	/* the firmware locked SVM away */
	if (!(cpuid(CPUID_SVM_FEATURES, 0).edx & CPUID_SVM_NPT))
		return -ENODEV;
	return 0;
}

int svm_cpu_init(struct per_cpu *cpu)
{
	struct vmcb *v;
	int err = svm_check();

	if (err) {
		printk("CPU %u: no usable SVM with nested paging (%d)\n", cpu->id, err);
		return err;
	}
	cpu->arch.host_save = page_alloc(1, 1);
	v = page_alloc(1, 1);
	if (!cpu->arch.host_save || !v) {
		if (v)
			page_free(v, 1);
		if (cpu->arch.host_save)
			page_free(cpu->arch.host_save, 1);
		return -ENOMEM;
	}
	cpu->arch.vmcb = v;
	cpu->arch.vmcb_pa = (u64)(uintptr_t)v;
	intercept_maps_init();
	vmcb_control_for_cell(v, cpu->cell);
	vmcb_state_from_linux(v, cpu->arch.linux_state);
	cpu->arch.flush_generation =
		__atomic_load_n(&cpu->cell->arch.flush_generation, __ATOMIC_ACQUIRE);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, (u64)(uintptr_t)cpu->arch.host_save);
	return 0;
}

/*
 * Back to what the guest has: its segment state (vmload), and the
 * registers VMRUN switches that the host shares with Linux. The host save
 * area goes; EFER.SVME stays until the driver, with GIF set again, clears
 * it.
 */
void svm_cpu_exit(struct per_cpu *cpu)
{
	struct vmcb *v = cpu->arch.vmcb;

	asm volatile("vmload %0" : : "a"(cpu->arch.vmcb_pa) : "memory");
	wrmsr(MSR_PAT, v->g_pat);
	wrmsr(MSR_EFER, v->efer);
	asm volatile("mov %0, %%cr0\n\tmov %1, %%cr4\n\tmov %2, %%dr7"
		     : : "r"(v->cr0), "r"(v->cr4), "r"(v->dr7) : "memory");
	wrmsr(MSR_VM_HSAVE_PA, 0);
	page_free(cpu->arch.host_save, 1);
	cpu->arch.host_save = NULL;
	cpu->arch.vmcb = NULL;
	page_free(v, 1);
}

void svm_inject_exception(struct vmcb *v, unsigned int vector, bool error_code)
{
	v->event_inject = SVM_EVENT_VALID | SVM_EVENT_EXCEPTION | vector |
			  (error_code ? SVM_EVENT_ERROR_CODE : 0);
}

static void handle_hypercall(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs)
{
	cpu->stats[EXIT_HYPERCALL]++;
	v->rip += VMMCALL_INSN_LEN;	/* before: disable does not come back */
	v->rax = (u64)hypercall(v->rax, regs->r[REG_RDI], regs->r[REG_RSI]);
}

/*
 * A nested page fault: the guest's local APIC page (emulated, apic.c), the
 * IOAPIC's (ioapic.c), an entry in its break-before-make window (retried),
 * or an access to memory
 * its cell does not own. The root gets a general protection fault for the
 * instruction (SIGSEGV for a process, an oops for the kernel), never the
 * access; any other cell fails.
 */
static void handle_npf(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs)
{
	const struct axvm_ioapic *io = &system_config->system.platform.arch.ioapic;
	u64 gpa = v->exit_info2;

	if (gpa - io->lapic_base < AXVM_PAGE_SIZE) {
		cpu->stats[EXIT_MMIO]++;
		if (apic_emulate_access(cpu, regs, gpa - io->lapic_base))
			return;
	} else if (gpa - io->ioapic_base < AXVM_PAGE_SIZE) {
		cpu->stats[EXIT_MMIO]++;
		if (ioapic_emulate_access(cpu, regs, gpa - io->ioapic_base))
			return;
	} else {
		cpu->stats[EXIT_ABORT]++;
		if (paging_is_mapped(&cpu->cell->stage2, gpa & ~(AXVM_PAGE_SIZE - 1ull)))
			return;
	}
	if (cpu->cell != &root_cell)
		cell_fail(SVM_EXIT_NPF, gpa, v->exit_info1 & SVM_NPF_FETCH ?
			  "instruction fetch outside its memory" :
			  "access outside its memory");
	svm_inject_exception(v, X86_TRAP_GP, true);
}

/*
 * An NMI stopped the guest: the firmware's kick (apic.c), or one for the
 * guest, given back to it. Either stays pending in the CPU until GIF is
 * set: a moment of it here takes it (traps.c: host_nmi), or the next
 * VMRUN would exit for it again.
 */
static void handle_nmi(struct per_cpu *cpu, struct vmcb *v)
{
	asm volatile("stgi\n\tclgi" ::: "memory");
	if (!__atomic_exchange_n(&cpu->arch.kicked, 0, __ATOMIC_ACQ_REL)) {
		cpu->stats[EXIT_OTHER]++;
		v->event_inject = SVM_EVENT_VALID | SVM_EVENT_NMI | X86_TRAP_NMI;
		return;
	}
	cpu->stats[EXIT_MANAGEMENT]++;
	if (__atomic_load_n(&panic_in_progress, __ATOMIC_ACQUIRE))
		arch_cpu_stop();
	if (__atomic_load_n(&cpu->requests, __ATOMIC_ACQUIRE) & CPU_REQ_PARK)
		cpu_park(cpu);
}

/* Before the next VMRUN: the ASID's stale translations go if its tables changed. */
static void flush_if_changed(struct per_cpu *cpu, struct vmcb *v)
{
	u32 now = __atomic_load_n(&cpu->cell->arch.flush_generation, __ATOMIC_ACQUIRE);

	if (now != cpu->arch.flush_generation) {
		cpu->arch.flush_generation = now;
		v->tlb_control = SVM_TLB_FLUSH_GUEST;
	} else {
		v->tlb_control = 0;
	}
}

/* Exits only a cell's guest takes, or that end a cell but stop the root. */
static void __attribute__((noreturn)) fatal_exit(struct per_cpu *cpu, struct vmcb *v)
{
	if (cpu->cell != &root_cell) {
		if (v->exit_code == SVM_EXIT_IOIO)
			cell_fail(SVM_EXIT_IOIO, v->exit_info1 >> 16, "I/O port access");
		cell_fail(v->exit_code, v->rip, v->exit_code == SVM_EXIT_SHUTDOWN ?
			  "triple fault" : "unexpected exit");
	}
	if (v->exit_code == SVM_EXIT_SHUTDOWN)
		panic_stop("CPU %u: the root cell triple-faulted at 0x%llx\n",
			   cpu->id, (unsigned long long)v->rip);
	panic_stop("CPU %u: unexpected exit 0x%llx (info 0x%llx 0x%llx) at 0x%llx\n",
		   cpu->id, (unsigned long long)v->exit_code,
		   (unsigned long long)v->exit_info1,
		   (unsigned long long)v->exit_info2,
		   (unsigned long long)v->rip);
}

void handle_exit(struct guest_regs *regs)
{
	struct per_cpu *cpu = this_cpu();
	struct vmcb *v = cpu->arch.vmcb;

	regs->r[REG_RAX] = v->rax;
	switch (v->exit_code) {
	case SVM_EXIT_CPUID:
		intercept_cpuid(cpu, v, regs);
		break;
	case SVM_EXIT_VMMCALL:
		handle_hypercall(cpu, v, regs);
		break;
	case SVM_EXIT_NPF:
		handle_npf(cpu, v, regs);
		break;
	case SVM_EXIT_NMI:
		handle_nmi(cpu, v);
		break;
	case SVM_EXIT_MSR:
		intercept_msr(cpu, v, regs);
		break;
	case SVM_EXIT_INVD:
		/* Dropping dirty lines would drop other owners' data: write them back. */
		cpu->stats[EXIT_OTHER]++;
		asm volatile("wbinvd" ::: "memory");
		v->rip += INVD_INSN_LEN;
		break;
	case SVM_EXIT_VMRUN:
	case SVM_EXIT_VMLOAD:
	case SVM_EXIT_VMSAVE:
	case SVM_EXIT_STGI:
	case SVM_EXIT_CLGI:
	case SVM_EXIT_SKINIT:
	case SVM_EXIT_INVLPGA:
		cpu->stats[EXIT_OTHER]++;
		svm_inject_exception(v, X86_TRAP_UD, false);	/* the guest has no SVM */
		break;
	default:
		cpu->stats[v->exit_code == SVM_EXIT_IOIO ? AXVM_EXIT_X86_64_IO : EXIT_OTHER]++;
		fatal_exit(cpu, v);
	}
	flush_if_changed(cpu, v);
	v->efer |= EFER_SVME;	/* a guest that wrote EFER cleared it; VMRUN needs it */
}
