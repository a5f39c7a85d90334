// SPDX-License-Identifier: GPL-2.0
/*
 * The system config against the real machine, before anything is touched:
 * a config that names memory the machine does not have, or a device that
 * is not where it says, is refused with the field and the value, instead
 * of an oops in the middle of enable (the memset into hypervisor memory at
 * an address without RAM took a synchronous external abort and left the
 * driver's lock held). What is RAM comes from the architecture's
 * description of the machine (axvm_arch_machine_ram: the device tree, or
 * x86's memory map), and the interrupt controller's addresses are checked
 * by the architecture's part (axvm_arch_check_platform).
 */
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_address.h>

#include <axvm/config.h>

#include "axvm.h"

static bool is_linux_ram(u64 start, u64 size)
{
	return region_intersects(start, size, IORESOURCE_SYSTEM_RAM,
				 IORES_DESC_NONE) != REGION_DISJOINT;
}

static int check_hypervisor_memory(const struct axvm_system_desc *sys)
{
	if (!axvm_arch_machine_ram(sys->hypervisor_phys, sys->hypervisor_size,
				   AXVM_RAM_ALL_USABLE)) {
		pr_err("axvm: enable: hypervisor.memory 0x%llx+0x%llx is not RAM of this machine (see %s)\n",
		       sys->hypervisor_phys, sys->hypervisor_size, axvm_arch_ram_source);
		return -EINVAL;
	}
	if (is_linux_ram(sys->hypervisor_phys, sys->hypervisor_size)) {
		pr_err("axvm: enable: hypervisor.memory 0x%llx+0x%llx is RAM Linux uses; keep it from Linux (e.g. mem=768M on the reference machine)\n",
		       sys->hypervisor_phys, sys->hypervisor_size);
		return -EINVAL;
	}
	return 0;
}

/* Root RAM must be RAM; root io regions must not be. */
static int check_root_regions(const struct axvm_cell_desc *root)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(root);
	unsigned int i;
	int err = 0;

	for (i = 0; i < root->num_memory_regions; i++) {
		bool io = mem[i].flags & AXVM_MEM_IO;

		if (!io && !axvm_arch_machine_ram(mem[i].phys_start, mem[i].size,
						  AXVM_RAM_ALL)) {
			pr_err("axvm: enable: root_cell.memory[%u] 0x%llx+0x%llx is not RAM of this machine (see %s)\n",
			       i, mem[i].phys_start, mem[i].size, axvm_arch_ram_source);
			err = -EINVAL;
		} else if (io && axvm_arch_machine_ram(mem[i].phys_start, mem[i].size,
							 AXVM_RAM_ANY)) {
			pr_err("axvm: enable: root_cell.memory[%u] 0x%llx+0x%llx is flagged io but covers RAM\n",
			       i, mem[i].phys_start, mem[i].size);
			err = -EINVAL;
		}
	}
	return err;
}

/* A PL011 debug console must be a PL011 of the device tree. */
static int check_debug_console(const struct axvm_console *con)
{
	struct device_node *np;
	struct resource res;

	if (con->type != AXVM_CONSOLE_PL011)
		return 0;
	for_each_compatible_node(np, NULL, "arm,pl011") {
		if (!of_address_to_resource(np, 0, &res) &&
		    con->address >= res.start && con->address <= res.end) {
			of_node_put(np);
			return 0;
		}
	}
	pr_err("axvm: enable: debug_console.address 0x%llx is not a PL011 UART of this machine (see the device tree)\n",
	       con->address);
	return -EINVAL;
}

int axvm_check_machine(const struct axvm_system_config *cfg)
{
	int err = check_hypervisor_memory(&cfg->system);

	if (!err)
		err = check_root_regions(&cfg->root_cell);
	if (!err)
		err = axvm_arch_check_root_regions(&cfg->root_cell);
	if (!err)
		err = check_debug_console(&cfg->system.debug_console);
	if (!err)
		err = axvm_arch_check_platform(&cfg->system.platform);
	return err;
}

int axvm_check_not_linux_ram(const struct axvm_cell_desc *cell)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	unsigned int i;

	for (i = 0; i < cell->num_memory_regions; i++) {
		if (mem[i].flags & AXVM_MEM_IO)
			continue;
		if (is_linux_ram(mem[i].phys_start, mem[i].size)) {
			pr_err("axvm: cell create \"%s\": memory[%u] 0x%llx+0x%llx is RAM Linux uses%s; give cells memory Linux was kept from (mem=)\n",
			       cell->name, i, mem[i].phys_start, mem[i].size,
			       (mem[i].flags & AXVM_MEM_SHARED) ?
			       " (a shared region too must lie outside it)" : "");
			return -EINVAL;
		}
	}
	return 0;
}
