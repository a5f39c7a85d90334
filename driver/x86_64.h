/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the driver's common files need of the x86-64 part at compile
 * time: the exit reasons x86-64 adds to the common ones, as
 * X(name, reason) for the sysfs counters cpuN/exits_<name>.
 */
#ifndef AXVM_DRIVER_X86_64_H
#define AXVM_DRIVER_X86_64_H

#include <axvm/arch/x86_64/hypercall.h>

#define AXVM_ARCH_EXIT_ATTRS(X)					\
	X(cpuid, AXVM_EXIT_X86_64_CPUID),				\
	X(msr, AXVM_EXIT_X86_64_MSR),					\
	X(io, AXVM_EXIT_X86_64_IO),

#endif /* AXVM_DRIVER_X86_64_H */
