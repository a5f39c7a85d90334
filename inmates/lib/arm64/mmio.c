// SPDX-License-Identifier: GPL-2.0
/*
 * Device register accesses for inmates on arm64: one ldr or str without
 * writeback each, which a hypervisor that emulates the register can
 * decode from the syndrome (ESR_EL2.ISV).
 */
#include <inmate.h>

DEFINE_MMIO_ACCESSORS(32, "ldr %w0, [%1]", "str %w0, [%1]")
DEFINE_MMIO_ACCESSORS(64, "ldr %0, [%1]", "str %0, [%1]")
