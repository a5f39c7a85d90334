// SPDX-License-Identifier: GPL-2.0
/*
 * Devices given to a cell must not be driven by the root at the same time:
 * once the cell exists, the root's driver would fault on every access.
 * Cell create is therefore refused while a root driver is bound to a
 * device whose registers lie in one of the cell's io regions, with a
 * message that names the driver and the device and says how to unbind
 * it. (Unbinding behind the user's back could take away a device they
 * still rely on; refusing keeps that decision theirs.)
 */
#include <linux/device.h>
#include <linux/platform_device.h>

#include <axvm/config.h>

#include "axvm.h"

struct bound_check {
	const struct axvm_cell_desc *cell;
	struct device *found;
};

static bool overlaps_io_region(const struct axvm_cell_desc *cell,
			       const struct resource *res)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	unsigned int i;

	for (i = 0; i < cell->num_memory_regions; i++)
		if ((mem[i].flags & AXVM_MEM_IO) &&
		    res->start < mem[i].phys_start + mem[i].size &&
		    mem[i].phys_start <= res->end)
			return true;
	return false;
}

static int check_device(struct device *dev, void *data)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct bound_check *check = data;
	unsigned int i;

	if (!dev->driver)
		return 0;
	for (i = 0; i < pdev->num_resources; i++) {
		const struct resource *res = &pdev->resource[i];

		if (resource_type(res) == IORESOURCE_MEM &&
		    overlaps_io_region(check->cell, res)) {
			check->found = get_device(dev);
			return 1;
		}
	}
	return 0;
}

int axvm_check_devices_free(const struct axvm_cell_desc *cell)
{
	struct bound_check check = { .cell = cell };

	bus_for_each_dev(&platform_bus_type, NULL, &check, check_device);
	if (!check.found)
		return 0;
	pr_err("axvm: cell create \"%s\": device %s is driven by the root's driver %s; unbind it first: echo %s > /sys/bus/platform/drivers/%s/unbind\n",
	       cell->name, dev_name(check.found), check.found->driver->name,
	       dev_name(check.found), check.found->driver->name);
	put_device(check.found);
	return -EBUSY;
}
