// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64: the PLIC of the system config against the machine's device
 * tree (address, size, number of sources, the time base), and which of
 * Linux's interrupts are PLIC sources, for the in-use check.
 */
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_address.h>

#include <axvm/config.h>

#include "axvm.h"

static const char *const plic_compatibles[] = {
	"riscv,plic0", "sifive,plic-1.0.0", "thead,c900-plic",
};

static struct device_node *find_plic(void)
{
	struct device_node *np;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(plic_compatibles); i++) {
		np = of_find_compatible_node(NULL, NULL, plic_compatibles[i]);
		if (np)
			return np;
	}
	return NULL;
}

static int check_plic_node(struct device_node *np, const struct axvm_plic *p)
{
	struct resource res = { 0 };
	u32 ndev = 0;

	if (of_address_to_resource(np, 0, &res) || p->base != res.start ||
	    p->size != resource_size(&res)) {
		pr_err("axvm: enable: platform.plic.base/size 0x%llx+0x%llx is not the device tree's (%pR)\n",
		       p->base, p->size, &res);
		return -EINVAL;
	}
	/*
	 * Fewer is fine (the hypervisor leaves the rest to nobody); more would
	 * name sources the PLIC does not have. QEMU 7.2 says 96 where QEMU 10
	 * says 95 for the same machine.
	 */
	if (of_property_read_u32(np, "riscv,ndev", &ndev) || p->num_sources > ndev) {
		pr_err("axvm: enable: platform.plic.sources is %u, more than the device tree's riscv,ndev (%u)\n",
		       p->num_sources, ndev);
		return -EINVAL;
	}
	return 0;
}

static int check_timebase(const struct axvm_plic *p)
{
	struct device_node *cpus = of_find_node_by_path("/cpus");
	u32 hz = 0;
	int err = cpus ? of_property_read_u32(cpus, "timebase-frequency", &hz) : -ENODEV;

	of_node_put(cpus);
	if (err || hz != p->timebase_hz) {
		pr_err("axvm: enable: platform.timebase_frequency is %llu, the device tree's /cpus timebase-frequency says %u\n",
		       p->timebase_hz, hz);
		return -EINVAL;
	}
	return 0;
}

int axvm_arch_check_platform(const struct axvm_platform *p)
{
	struct device_node *np = find_plic();
	int err;

	if (p->irqchip != AXVM_IRQCHIP_PLIC) {
		pr_err("axvm: enable: platform.irqchip %u is not a PLIC, the only interrupt controller of riscv64 supported\n",
		       p->irqchip);
		return -EINVAL;
	}
	if (!np) {
		pr_err("axvm: enable: this machine's device tree has no PLIC (riscv,plic0)\n");
		return -ENODEV;
	}
	err = check_plic_node(np, &p->arch.plic);
	of_node_put(np);
	return err ? err : check_timebase(&p->arch.plic);
}

/*
 * M-mode's timer and software interrupts (CLINT, ACLINT): the platform's
 * firmware drives them; a cell that could write them would raise M-mode
 * interrupts on any hart or move its timer. The system config does not
 * describe them, so the device tree says where they are.
 */
static const char *const m_mode_compatibles[] = {
	"riscv,clint0", "sifive,clint0", "riscv,aclint-mswi", "riscv,aclint-mtimer",
};

static int check_region_clear_of(const struct axvm_memory_region *r,
				 unsigned int index, struct device_node *np)
{
	struct resource res;
	int i;

	for (i = 0; !of_address_to_resource(np, i, &res); i++) {
		if (r->phys_start <= res.end &&
		    res.start <= r->phys_start + r->size - 1) {
			pr_err("axvm: enable: root_cell.memory[%u] 0x%llx+0x%llx covers %pOFn at %pR, which is M-mode's (the platform firmware's): no cell may map it\n",
			       index, r->phys_start, r->size, np, &res);
			return -EINVAL;
		}
	}
	return 0;
}

int axvm_arch_check_root_regions(const struct axvm_cell_desc *root)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(root);
	struct device_node *np;
	unsigned int i, c;

	for (c = 0; c < ARRAY_SIZE(m_mode_compatibles); c++) {
		for_each_compatible_node(np, NULL, m_mode_compatibles[c]) {
			for (i = 0; i < root->num_memory_regions; i++) {
				if (check_region_clear_of(&mem[i], i, np)) {
					of_node_put(np);
					return -EINVAL;
				}
			}
		}
	}
	return 0;
}

/* Linux's interrupt as a PLIC source, if the PLIC itself is its domain. */
int axvm_arch_irq_line(struct irq_data *d)
{
	struct fwnode_handle *fw;
	unsigned int i;

	while (d->parent_data)
		d = d->parent_data;
	fw = d->domain ? d->domain->fwnode : NULL;
	if (!fw || !is_of_node(fw))
		return -1;
	for (i = 0; i < ARRAY_SIZE(plic_compatibles); i++)
		if (of_device_is_compatible(to_of_node(fw), plic_compatibles[i]))
			return d->hwirq < 1024 ? (int)d->hwirq : -1;
	return -1;
}
