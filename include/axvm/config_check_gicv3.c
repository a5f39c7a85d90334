// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The validator's rules for a GICv3 machine (arm64), beside the common ones
 * of config_check.c, which includes this file after its helpers: the one
 * validator checks configs of every architecture, wherever it runs.
 */

#define GIC_FRAME_ALIGN 0xffffull	/* 64 KiB */
#define GICR_SIZE_PER_CPU 0x20000ull	/* RD_base + SGI_base */
#define GICD_SIZE 0x10000ull
#define GITS_SIZE 0x20000ull	/* control and translation frames */
#define GIC_FIRST_SPI 32u
#define GIC_END_OF_SPIS 1020u

static void check_gicv3(struct check *c, const struct axvm_gicv3 *g,
			unsigned int num_cpus)
{
	unsigned int i;

	if (!g->gicd_base || (g->gicd_base & GIC_FRAME_ALIGN))
		problem(c, -EINVAL,
			"platform.gic.distributor 0x%llx must be a non-zero multiple of 64 KiB",
			ull(g->gicd_base));
	if (!g->gicr_base || (g->gicr_base & GIC_FRAME_ALIGN))
		problem(c, -EINVAL,
			"platform.gic.redistributors 0x%llx must be a non-zero multiple of 64 KiB",
			ull(g->gicr_base));
	if (num_cpus && num_cpus <= AXVM_MAX_CPUS_ABI &&
	    (g->gicr_size < num_cpus * GICR_SIZE_PER_CPU ||
	     (g->gicr_size & GIC_FRAME_ALIGN)))
		problem(c, -EINVAL,
			"platform.gic.redistributor_size 0x%llx must be a multiple of 64 KiB holding 0x%llx bytes per CPU for %u CPUs",
			ull(g->gicr_size), ull(GICR_SIZE_PER_CPU), num_cpus);
	if (g->gits_base & GIC_FRAME_ALIGN)
		problem(c, -EINVAL,
			"platform.gic.its 0x%llx must be a multiple of 64 KiB",
			ull(g->gits_base));
	if (g->maintenance_irq < 16 || g->maintenance_irq > 31)
		problem(c, -EINVAL,
			"platform.gic.maintenance_interrupt %u is not a private interrupt (16-31)",
			g->maintenance_irq);
	for (i = 0; i < sizeof(g->reserved) / sizeof(g->reserved[0]); i++)
		if (g->reserved[i])
			problem(c, -EINVAL,
				"platform.gic.reserved[%u] is 0x%x, must be 0", i,
				g->reserved[i]);
}

/*
 * The GIC's frames: the distributor and the redistributors are emulated
 * (the root may not map them either: it would get past the emulation that
 * keeps SGI 15 the hypervisor's); the ITS writes its tables wherever it is
 * told, so it is the root's alone.
 */
static unsigned int gicv3_frames(const struct axvm_gicv3 *g,
				 struct platform_frame *f)
{
	unsigned int n = 0;

	f[n++] = (struct platform_frame){ g->gicd_base, GICD_SIZE,
		"the GIC distributor (the hypervisor emulates it)", 0 };
	f[n++] = (struct platform_frame){ g->gicr_base, g->gicr_size,
		"the GIC redistributors (the hypervisor's)", 0 };
	if (g->gits_base)
		f[n++] = (struct platform_frame){ g->gits_base, GITS_SIZE,
			"the GIC ITS (it writes its tables to memory: the root's, never a cell's)", 1 };
	return n;
}

/* The interrupts a cell may own: the SPIs. */
static void gicv3_shared_irqs(struct irq_limits *l)
{
	l->first = GIC_FIRST_SPI;
	l->end = GIC_END_OF_SPIS;
	l->what = "the shared interrupts";
}
