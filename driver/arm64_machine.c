// SPDX-License-Identifier: GPL-2.0
/*
 * arm64: the GICv3 of the system config against the machine. The
 * addresses must be the device tree's, and the registers there must say
 * they are a GICv3 or v4 (a distributor address that pointed at the UART
 * was accepted once, and the real distributor vanished from the root).
 * And: which of Linux's interrupts are GIC lines, for the in-use check.
 */
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_address.h>

#include <axvm/config.h>

#include "axvm.h"

#define GIC_PIDR2		0xffe8
#define GIC_PIDR2_ARCH(v)	(((v) >> 4) & 0xf)
#define GICR_FRAME_SIZE		0x20000
#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1u << 4)
#define GITS_SIZE		0x20000

static bool is_gicv3(void __iomem *regs)
{
	u32 arch = GIC_PIDR2_ARCH(readl_relaxed(regs + GIC_PIDR2));

	return arch == 3 || arch == 4;
}

static int check_reg(struct device_node *np, int index, u64 base, u64 size,
		     const char *field)
{
	struct resource res = { 0 };

	if (of_address_to_resource(np, index, &res) || base != res.start ||
	    base + size - 1 > res.end) {
		pr_err("axvm: enable: platform.gic.%s 0x%llx+0x%llx is not the device tree's (%pR)\n",
		       field, base, size, &res);
		return -EINVAL;
	}
	return 0;
}

/* The distributor and every redistributor frame answer as a GICv3. */
static int check_gic_registers(const struct axvm_platform *p)
{
	void __iomem *gicd = ioremap(p->arch.gicv3.gicd_base, SZ_64K);
	void __iomem *gicr = ioremap(p->arch.gicv3.gicr_base, p->arch.gicv3.gicr_size);
	int err = 0;
	u64 off;

	if (!gicd || !gicr) {
		err = -ENOMEM;
		goto out;
	}
	if (!is_gicv3(gicd)) {
		pr_err("axvm: enable: platform.gic.distributor 0x%llx: no GICv3 distributor answers there\n",
		       p->arch.gicv3.gicd_base);
		err = -EINVAL;
	}
	for (off = 0; !err && off < p->arch.gicv3.gicr_size; off += GICR_FRAME_SIZE) {
		if (!is_gicv3(gicr + off)) {
			pr_err("axvm: enable: platform.gic.redistributors: no GICv3 redistributor at 0x%llx\n",
			       p->arch.gicv3.gicr_base + off);
			err = -EINVAL;
		} else if (readl_relaxed(gicr + off + GICR_TYPER) & GICR_TYPER_LAST) {
			break;
		}
	}
out:
	if (gicd)
		iounmap(gicd);
	if (gicr)
		iounmap(gicr);
	return err;
}

int axvm_arch_check_platform(const struct axvm_platform *p)
{
	struct device_node *gic, *its;
	int err;

	gic = of_find_compatible_node(NULL, NULL, "arm,gic-v3");
	if (!gic) {
		pr_err("axvm: enable: this machine's device tree has no GICv3 (arm,gic-v3)\n");
		return -ENODEV;
	}
	err = check_reg(gic, 0, p->arch.gicv3.gicd_base, SZ_64K, "distributor");
	if (!err)
		err = check_reg(gic, 1, p->arch.gicv3.gicr_base, p->arch.gicv3.gicr_size, "redistributors");
	if (!err && p->arch.gicv3.gits_base) {
		its = of_get_compatible_child(gic, "arm,gic-v3-its");
		err = its ? check_reg(its, 0, p->arch.gicv3.gits_base, GITS_SIZE, "its") : -EINVAL;
		if (!its)
			pr_err("axvm: enable: platform.gic.its 0x%llx: this machine's GIC has no ITS\n",
			       p->arch.gicv3.gits_base);
		of_node_put(its);
	}
	of_node_put(gic);
	return err ? err : check_gic_registers(p);
}

/* The validator keeps the GIC from the root already (config_check_gicv3.c). */
int axvm_arch_check_root_regions(const struct axvm_cell_desc *root)
{
	return 0;
}

/* Linux's interrupt as a GIC INTID, if the GIC itself is its domain. */
int axvm_arch_irq_line(struct irq_data *d)
{
	struct fwnode_handle *fw;

	while (d->parent_data)
		d = d->parent_data;
	fw = d->domain ? d->domain->fwnode : NULL;
	if (!fw || !is_of_node(fw) ||
	    !of_device_is_compatible(to_of_node(fw), "arm,gic-v3"))
		return -1;
	return d->hwirq < 1020 ? (int)d->hwirq : -1;
}
