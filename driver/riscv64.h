/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the driver's common files need of the riscv64 part at compile
 * time: the exit reasons riscv64 adds to the common ones, as
 * X(name, reason) for the sysfs counters cpuN/exits_<name>.
 */
#ifndef AXVM_DRIVER_RISCV64_H
#define AXVM_DRIVER_RISCV64_H

#include <axvm/arch/riscv64/hypercall.h>

#define AXVM_ARCH_EXIT_ATTRS(X)					\
	X(sbi, AXVM_EXIT_RISCV64_SBI),					\
	X(irq, AXVM_EXIT_RISCV64_IRQ),

#endif /* AXVM_DRIVER_RISCV64_H */
