// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Which rules a config follows on its architecture, for config_check.c,
 * which includes this file after the interrupt controllers' rules
 * (config_check_gicv3.c, config_check_plic.c): the console kinds the
 * architecture has, its interrupt controller, the frames nobody may map
 * and the interrupt numbers a cell may own. An architecture without rules
 * of its own (x86_64 today) meets the GICv3 ones.
 */

/*
 * A PL011 is arm64's; the SBI console is riscv64's platform firmware, the
 * hypervisor's to use (a cell's console is the hypercall one).
 */
static void check_console_kind(struct check *c, const struct axvm_console *con,
			       const char *path, int is_debug)
{
	if (con->type == AXVM_CONSOLE_PL011 && c->arch != AXVM_ARCH_ARM64)
		problem(c, -EINVAL,
			"%stype: a PL011 console is arm64's, this config is for %s",
			path, axvm_arch_name(c->arch));
	if (con->type == AXVM_CONSOLE_SBI && c->arch != AXVM_ARCH_RISCV64)
		problem(c, -EINVAL,
			"%stype: the SBI console is riscv64's, this config is for %s",
			path, axvm_arch_name(c->arch));
	else if (con->type == AXVM_CONSOLE_SBI && !is_debug)
		problem(c, -EINVAL,
			"%stype: the SBI console is the hypervisor's (debug_console); a cell writes through its hypercall console",
			path);
}

static void check_irqchip(struct check *c, const struct axvm_platform *p)
{
	if (c->arch == AXVM_ARCH_RISCV64) {
		if (p->irqchip == AXVM_IRQCHIP_PLIC)
			check_plic(c, &p->arch.plic, p->num_cpus);
		else
			problem(c, -EINVAL,
				"platform.irqchip is %u: a riscv64 machine has a PLIC (%u)",
				p->irqchip, AXVM_IRQCHIP_PLIC);
		return;
	}
	if (p->irqchip == AXVM_IRQCHIP_GICV3)
		check_gicv3(c, &p->arch.gicv3, p->num_cpus);
	else
		problem(c, -EINVAL,
			"platform.gic.version is %u, only GICv3 (3) is supported",
			p->irqchip);
}

/*
 * The interrupt controller's frames, if it is @arch's (else check_irqchip()
 * said so already, and another arch's frames would only add noise).
 */
static unsigned int irqchip_frames(__u32 arch, const struct axvm_platform *p,
				   struct platform_frame *f)
{
	if ((arch == AXVM_ARCH_RISCV64) != (p->irqchip == AXVM_IRQCHIP_PLIC))
		return 0;
	switch (p->irqchip) {
	case AXVM_IRQCHIP_GICV3:
		return gicv3_frames(&p->arch.gicv3, f);
	case AXVM_IRQCHIP_PLIC:
		return plic_frames(&p->arch.plic, f);
	default:
		return 0;
	}
}

/*
 * The interrupt numbers a cell's config may name on @arch; @sys, the
 * machine, when the cell is checked against one (else NULL).
 */
static void shared_irq_limits(__u32 arch, const struct axvm_system_desc *sys,
			      struct irq_limits *l)
{
	switch (arch) {
	case AXVM_ARCH_RISCV64:
		plic_sources(sys && sys->platform.irqchip == AXVM_IRQCHIP_PLIC ?
			     &sys->platform.arch.plic : 0, l);
		break;
	case AXVM_ARCH_ARM64:
	default:
		gicv3_shared_irqs(l);
	}
}
