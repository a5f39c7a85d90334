// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Which rules a config follows on its architecture, for config_check.c,
 * which includes this file after the interrupt controllers' rules
 * (config_check_gicv3.c, config_check_plic.c, config_check_ioapic.c): the
 * console kinds the architecture has, its interrupt controller, the frames
 * nobody may map and the interrupt numbers a cell may own.
 */

/* The interrupt controller each architecture's configs describe. */
static __u32 arch_irqchip(__u32 arch)
{
	switch (arch) {
	case AXVM_ARCH_RISCV64:
		return AXVM_IRQCHIP_PLIC;
	case AXVM_ARCH_X86_64:
		return AXVM_IRQCHIP_IOAPIC;
	case AXVM_ARCH_ARM64:
	default:
		return AXVM_IRQCHIP_GICV3;
	}
}

/*
 * The platform firmware's or the hypervisor's own consoles (the SBI one,
 * an 8250 at I/O ports) are for the hypervisor's lines: a cell writes
 * through its hypercall console.
 */
static void check_debug_only(struct check *c, const char *path, int is_debug,
			     const char *what)
{
	if (!is_debug)
		problem(c, -EINVAL,
			"%stype: %s is the hypervisor's (debug_console); a cell writes through its hypercall console",
			path, what);
}

/* Console type @type is @arch's only: say so if the config is another's. */
static int console_of_arch(struct check *c, const struct axvm_console *con,
			   const char *path, __u32 type, __u32 arch,
			   const char *what)
{
	if (con->type != type)
		return 0;
	if (c->arch == arch)
		return 1;
	problem(c, -EINVAL, "%stype: %s is %s's, this config is for %s", path,
		what, axvm_arch_name(arch), axvm_arch_name(c->arch));
	return 0;
}

static void check_console_kind(struct check *c, const struct axvm_console *con,
			       const char *path, int is_debug)
{
	console_of_arch(c, con, path, AXVM_CONSOLE_PL011, AXVM_ARCH_ARM64,
			"a PL011 console");
	if (console_of_arch(c, con, path, AXVM_CONSOLE_SBI, AXVM_ARCH_RISCV64,
			    "the SBI console"))
		check_debug_only(c, path, is_debug, "the SBI console");
	if (console_of_arch(c, con, path, AXVM_CONSOLE_8250_PIO,
			    AXVM_ARCH_X86_64, "an 8250 at I/O ports"))
		check_debug_only(c, path, is_debug, "an 8250 at I/O ports");
}

/* Not the architecture's interrupt controller: what it should have been. */
static void wrong_irqchip(struct check *c, const struct axvm_platform *p)
{
	switch (c->arch) {
	case AXVM_ARCH_RISCV64:
		problem(c, -EINVAL,
			"platform.irqchip is %u: a riscv64 machine has a PLIC (%u)",
			p->irqchip, AXVM_IRQCHIP_PLIC);
		break;
	case AXVM_ARCH_X86_64:
		problem(c, -EINVAL,
			"platform.irqchip is %u: an x86_64 machine has local APICs and an IOAPIC (%u)",
			p->irqchip, AXVM_IRQCHIP_IOAPIC);
		break;
	default:
		problem(c, -EINVAL,
			"platform.gic.version is %u, only GICv3 (3) is supported",
			p->irqchip);
	}
}

static void check_irqchip(struct check *c, const struct axvm_platform *p)
{
	if (p->irqchip != arch_irqchip(c->arch)) {
		wrong_irqchip(c, p);
		return;
	}
	switch (p->irqchip) {
	case AXVM_IRQCHIP_PLIC:
		check_plic(c, &p->arch.plic, p->num_cpus);
		break;
	case AXVM_IRQCHIP_IOAPIC:
		check_ioapic(c, &p->arch.ioapic);
		break;
	default:
		check_gicv3(c, &p->arch.gicv3, p->num_cpus);
	}
}

/*
 * The interrupt controller's frames, if it is @arch's (else check_irqchip()
 * said so already, and another arch's frames would only add noise).
 */
static unsigned int irqchip_frames(__u32 arch, const struct axvm_platform *p,
				   struct platform_frame *f)
{
	if (p->irqchip != arch_irqchip(arch))
		return 0;
	switch (p->irqchip) {
	case AXVM_IRQCHIP_PLIC:
		return plic_frames(&p->arch.plic, f);
	case AXVM_IRQCHIP_IOAPIC:
		return ioapic_frames(&p->arch.ioapic, f);
	default:
		return gicv3_frames(&p->arch.gicv3, f);
	}
}

/*
 * The interrupt numbers a cell's config may name on @arch; @sys, the
 * machine, when the cell is checked against one (else NULL).
 */
static void shared_irq_limits(__u32 arch, const struct axvm_system_desc *sys,
			      struct irq_limits *l)
{
	const struct axvm_platform *p =
		sys && sys->platform.irqchip == arch_irqchip(arch) ?
		&sys->platform : 0;

	switch (arch) {
	case AXVM_ARCH_RISCV64:
		plic_sources(p ? &p->arch.plic : 0, l);
		break;
	case AXVM_ARCH_X86_64:
		ioapic_pins(p ? &p->arch.ioapic : 0, l);
		break;
	case AXVM_ARCH_ARM64:
	default:
		gicv3_shared_irqs(l);
	}
}
