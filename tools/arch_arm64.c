// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 in axvm-ctl (arch.h): a GICv3 platform, the PL011 console, a
 * Linux started at EL2 without VHE and without KVM.
 */
#include <stdio.h>
#include <string.h>

#include <axvm/arch.h>
#include <axvm/arch/arm64/hypercall.h>

#include "arch.h"
#include "checklist.h"
#include "config.h"
#include "devicetree.h"
#include "json_parse.h"

#define GICR_SIZE_PER_CPU	0x20000ull	/* RD_base + SGI_base frames */
#define GIC_MAINTENANCE_PPI	25u	/* the one the architecture recommends */

static const struct console_kind consoles[] = {
	{ "pl011", AXVM_CONSOLE_PL011 },
	{ NULL, 0 },
};

static void parse_platform(struct parser *p, struct json_object *obj,
			   struct axvm_platform *plat)
{
	static const char *const keys[] = { "cpus", "gic", NULL };
	static const char *const gic_keys[] = {
		"version", "distributor", "redistributors",
		"redistributor_size", "its", "maintenance_interrupt", NULL,
	};
	struct axvm_gicv3 *g = &plat->arch.gicv3;
	struct json_object *gic;
	size_t old;

	check_keys(p, obj, keys);
	gic = get_object(p, obj, "gic", true);
	if (!gic)
		return;
	old = push_key(p, "gic");
	check_keys(p, gic, gic_keys);
	plat->irqchip = get_u32(p, gic, "version", false, AXVM_IRQCHIP_GICV3);
	g->gicd_base = get_number(p, gic, "distributor", true, 0);
	g->gicr_base = get_number(p, gic, "redistributors", true, 0);
	g->gicr_size = get_number(p, gic, "redistributor_size", false,
				  plat->num_cpus * GICR_SIZE_PER_CPU);
	g->gits_base = get_number(p, gic, "its", false, 0);
	g->maintenance_irq = get_u32(p, gic, "maintenance_interrupt", false,
				     GIC_MAINTENANCE_PPI);
	pop(p, old);
}

static void print_platform(FILE *out, const struct axvm_platform *plat)
{
	const struct axvm_gicv3 *g = &plat->arch.gicv3;

	fprintf(out, "\t\t\"gic\": {\n\t\t\t\"version\": %u,\n\t\t\t\"distributor\": ",
		plat->irqchip);
	config_print_addr(out, g->gicd_base);
	fprintf(out, ",\n\t\t\t\"redistributors\": ");
	config_print_addr(out, g->gicr_base);
	fprintf(out, ",\n\t\t\t\"redistributor_size\": ");
	config_print_size(out, g->gicr_size);
	fprintf(out, ",\n\t\t\t\"its\": ");
	config_print_addr(out, g->gits_base);
	fprintf(out, ",\n\t\t\t\"maintenance_interrupt\": %u\n\t\t}",
		g->maintenance_irq);
}

/* From AXVM_EXIT_ARCH_FIRST, as driver/arm64.h names them. */
static const char *const exit_names[] = { "psci", "sysreg", NULL };
_Static_assert(AXVM_EXIT_ARM64_PSCI == AXVM_EXIT_ARCH_FIRST &&
	       AXVM_EXIT_ARM64_SYSREG == AXVM_EXIT_ARCH_FIRST + 1, "exit names");

/* arm64 CPU nodes have an enable-method (psci, spin-table) or Arm's compatible. */
static bool is_cpu(const char *node)
{
	char compat[64];

	dt_string(node, "compatible", compat, sizeof(compat));
	return dt_has_prop(node, "enable-method") || !strncmp(compat, "arm,", 4);
}

/*
 * The GICv3: its own frames are emulated or the hypervisor's, so they are
 * no device of the root's; its children (the ITS) are.
 */
static enum machine_node visit(struct machine *m, const char *node)
{
	struct axvm_gicv3 *g = &m->platform.arch.gicv3;
	uint64_t addr, size;

	if (dt_compatible(node, "arm,gic-v3")) {
		if (!*m->irqchip) {
			snprintf(m->irqchip, sizeof(m->irqchip), "%s", node);
			if (dt_reg(node, 0, &addr, &size) == 1)
				g->gicd_base = addr;
			if (g->gicd_base && dt_reg(node, 1, &addr, &size) == 1) {
				g->gicr_base = addr;
				g->gicr_size = size;
			}
		}
		return NODE_DESCEND;
	}
	if (dt_compatible(node, "arm,gic-v3-its") && !g->gits_base &&
	    dt_reg(node, 0, &addr, &size) == 1)
		g->gits_base = addr;
	return NODE_COMMON;
}

static unsigned int gicr_regions(const char *gic)
{
	uint8_t regions[4];

	if (*gic && dt_prop(gic, "#redistributor-regions", regions, 4) == 4)
		return (unsigned int)dt_read_cells(regions, 1);
	return 1;
}

