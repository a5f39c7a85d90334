// SPDX-License-Identifier: GPL-2.0
/*
 * What a guest may do to the CPU without an exit, and what the firmware
 * answers when it may not: CPUID, the MSR permission maps (the root's and
 * the cells') and the I/O permission map of cells (asm/intercept.h).
 *
 * The root owns the machine's devices and most of its MSRs: only SVM's
 * own are taken from it. A cell owns its CPUs and nothing around them:
 * it reaches without exits only the MSRs whose value lives in the VMCB
 * (switched at every entry and exit, so that nothing of them outlives the
 * cell) or that a read cannot abuse (the TSC); every other MSR is a #GP,
 * and every I/O port an exit that fails the cell.
 */
#include <axvm/arch/x86_64/hypercall.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/percpu.h>

#include <asm/intercept.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/traps.h>

#define CPUID_INSN_LEN		2	/* 0f a2 */
#define MSR_INSN_LEN		2	/* 0f 32, 0f 30 */
#define CPUID_FEATURES		0x00000001u
#define CPUID_X2APIC		(1u << 21)	/* ECX */
#define CPUID_HYPERVISOR	(1u << 31)	/* ECX */

#define MSR_TSC			0x10u
#define MSR_SYSENTER_CS		0x174u
#define MSR_SYSENTER_EIP	0x176u
#define MSR_STAR		0xc0000081u
#define MSR_SFMASK		0xc0000084u
#define MSR_FS_BASE		0xc0000100u
#define MSR_KERNEL_GS_BASE	0xc0000102u

#define MSRPM_READ		1u
#define MSRPM_WRITE		2u

/* Two bits (read, write) per MSR in three ranges of 8K MSRs; set: it exits. */
static u8 root_msrpm[2 * AXVM_PAGE_SIZE] __attribute__((aligned(AXVM_PAGE_SIZE)));
static u8 cell_msrpm[2 * AXVM_PAGE_SIZE] __attribute__((aligned(AXVM_PAGE_SIZE)));
/* One bit per port, and one page more for an access that runs past 0xffff. */
static u8 cell_iopm[3 * AXVM_PAGE_SIZE] __attribute__((aligned(AXVM_PAGE_SIZE)));

static void msrpm_set(u8 *map, u32 msr, unsigned int access, bool intercept)
{
	u32 range = msr >= 0xc0010000u ? 2 : msr >= 0xc0000000u ? 1 : 0;
	u32 bit = (range * 0x2000 + (msr & 0x1fff)) * 2;

	if (intercept)
		map[bit / 8] |= (u8)(access << (bit % 8));
	else
		map[bit / 8] &= (u8)~(access << (bit % 8));
}

static void msrpm_pass_range(u8 *map, u32 first, u32 last, unsigned int access)
{
	u32 msr;

	for (msr = first; msr <= last; msr++)
		msrpm_set(map, msr, access, false);
}

/* Built by the first CPU in (CPUs enter one at a time). */
void intercept_maps_init(void)
{
	unsigned int i;

	if (cell_iopm[0])
		return;
	msrpm_set(root_msrpm, MSR_VM_CR, MSRPM_READ | MSRPM_WRITE, true);
	msrpm_set(root_msrpm, MSR_VM_HSAVE_PA, MSRPM_READ | MSRPM_WRITE, true);
	for (i = 0; i < sizeof(cell_msrpm); i++)
		cell_msrpm[i] = 0xff;
	for (i = 0; i < sizeof(cell_iopm); i++)
		cell_iopm[i] = 0xff;
	/*
	 * The VMCB's: VMRUN loads them, #VMEXIT and vmsave keep them there.
	 * The TSC reads as it runs; a write would move it under the next
	 * owner (Linux takes it for a TSC that jumped).
	 */
	msrpm_set(cell_msrpm, MSR_EFER, MSRPM_READ | MSRPM_WRITE, false);
	msrpm_set(cell_msrpm, MSR_PAT, MSRPM_READ | MSRPM_WRITE, false);
	msrpm_pass_range(cell_msrpm, MSR_SYSENTER_CS, MSR_SYSENTER_EIP,
			 MSRPM_READ | MSRPM_WRITE);
	msrpm_pass_range(cell_msrpm, MSR_STAR, MSR_SFMASK, MSRPM_READ | MSRPM_WRITE);
	msrpm_pass_range(cell_msrpm, MSR_FS_BASE, MSR_KERNEL_GS_BASE,
			 MSRPM_READ | MSRPM_WRITE);
	msrpm_set(cell_msrpm, MSR_TSC, MSRPM_READ, false);
}

