// SPDX-License-Identifier: GPL-2.0
/*
 * Device register accesses for inmates on riscv64: one lw, sw, ld or sd
 * each, which a hypervisor that emulates the register decodes from the
 * instruction at the trapping pc.
 */
#include <inmate.h>

DEFINE_MMIO_ACCESSORS(32, "lw %0, 0(%1)", "sw %0, 0(%1)")
DEFINE_MMIO_ACCESSORS(64, "ld %0, 0(%1)", "sd %0, 0(%1)")
