// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64 in axvm-ctl (arch.h): a PLIC platform with the time CSR's
 * frequency, the SBI debug console.
 */
#include <inttypes.h>

#include <axvm/arch.h>
#include <axvm/arch/riscv64/hypercall.h>

#include "arch.h"
#include "config.h"
#include "devicetree.h"
#include "json_parse.h"

/* QEMU virt's and SiFive's: M-mode then S-mode context per hart. */
#define PLIC_HART_CONTEXTS	2u
#define PLIC_S_CONTEXT		1u

static const struct console_kind consoles[] = {
	{ "sbi", AXVM_CONSOLE_SBI },
	{ NULL, 0 },
};

static void parse_platform(struct parser *p, struct json_object *obj,
			   struct axvm_platform *plat)
{
	static const char *const keys[] = {
		"cpus", "timebase_frequency", "plic", NULL,
	};
	static const char *const plic_keys[] = {
		"base", "size", "sources", "hart_contexts", "s_context", NULL,
	};
	struct axvm_plic *plic = &plat->arch.plic;
	struct json_object *o;
	size_t old;

	check_keys(p, obj, keys);
	plat->irqchip = AXVM_IRQCHIP_PLIC;
	plic->timebase_hz = get_number(p, obj, "timebase_frequency", true, 0);
	o = get_object(p, obj, "plic", true);
	if (!o)
		return;
	old = push_key(p, "plic");
	check_keys(p, o, plic_keys);
	plic->base = get_number(p, o, "base", true, 0);
	plic->size = get_number(p, o, "size", true, 0);
	plic->num_sources = get_u32(p, o, "sources", true, 0);
	plic->hart_contexts = get_u32(p, o, "hart_contexts", false,
				      PLIC_HART_CONTEXTS);
	plic->s_context = get_u32(p, o, "s_context", false, PLIC_S_CONTEXT);
	pop(p, old);
}

static void print_platform(FILE *out, const struct axvm_platform *plat)
{
	const struct axvm_plic *plic = &plat->arch.plic;

	fprintf(out, "\t\t\"timebase_frequency\": %" PRIu64 ",\n"
		"\t\t\"plic\": {\n\t\t\t\"base\": ", (uint64_t)plic->timebase_hz);
	config_print_addr(out, plic->base);
	fprintf(out, ",\n\t\t\t\"size\": ");
	config_print_size(out, plic->size);
	fprintf(out, ",\n\t\t\t\"sources\": %u,\n\t\t\t\"hart_contexts\": %u,\n"
		"\t\t\t\"s_context\": %u\n\t\t}", plic->num_sources,
		plic->hart_contexts, plic->s_context);
}

/* From AXVM_EXIT_ARCH_FIRST: the hypervisor's sysfs names. */
static const char *const exit_names[] = { "sbi", "irq", NULL };
_Static_assert(AXVM_EXIT_RISCV64_SBI == AXVM_EXIT_ARCH_FIRST &&
	       AXVM_EXIT_RISCV64_IRQ == AXVM_EXIT_ARCH_FIRST + 1, "exit names");

/* The binding asks every RISC-V CPU node for "riscv" among its compatibles. */
static bool is_cpu(const char *node)
{
	return dt_compatible(node, "riscv") || dt_has_prop(node, "riscv,isa");
}

static const struct arch_ops riscv64 = {
	.id = AXVM_ARCH_RISCV64,
	.consoles = consoles,
	.parse_platform = parse_platform,
	.print_platform = print_platform,
	.exit_names = exit_names,
	/* QEMU virt's RAM, where configs/qemu-riscv64 map a cell's */
	.image_address = 0x80000000,
	.uname = "riscv64",
	.is_cpu = is_cpu,
};
ARCH_REGISTER(riscv64);
