// SPDX-License-Identifier: GPL-2.0
/*
 * Timers on riscv64 (asm/timer.h). With Sstc (henvcfg.STCE), a guest's
 * stimecmp is vstimecmp: its ticks never trap, and the firmware keeps
 * stimecmp for its own waits. Without it, a guest's timer is the SBI's
 * set_timer: the firmware passes the deadline to the platform for the
 * calling hart, takes the supervisor timer interrupt when it comes, and
 * raises VSTIP for the guest until its next set_timer (one exit per tick,
 * on that hart only). The firmware then waits by reading the time CSR.
 */
#include <axvm/errno.h>
#include <hv/arch.h>

#include <asm/csr.h>
#include <asm/riscv.h>
#include <asm/sbi.h>
#include <asm/timer.h>

static int sstc = -1;	/* -1 until the first hart looked */

/* Sstc, and M-mode lets the guests use it (henvcfg.STCE sticks). */
static bool hart_has_sstc(void)
{
	return hs_has_stimecmp() && (csr_read(henvcfg) & ENVCFG_STCE);
}

int timer_cpu_init(void)
{
	int here = hart_has_sstc();

	if (!here)	/* a guest's stimecmp then traps, as it should */
		csr_clear(henvcfg, ENVCFG_STCE);

	if (sstc < 0)
		sstc = here;
	return sstc == here ? 0 : -ENODEV;
}

static void platform_set_timer(u64 deadline)
{
	sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, deadline, 0, 0, 0, 0, 0);
}

void timer_take_over(void)
{
	if (sstc) {
		csr_write(vstimecmp, csr_read(stimecmp));
		csr_write(stimecmp, -1ull);
	}
	/* Without Sstc Linux's deadline stays armed at the platform. */
}

void timer_give_back(void)
{
	if (sstc) {
		csr_write(stimecmp, csr_read(vstimecmp));
		csr_write(vstimecmp, -1ull);
	} else if (csr_read(hvip) & IP_VSTIP) {
		platform_set_timer(0);	/* its tick came: Linux sees it again */
	}
}

void timer_guest_set(u64 deadline)
{
	if (sstc) {
		csr_write(vstimecmp, deadline);
		return;
	}
	csr_clear(hvip, IP_VSTIP);
	platform_set_timer(deadline);
}

void timer_guest_reset(void)
{
	if (sstc) {
		csr_write(vstimecmp, -1ull);
		return;
	}
	csr_clear(hvip, IP_VSTIP);
	platform_set_timer(-1ull);
}

void timer_handle_irq(void)
{
	if (sstc) {
		csr_write(stimecmp, -1ull);	/* a wait's deadline, seen late */
		return;
	}
	csr_set(hvip, IP_VSTIP);
	platform_set_timer(-1ull);
}

void timer_wait(u64 ticks)
{
	u64 sie, end = arch_counter() + ticks;

	if (!sstc) {
		while (arch_counter() < end && !(csr_read(sip) & csr_read(sie)))
			asm volatile("nop" ::: "memory");
		return;
	}
	sie = csr_read(sie);
	csr_write(stimecmp, end);
	csr_write(sie, sie | IE_STIE);
	asm volatile("wfi" ::: "memory");
	csr_write(stimecmp, -1ull);
	csr_write(sie, sie);
}

u64 timer_guest_sie(void)
{
	return IE_SSIE | IE_SEIE | (sstc ? 0 : IE_STIE);
}