u64 intercept_msrpm(const struct cell *cell)
{
	return (u64)(uintptr_t)(cell == &root_cell ? root_msrpm : cell_msrpm);
}

u64 intercept_iopm(void)
{
	return (u64)(uintptr_t)cell_iopm;
}

/* The hypervisor's CPUID leaves: "axvmaxvmaxvm", then the TSC's kHz and the conduit. */
static bool hypervisor_leaf(u32 leaf, struct cpuid_regs *r)
{
	const struct per_cpu *cpu = this_cpu();

	if (leaf == AXVM_X86_64_CPUID_SIGNATURE) {
		r->eax = AXVM_X86_64_CPUID_INFO;
		r->ebx = r->ecx = r->edx = AXVM_X86_64_CPUID_SIGNATURE_WORD;
		return true;
	}
	if (leaf == AXVM_X86_64_CPUID_INFO) {
		r->eax = cpu->arch.linux_state ? (u32)cpu->arch.linux_state->tsc_khz : 0;
		r->ebx = AXVM_X86_64_CONDUIT_VMMCALL;
		r->ecx = r->edx = 0;
		return true;
	}
	return false;
}

/*
 * CPUID as the CPU answers it. For the root SVM stays visible: Linux ANDs
 * the feature words of every CPU it brings up (hiding it on one would take
 * it from all until reboot, and 6.12 warns when VM_CR says it is disabled
 * on a CPU brought up late); KVM is kept out by the driver instead. A cell
 * sees a hypervisor (ours, with its leaves), and neither SVM, which it
 * cannot use, nor the x2APIC, which is not emulated.
 */
void intercept_cpuid(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs)
{
	u32 leaf = (u32)v->rax;
	struct cpuid_regs r;

	cpu->stats[AXVM_EXIT_X86_64_CPUID]++;
	v->rip += CPUID_INSN_LEN;
	if (cpu->cell != &root_cell && hypervisor_leaf(leaf, &r))
		goto out;
	r = cpuid(leaf, (u32)regs->r[REG_RCX]);
	if (cpu->cell != &root_cell) {
		if (leaf == CPUID_FEATURES)
			r.ecx = (r.ecx & ~CPUID_X2APIC) | CPUID_HYPERVISOR;
		else if (leaf == CPUID_EXT_FEATURES)
			r.ecx &= ~CPUID_EXT_SVM;
		else if (leaf == CPUID_SVM_FEATURES)
			r.eax = r.ebx = r.ecx = r.edx = 0;
	}
out:
	v->rax = r.eax;
	regs->r[REG_RBX] = r.ebx;
	regs->r[REG_RCX] = r.ecx;
	regs->r[REG_RDX] = r.edx;
}

/*
 * An intercepted MSR. The root's are SVM's own: nobody but the firmware
 * writes them (whoever wrote the host save area's address would own the
 * host state of the next exit), VM_CR reads as it is and the save area's
 * address as 0. A cell reads its APIC base (where its emulated page is);
 * everything else is a #GP, as for an MSR the CPU does not have.
 */
void intercept_msr(struct per_cpu *cpu, struct vmcb *v, struct guest_regs *regs)
{
	u32 msr = (u32)regs->r[REG_RCX];
	bool write = v->exit_info1;
	u64 value = 0;

	cpu->stats[AXVM_EXIT_X86_64_MSR]++;
	if (cpu->cell != &root_cell) {
		if (write || msr != MSR_APIC_BASE) {
			svm_inject_exception(v, X86_TRAP_GP, true);
			return;
		}
		value = rdmsr(MSR_APIC_BASE);
	} else if (!write && msr == MSR_VM_CR) {
		value = rdmsr(MSR_VM_CR);
	}
	if (!write) {
		v->rax = (u32)value;
		regs->r[REG_RDX] = (u32)(value >> 32);
	}
	v->rip += MSR_INSN_LEN;	/* the root's write is ignored */
}
