/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A ticket spinlock. Waiters sleep in the architecture's wait-for-event
 * between looks, so that under QEMU's -icount the holder gets to run.
 */
#ifndef _HV_SPINLOCK_H
#define _HV_SPINLOCK_H

#include <hv/arch.h>
#include <hv/types.h>

typedef struct {
	u32 next;
	u32 owner;
} spinlock_t;

static inline void spin_lock(spinlock_t *lock)
{
	u32 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		arch_cpu_wait_for_signal();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_fetch_add(&lock->owner, 1, __ATOMIC_RELEASE);
	arch_cpu_signal_all();
}

#endif /* _HV_SPINLOCK_H */
