/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guests' timers and the firmware's own short waits (timer.c): with
 * Sstc a guest's timer is vstimecmp and ticks without a trap; without it,
 * the guest's SBI set_timer programs the platform's timer for its hart and
 * its interrupt reaches the guest as VSTIP.
 */
#ifndef _ASM_TIMER_H
#define _ASM_TIMER_H

#include <hv/types.h>

/* Per hart, at take-over: 0, or -ENODEV if its harts differ in Sstc. */
int timer_cpu_init(void);
/* Linux's pending deadline moves to its VS timer / comes back to HS. */
void timer_take_over(void);
void timer_give_back(void);
/* The guest's SBI set_timer. */
void timer_guest_set(u64 deadline);
/* Nothing of the guest's timer armed or pending (park, start). */
void timer_guest_reset(void);
/* The hart's supervisor timer interrupt came. */
void timer_handle_irq(void);
/* Wait about @ticks of the time CSR, or less if an interrupt comes. */
void timer_wait(u64 ticks);
/* The HS interrupts a hart running a guest takes (sie). */
u64 timer_guest_sie(void);

#endif /* _ASM_TIMER_H */
