// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU over and giving it back, on x86-64.
 *
 * The CPU arrives from axvm_entry_code in host mode on the boot table,
 * running 1:1 at the physical address the driver loaded us at, with the
 * state Linux runs in written down in its struct axvm_x86_64_linux_state.
 * Taking it over makes that state the guest's (svm.c) and runs Linux as
 * the root cell's guest from the instruction after its call; giving it
 * back copies the guest's state into the struct and returns through the
 * trampoline (entry.S: leave_to_linux).
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/apic.h>
#include <asm/paging.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

/* Where the CPU that is entering found Linux's state (CPUs enter one by one). */
static struct axvm_x86_64_linux_state *linux_state_of_entering_cpu;

/* The state's registers come back as the failed entry or the guest left them. */
static void __attribute__((noreturn)) back_to_linux(struct axvm_x86_64_linux_state *ls)
{
	leave_to_linux(ls->return_rip, ls->self, ls->cr3);
}

/*
 * Called by axvm_entry_code: @cpu_id is the CPU's number, @ls where the
 * driver wrote Linux's state. Runs Linux as the root's guest, or goes back
 * to it with the error.
 */
void __attribute__((noreturn)) bootstrap(u64 cpu_id, struct axvm_x86_64_linux_state *ls,
					 u64 hv_phys, u64 config_size);
void bootstrap(u64 cpu_id, struct axvm_x86_64_linux_state *ls, u64 hv_phys,
	       u64 config_size)
{
	struct per_cpu *cpu = this_cpu();
	int err;

	(void)hv_phys;	/* where the image runs: the same */
	host_tables_load();
	/* hypervisor_enter() clears the per-CPU data: arch_cpu_init() finds the state. */
	linux_state_of_entering_cpu = ls;
	err = hypervisor_enter((unsigned int)cpu_id, config_size);
	if (err) {
		ls->regs[AXVM_X86_64_REG_RAX] = (u64)(long)err;
		back_to_linux(ls);
	}
	vmrun_loop(cpu_regs(cpu), cpu->arch.vmcb_pa);
}

int arch_cpu_init(struct per_cpu *cpu)
{
	struct axvm_x86_64_linux_state *ls = linux_state_of_entering_cpu;
	struct guest_regs *regs = cpu_regs(cpu);
	unsigned int i;
	int err;

	cpu->arch.linux_state = ls;
	/* Linux's callee-saved registers as the trampoline left them. */
	for (i = 0; i < AXVM_X86_64_NUM_REGS; i++)
		regs->r[i] = ls->regs[i];
	cpu->arch.apic_id = ls->apic_id;
	if (!ls->tsc_khz)
		return -EINVAL;
	if (read_cr4() & X86_CR4_OSXSAVE) {
		u32 lo, hi;

		asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		cpu->arch.linux_xcr0 = ((u64)hi << 32) | lo;
	}
	err = svm_cpu_init(cpu);
	if (err)
		return err;
	write_cr3(host_cr3());
	return 0;
}

/*
 * What Linux had of this CPU outside the guest state: EFER, PAT, CR0,
 * CR4 and DR7 as the guest has them now (VMRUN switched them), the
 * segment state vmload puts back, and no host save area.
 */
void arch_cpu_restore(struct per_cpu *cpu)
{
	svm_cpu_exit(cpu);
}

/* The CPU goes back to Linux, which resumes after its VMMCALL with rax 0. */
void arch_cpu_leave(struct per_cpu *cpu)
{
	struct axvm_x86_64_linux_state *ls = cpu->arch.linux_state;
	struct guest_regs *regs = cpu_regs(cpu);
	struct vmcb *v = cpu->arch.vmcb;
	unsigned int i;

	for (i = 0; i < AXVM_X86_64_NUM_REGS; i++)
		ls->regs[i] = regs->r[i];
	ls->regs[AXVM_X86_64_REG_RAX] = 0;
	ls->rip = v->rip;	/* past the VMMCALL already (svm.c) */
	ls->rsp = v->rsp;
	ls->rflags = v->rflags;
	ls->cr3 = v->cr3;	/* what Linux has now, not at entry */
	ls->gdtr.limit = (u16)v->gdtr.limit;
	ls->gdtr.base = v->gdtr.base;
	ls->idtr.limit = (u16)v->idtr.limit;
	ls->idtr.base = v->idtr.base;
	arch_cpu_restore(cpu);
	back_to_linux(ls);
}

u64 arch_cpu_hw_id(const struct per_cpu *cpu)
{
	return cpu->arch.apic_id;
}

void arch_cpu_stop(void)
{
	for (;;)
		asm volatile("cli\n\thlt" ::: "memory");
}

/* An NMI, marked as ours so that the guest does not get it (svm.c). */
void arch_cpu_kick(struct per_cpu *cpu)
{
	__atomic_store_n(&cpu->arch.kicked, 1, __ATOMIC_RELEASE);
	apic_send_nmi(cpu->arch.apic_id);
}

/*
 * A parked CPU polls: in host mode GIF is clear, so the kick's NMI stays
 * pending (the next VMRUN takes it and svm.c drops it) and wakes nothing.
 */
void arch_cpu_wait_for_request(void)
{
	cpu_relax();
}

/*
 * As after INIT and SIPI, for the CPU's cell now: real mode with CS.base
 * = @entry, IP 0 (a SIPI's vector page, or a cell's entry; svm.c);
 * @context in eax.
 */
void arch_cpu_start_guest(struct per_cpu *cpu, u64 entry, u64 context)
{
	struct guest_regs *regs = cpu_regs(cpu);
	unsigned int i;

	for (i = 0; i < AXVM_X86_64_NUM_REGS; i++)
		regs->r[i] = 0;
	svm_reset_to_real_mode(cpu, entry);
	cpu->arch.vmcb->rax = context;
	vmrun_loop(regs, cpu->arch.vmcb_pa);
}

/*
 * Out of the hypervisor for good, switched off as Linux left it: halted
 * with GIF set, so that the INIT of Linux's next start of it resets it
 * (a CPU in host mode with GIF clear would hold the INIT off for ever).
 */
void arch_cpu_power_off(struct per_cpu *cpu)
{
	(void)cpu;	/* its guest state goes: INIT resets all of it */
	wrmsr(MSR_VM_HSAVE_PA, 0);
	asm volatile("stgi" ::: "memory");
	arch_cpu_stop();
}

u64 arch_counter(void)
{
	return rdtsc();
}

u64 arch_counter_hz(void)
{
	struct per_cpu *cpu = this_cpu();

	return cpu->arch.linux_state ? cpu->arch.linux_state->tsc_khz * 1000ull : 0;
}

void arch_cpu_signal_all(void)
{
	asm volatile("mfence" ::: "memory");
}

void arch_cpu_wait_for_signal(void)
{
	cpu_relax();
}
