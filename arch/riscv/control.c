// SPDX-License-Identifier: GPL-2.0
/*
 * CPU control hooks of the riscv64 firmware: kicks (an IPI through the
 * platform's SBI), waiting, the time base, starting a guest on a parked
 * hart and switching a hart off for real.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/csr.h>
#include <asm/layout.h>
#include <asm/sbi.h>
#include <asm/timer.h>
#include <asm/traps.h>
#include <asm/riscv.h>

/* How long arch_cpu_wait_for_signal() sleeps at most: 20 us. */
#define SIGNAL_WAIT_DIVISOR	50000

void arch_cpu_stop(void)
{
	csr_write(sie, 0);
	for (;;)
		asm volatile("wfi" ::: "memory");
}

u64 arch_cpu_hw_id(const struct per_cpu *cpu)
{
	return cpu->arch.hartid;
}

void arch_cpu_kick(struct per_cpu *cpu)
{
	sbi_send_ipi_hart(cpu->arch.hartid);
}

/* A parked hart: sie holds only the software interrupt (handover.c). */
void arch_cpu_wait_for_request(void)
{
	asm volatile("fence rw, rw\n\twfi" ::: "memory");
	csr_clear(sip, IE_SSIE);
}

u64 arch_counter(void)
{
	u64 t;

	asm volatile("rdtime %0" : "=r"(t));
	return t;
}

u64 arch_counter_hz(void)
{
	return system_config ? system_config->system.platform.arch.plic.timebase_hz : 0;
}

void arch_cpu_signal_all(void)
{
	asm volatile("fence rw, rw" ::: "memory");
}

/*
 * There is no wait-for-event on riscv: sleep until the HS timer fires a
 * few microseconds from now (or any interrupt comes), so that a waiting
 * hart does not spin (under -icount only one vCPU runs at a time).
 */
void arch_cpu_wait_for_signal(void)
{
	timer_wait(arch_counter_hz() / SIGNAL_WAIT_DIVISOR ?: 1);
}

/*
 * A hart fresh from the SBI's hart_start: a0 = hart id, a1 = @context,
 * VS-mode at @entry with translation and interrupts off.
 */
void arch_cpu_start_guest(struct per_cpu *cpu, u64 entry, u64 context)
{
	struct trap_frame *frame = cpu_frame(cpu);
	unsigned int i;

	for (i = 0; i < 32; i++)
		frame->x[i] = 0;
	frame->x[0] = entry;
	frame->x[REG_A0] = cpu->arch.hartid;
	frame->x[REG_A1] = context;
	vs_state_reset();
	gstage_enter(cpu->cell);
	csr_write(hstatus, HSTATUS_VSXL_64 | HSTATUS_SPV | HSTATUS_SPVP);
	csr_set(sstatus, SR_SPP | SR_FS_DIRTY);
	csr_clear(sstatus, SR_SPIE | SR_SIE);
	csr_write(sie, timer_guest_sie());
	return_to_guest(frame);
}

/*
 * Leave the hypervisor and stop the hart through the platform's HSM, so
 * that Linux can start it again later as it would without us. The hart
 * stops with translation off, as hart_start expects to find it.
 */
void arch_cpu_power_off(struct per_cpu *cpu)
{
	arch_cpu_restore(cpu);
	csr_write(satp, 0);	/* we run 1:1: nothing moves */
	asm volatile("sfence.vma" ::: "memory");
	sbi_call(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0, 0, 0, 0);
	arch_cpu_stop();	/* only if the platform refused */
}
