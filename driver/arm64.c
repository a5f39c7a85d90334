// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 part of the driver.
 */
#include <axvm/arch.h>

#include "axvm.h"

const u32 axvm_arch_id = AXVM_ARCH_ARM64;

struct axvm_symbol axvm_arch_symbols[] = {
	{
		.name = "__hyp_stub_vectors",
		.why = "to give EL2 back to Linux's hyp stub on disable",
	},
};
const unsigned int axvm_arch_symbol_count = ARRAY_SIZE(axvm_arch_symbols);
