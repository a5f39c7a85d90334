// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 in axvm-ctl (arch.h): a GICv3 platform, the PL011 console.
 */
#include <string.h>

#include <axvm/arch.h>
#include <axvm/arch/arm64/hypercall.h>

#include "arch.h"
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

static const struct arch_ops arm64 = {
	.id = AXVM_ARCH_ARM64,
	.consoles = consoles,
	.parse_platform = parse_platform,
	.print_platform = print_platform,
	.exit_names = exit_names,
	.image_address = 0x40000000,	/* QEMU virt's RAM: inmates/lib/arm64 */
	.uname = "aarch64",
	.is_cpu = is_cpu,
};
ARCH_REGISTER(arm64);
