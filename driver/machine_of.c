// SPDX-License-Identifier: GPL-2.0
/*
 * The machine's RAM as a device tree describes it (arm64, riscv64): its
 * memory nodes, which keep what mem= takes away from Linux.
 */
#include <linux/of.h>
#include <linux/of_address.h>

#include "axvm.h"

const char axvm_arch_ram_source[] = "the device tree's memory nodes";

bool axvm_arch_machine_ram(u64 start, u64 size, enum axvm_ram_query query)
{
	bool inside = query != AXVM_RAM_ANY;
	struct device_node *np;
	struct resource res;
	u64 last = start + size - 1;
	int i;

	for_each_node_by_type(np, "memory") {
		for (i = 0; !of_address_to_resource(np, i, &res); i++) {
			if (inside ? start >= res.start && last <= res.end :
				     start <= res.end && res.start <= last) {
				of_node_put(np);
				return true;
			}
		}
	}
	return false;
}
