// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a hart over and giving it back, on riscv64.
 *
 * The hart arrives from axvm_entry in HS-mode on the boot table, running
 * 1:1 at the physical address the driver loaded us at, with Linux's
 * registers in its frame. Taking it over moves Linux's S-mode state into
 * the VS registers and returns to Linux in VS-mode; giving it back is the
 * reverse, from the disable hypercall.
 */
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/csr.h>
#include <asm/paging.h>
#include <asm/plic.h>
#include <asm/timer.h>
#include <asm/traps.h>
#include <asm/riscv.h>

/* Every environment-configuration bit a guest may need (if M-mode lets
 * us): FIOM, CBIE = flush, CBCFE, CBZE, ADUE, PBMTE, STCE. */
#define HENVCFG_WANTED	((1ull << 0) | (1ull << 4) | (1ull << 6) | \
			 (1ull << 7) | (1ull << 61) | (1ull << 62) | ENVCFG_STCE)

struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)(uintptr_t)(csr_read(sscratch) +
					     AXVM_FRAME_SIZE - AXVM_PERCPU_SIZE);
}

struct trap_frame *cpu_frame(struct per_cpu *cpu)
{
	return (struct trap_frame *)((u64)(uintptr_t)cpu + AXVM_PERCPU_SIZE -
				     AXVM_FRAME_SIZE);
}

void gstage_enter(const struct cell *cell)
{
	csr_write(hgatp, cell->arch.hgatp);
	hfence_gvma_all();
	hfence_vvma_all();
}

static void save_linux_hs_state(struct per_cpu *cpu, struct trap_frame *f)
{
	struct arch_per_cpu *a = &cpu->arch;

	a->hartid = f->x[REG_A1];
	a->linux_hedeleg = csr_read(hedeleg);
	a->linux_hideleg = csr_read(hideleg);
	a->linux_hcounteren = csr_read(hcounteren);
	a->linux_henvcfg = csr_read(henvcfg);
	a->linux_hstatus = csr_read(hstatus);
}

/* Linux's S-mode state becomes its VS-mode state, nothing lost. */
static void move_linux_into_vs(struct trap_frame *f)
{
	csr_write(vsstatus, f->linux_sstatus);
	csr_write(vstvec, f->linux_stvec);
	csr_write(vsscratch, f->linux_sscratch);
	csr_write(vsatp, f->linux_satp);
	csr_write(vsie, csr_read(sie));
	timer_take_over();
	if (csr_read(sip) & IE_SSIE) {
		csr_clear(sip, IE_SSIE);
		csr_set(hvip, IP_VSSIP);
	}
}

int arch_cpu_init(struct per_cpu *cpu)
{
	struct trap_frame *f = cpu_frame(cpu);
	u64 henvcfg = csr_read(henvcfg);

	save_linux_hs_state(cpu, f);
	csr_write(henvcfg, henvcfg | HENVCFG_WANTED);
	if (timer_cpu_init()) {
		csr_write(henvcfg, henvcfg);
		printk("CPU %u: Sstc here differs from the first CPU's: not supported\n",
		       cpu->id);
		return -ENODEV;
	}
	csr_write(satp, hs_satp());
	asm volatile("sfence.vma" ::: "memory");
	csr_write(stvec, (u64)(uintptr_t)trap_vector);
	/* First: vsie holds only what hideleg delegates. */
	csr_write(hedeleg, HEDELEG_GUEST);
	csr_write(hideleg, HIDELEG_VS);
	csr_write(hcounteren, -1ull);	/* time, cycle, instret: no trap */
	move_linux_into_vs(f);

	csr_write(hstatus, HSTATUS_VSXL_64 | HSTATUS_SPV | HSTATUS_SPVP);
	gstage_enter(cpu->cell);
	/*
	 * Back into the guest with sret: SPP = S, interrupts as Linux had
	 * them (off: it called us from an IPI). FS stays on in HS-mode too:
	 * the guest's FP works only with both enabled.
	 */
	csr_set(sstatus, SR_SPP | SR_FS_DIRTY);
	csr_clear(sstatus, SR_SPIE | SR_SIE);
	/* Our own interrupts: kicks and IPIs, the PLIC's line (the timer's). */
	csr_write(sie, timer_guest_sie());
	return 0;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	/* Read the VS state while hideleg still delegates what it holds. */
	u64 vsip = csr_read(hvip), vsie = csr_read(vsie);
	u64 vsstatus = csr_read(vsstatus);

	csr_write(hstatus, a->linux_hstatus & ~HSTATUS_SPV);
	csr_write(hedeleg, a->linux_hedeleg);
	csr_write(hideleg, a->linux_hideleg);
	csr_write(hcounteren, a->linux_hcounteren);
	csr_write(hgatp, 0);
	hfence_gvma_all();
	timer_give_back();
	csr_write(henvcfg, a->linux_henvcfg);
	csr_write(hvip, 0);
	csr_write(sie, vsie);
	if (vsip & IP_VSSIP)
		csr_set(sip, IE_SSIE);
	csr_write(sstatus, vsstatus & ~(SR_SIE | SR_SPIE));
	csr_set(sstatus, SR_SPP);
	plic_cpu_exit(cpu);
}

/* The hart goes back to HS-mode Linux, which resumes after its ecall. */
void arch_cpu_leave(struct per_cpu *cpu)
{
	struct trap_frame *f = cpu_frame(cpu);

	/* What Linux has now, not what it had when it entered. */
	f->linux_satp = csr_read(vsatp);
	f->linux_stvec = csr_read(vstvec);
	csr_write(sscratch, csr_read(vsscratch));
	arch_cpu_restore(cpu);
	/* f->x[0] is past the ecall already (traps.c). */
	f->x[REG_A0] = 0;
	f->x[REG_A1] = 0;
	leave_to_linux(f);
}

/*
 * Called by axvm_entry with Linux's registers in @frame: a0 = CPU number,
 * a1 = hart id, a3 = config size. Enters the guest or goes back to
 * Linux with the error.
 */
void bootstrap(struct trap_frame *frame)
{
	int err = hypervisor_enter((unsigned int)frame->x[REG_A0], frame->x[REG_A3]);

	if (err) {
		frame->x[REG_A0] = (u64)(long)err;
		csr_write(sscratch, frame->linux_sscratch);
		leave_to_linux(frame);
	}
	frame->x[REG_A0] = 0;
	return_to_guest(frame);
}
