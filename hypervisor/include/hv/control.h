/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's global state and the hypercalls the core answers.
 */
#ifndef _HV_CONTROL_H
#define _HV_CONTROL_H

#include <axvm/config.h>
#include <hv/types.h>

/** The validated copy of the system config (NULL before start-up). */
extern const struct axvm_system_config *system_config;

/** hypervisor_memory_base() / _size() - where the firmware lives. */
u64 hypervisor_memory_base(void);
u64 hypervisor_memory_size(void);
/** hypervisor_memory_used() - bytes of hypervisor memory in use. */
u64 hypervisor_memory_used(void);

/**
 * hypervisor_enter() - bring the calling CPU under the hypervisor
 * @cpu_id:      Linux's number for it.
 * @config_size: bytes of the system config the driver placed in
 *               hypervisor memory (only the first CPU reads it).
 *
 * NOTE: entry path, MMU off. 0 or negative errno.
 */
int hypervisor_enter(unsigned int cpu_id, u64 config_size);

/**
 * hypercall() - answer a hypercall of the calling CPU's cell
 * @code: AXVM_HC_*.
 * @arg1: first argument.
 * @arg2: second argument.
 *
 * Return: the result for the caller, >= 0 or a negative errno. The disable
 * hypercall does not return when it succeeds.
 */
long hypercall(u64 code, u64 arg1, u64 arg2);

#endif /* _HV_CONTROL_H */
