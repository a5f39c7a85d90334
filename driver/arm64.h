/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the driver's common files need of the arm64 part at compile time:
 * the exit reasons arm64 adds to the common ones, as X(name, reason) for
 * the sysfs counters cpuN/exits_<name>.
 */
#ifndef AXVM_DRIVER_ARM64_H
#define AXVM_DRIVER_ARM64_H

#include <axvm/arch/arm64/hypercall.h>

#define AXVM_ARCH_EXIT_ATTRS(X)					\
	X(psci, AXVM_EXIT_ARM64_PSCI),					\
	X(sysreg, AXVM_EXIT_ARM64_SYSREG),

#endif /* AXVM_DRIVER_ARM64_H */
