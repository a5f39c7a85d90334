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
	char driver[64];	/* its driver's name when it was found */
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
	int found = 0;

	/* The device lock keeps the driver from going away meanwhile. */
	device_lock(dev);
	for (i = 0; dev->driver && i < n && !found; i++) {
		if (overlaps_io_region(check->cell, &res[i])) {
			check->found = get_device(dev);
			strscpy(check->driver, dev->driver->name, sizeof(check->driver));
			found = 1;
		}
	}
	device_unlock(dev);
	return found;
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
	/* The device's own BARs: a bridge's windows cover its children's. */
	return check_resources(data, dev, to_pci_dev(dev)->resource,
			       PCI_BRIDGE_RESOURCES);
}
#endif

static int refuse_bound(const struct axvm_cell_desc *cell,
			struct device *dev, const char *driver)
{
	pr_err("axvm: cell create \"%s\": device %s is driven by the root's driver %s; unbind it first: echo %s > /sys/bus/%s/drivers/%s/unbind\n",
	       cell->name, dev_name(dev), driver, dev_name(dev),
	       dev->bus->name, driver);
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

/*
 * The name of the first handler of Linux's @irq if it is one of the cell's
 * lines, copied under the descriptor's lock (descriptors go away after an
 * RCU grace period, actions under that lock). Empty if it is not.
 */
static void line_user(const struct axvm_cell_desc *cell, unsigned int irq,
		      int *line, char *name, size_t size)
{
	struct irq_data *d;
	struct irq_desc *desc;
	unsigned long flags;

	name[0] = '\0';
	rcu_read_lock();
	d = irq_get_irq_data(irq);
	if (d) {
		*line = axvm_arch_irq_line(d);
		desc = irq_data_to_desc(d);
		raw_spin_lock_irqsave(&desc->lock, flags);
		if (desc->action && cell_has_line(cell, *line))
			strscpy(name, desc->action->name ?: "?", size);
		raw_spin_unlock_irqrestore(&desc->lock, flags);
	}
	rcu_read_unlock();
}

/* A root driver has requested one of the cell's interrupt lines. */
static int check_irqs_free(const struct axvm_cell_desc *cell)
{
	char name[64];
	unsigned int irq;
	int line = -1;

	for (irq = 1; irq < nr_irqs; irq++) {
		line_user(cell, irq, &line, name, sizeof(name));
		if (!name[0])
			continue;
		pr_err("axvm: cell create \"%s\": interrupt %d is in use by the root's driver \"%s\" (Linux irq %u, see /proc/interrupts); unbind that device first\n",
		       cell->name, line, name, irq);
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
		return refuse_bound(cell, check.found, check.driver);
	return check_irqs_free(cell);
}