/* The GIC's own interrupt (the maintenance PPI), as an INTID. */
static unsigned int maintenance_intid(const char *gic)
{
	uint8_t cells[12];

	if (dt_prop(gic, "interrupts", cells, sizeof(cells)) != 12 ||
	    dt_read_cells(cells, 1) != 1)
		return GIC_MAINTENANCE_PPI;
	return 16 + (unsigned int)dt_read_cells(cells + 4, 1);
}

static int survey(struct machine *m, bool report)
{
	const struct axvm_gicv3 *g = &m->platform.arch.gicv3;
	uint64_t addr, size;
	int problems = 0;

	m->platform.irqchip = AXVM_IRQCHIP_GICV3;
	if (!*m->irqchip || !g->gicd_base || !g->gicr_base)
		problems += machine_problem(report, "%s: no GICv3 (compatible \"arm,gic-v3\") "
					    "with distributor and redistributor regions; "
					    "axvm needs a GICv3", dt_base());
	if (gicr_regions(m->irqchip) > 1)
		problems += machine_problem(report, "%s%s: %u redistributor regions; axvm "
					    "supports one", dt_base(), m->irqchip,
					    gicr_regions(m->irqchip));
	m->platform.arch.gicv3.maintenance_irq = maintenance_intid(m->irqchip);
	/* The hypervisor writes to a PL011 itself. */
	if (*m->console_node && dt_compatible(m->console_node, "arm,pl011") &&
	    dt_reg(m->console_node, 0, &addr, &size) == 1) {
		m->debug_console.type = AXVM_CONSOLE_PL011;
		m->debug_console.address = addr;
	}
	return problems;
}

static void hardware_items(const struct machine *m)
{
	const struct axvm_gicv3 *g = &m->platform.arch.gicv3;
	unsigned int regions = gicr_regions(m->irqchip);
	int el2 = file_has("/dev/kmsg", "started at EL2");
	int vhe = file_has("/dev/kmsg", "Virtualization Host Extensions");
	int kvm = file_has("/proc/cmdline", "kvm-arm.mode=none");

	item("booted at EL2", el2 == 1,
	     "boot Linux at EL2 (hypervisor mode) from the firmware or boot loader",
	     el2 < 0 ? "cannot read the kernel log (run as root)" :
	     el2 ? "the kernel reports its CPUs started at EL2" :
		   "the kernel does not report starting at EL2");
	item("not running with VHE", vhe == 0,
	     "a VHE kernel owns EL2 itself: boot with kvm-arm.mode=none on a CPU without VHE",
	     vhe > 0 ? "the kernel runs at EL2 with VHE" : "no VHE in use");
	item("KVM keeps out of EL2", kvm == 1,
	     "add kvm-arm.mode=none to the kernel command line",
	     kvm == 1 ? "kvm-arm.mode=none is on the command line" :
			"kvm-arm.mode=none is not on the command line");
	item("GICv3 interrupt controller", *m->irqchip && g->gicd_base && g->gicr_base &&
	     regions == 1,
	     "axvm needs a GICv3 (arm,gic-v3) with one redistributor region",
	     *m->irqchip ? "%s: distributor 0x%llx, redistributors 0x%llx (%llu KiB, %u region%s), "
			   "ITS 0x%llx" : "no arm,gic-v3 node in the device tree%s",
	     m->irqchip, (unsigned long long)g->gicd_base, (unsigned long long)g->gicr_base,
	     (unsigned long long)(g->gicr_size >> 10), regions,
	     regions == 1 ? "" : "s", (unsigned long long)g->gits_base);
}

static void config_items(const struct axvm_system_config *s, const struct machine *m)
{
	const struct axvm_gicv3 *c = &s->system.platform.arch.gicv3;
	const struct axvm_gicv3 *g = &m->platform.arch.gicv3;

	item("config: GIC addresses", c->gicd_base == g->gicd_base &&
	     c->gicr_base == g->gicr_base && c->gits_base == g->gits_base,
	     "copy the device tree's addresses into platform.gic (axvm-ctl config "
	     "create writes them)",
	     "config: distributor 0x%llx, redistributors 0x%llx, ITS 0x%llx; "
	     "device tree: 0x%llx, 0x%llx, 0x%llx",
	     (unsigned long long)c->gicd_base, (unsigned long long)c->gicr_base,
	     (unsigned long long)c->gits_base, (unsigned long long)g->gicd_base,
	     (unsigned long long)g->gicr_base, (unsigned long long)g->gits_base);
}

/* Entering EL2 goes through the hyp stub's vectors (driver/arm64.c). */
static const char *const kernel_symbols[] = { "__hyp_stub_vectors", NULL };

static const struct arch_ops arm64 = {
	.id = AXVM_ARCH_ARM64,
	.consoles = consoles,
	.parse_platform = parse_platform,
	.print_platform = print_platform,
	.exit_names = exit_names,
	.image_address = 0x40000000,	/* QEMU virt's RAM: inmates/lib/arm64 */
	.uname = "aarch64",
	.is_cpu = is_cpu,
	.visit = visit,
	.survey = survey,
	.hardware_items = hardware_items,
	.config_items = config_items,
	.kernel_symbols = kernel_symbols,
};
ARCH_REGISTER(arm64);
