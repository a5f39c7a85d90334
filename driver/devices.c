// SPDX-License-Identifier: GPL-2.0
/*
 * Devices and interrupts given to a cell must not be in use by the root at
 * the same time: once the cell exists, the root's driver would fault on
 * every access, or wait for ever for an interrupt that now fires in the
 * cell (a cell that took the root's UART silenced the root's console for
 * good). Cell create is therefore refused while a root driver is bound to
 * a device whose registers lie in one of the cell's io regions, on any bus
 * the kernel has (platform, AMBA, PCI), or holds one of the cell's
 * interrupts, with a message that names the driver and says how to unbind
 * it. (Unbinding behind the user's back could take away a device they
 * still rely on; refusing keeps that decision theirs.)
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/pci.h>
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

	if (resource_type(res) != IORESOURCE_MEM || !res->end)
		return false;
	for (i = 0; i < cell->num_memory_regions; i++)
		if ((mem[i].flags & AXVM_MEM_IO) &&
		    res->start < mem[i].phys_start + mem[i].size &&
		    mem[i].phys_start <= res->end)
			return true;
	return false;
}

/* @dev is bound and one of its @n resources lies in a cell io region. */
static int check_resources(struct bound_check *check, struct device *dev,
			   const struct resource *res, unsigned int n)
{
	unsigned int i;

	if (!dev->driver)
		return 0;
	for (i = 0; i < n; i++) {
		if (overlaps_io_region(check->cell, &res[i])) {
			check->found = get_device(dev);
			return 1;
		}
	}
	return 0;
}

static int check_platform_device(struct device *dev, void *data)
{
	struct platform_device *pdev = to_platform_device(dev);

	return check_resources(data, dev, pdev->resource, pdev->num_resources);
}

#ifdef CONFIG_ARM_AMBA
static int check_amba_device(struct device *dev, void *data)
{
	return check_resources(data, dev, &to_amba_device(dev)->res, 1);
}
#endif

#ifdef CONFIG_PCI
static int check_pci_device(struct device *dev, void *data)
{
	return check_resources(data, dev, to_pci_dev(dev)->resource,
			       PCI_NUM_RESOURCES);
}
#endif

static int refuse_bound(const struct axvm_cell_desc *cell, struct device *dev)
{
	pr_err("axvm: cell create \"%s\": device %s is driven by the root's driver %s; unbind it first: echo %s > /sys/bus/%s/drivers/%s/unbind\n",
	       cell->name, dev_name(dev), dev->driver->name, dev_name(dev),
	       dev->bus->name, dev->driver->name);
	put_device(dev);
	return -EBUSY;
}

static bool cell_has_line(const struct axvm_cell_desc *cell, int line)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell);
	unsigned int i;

	for (i = 0; line >= 0 && i < cell->num_irq_ranges; i++)
		if ((u32)line >= irq[i].first && (u32)line - irq[i].first < irq[i].count)
			return true;
	return false;
}

/* A root driver has requested one of the cell's interrupt lines. */
static int check_irqs_free(const struct axvm_cell_desc *cell)
{
	unsigned int irq;

	for (irq = 1; irq < nr_irqs; irq++) {
		struct irq_data *d = irq_get_irq_data(irq);
		struct irqaction *action;
		int line;

		if (!d)
			continue;
		line = axvm_arch_irq_line(d);
		action = READ_ONCE(irq_data_to_desc(d)->action);
		if (!action || !cell_has_line(cell, line))
			continue;
		pr_err("axvm: cell create \"%s\": interrupt %d is in use by the root's driver \"%s\" (Linux irq %u, see /proc/interrupts); unbind that device first\n",
		       cell->name, line, action->name ?: "?", irq);
		return -EBUSY;
	}
	return 0;
}

int axvm_check_devices_free(const struct axvm_cell_desc *cell)
{
	struct bound_check check = { .cell = cell };

	bus_for_each_dev(&platform_bus_type, NULL, &check, check_platform_device);
#ifdef CONFIG_ARM_AMBA
	if (!check.found)
		bus_for_each_dev(&amba_bustype, NULL, &check, check_amba_device);
#endif
#ifdef CONFIG_PCI
	if (!check.found)
		bus_for_each_dev(&pci_bus_type, NULL, &check, check_pci_device);
#endif
	if (check.found)
		return refuse_bound(cell, check.found);
	return check_irqs_free(cell);
}
