// SPDX-License-Identifier: GPL-2.0
/*
 * x86_64 in axvm-ctl (arch.h): local APICs and one IOAPIC, a 16550 at I/O
 * ports as the hypervisor's console, CPUs with AMD SVM or Intel VMX and
 * nested paging under a Linux without KVM.
 */
#include <stdio.h>
#include <string.h>

#include <axvm/arch.h>
#include <axvm/arch/x86_64/hypercall.h>

#include "arch.h"
#include "config.h"
#include "json_parse.h"

/*
 * What a PC's IOAPIC has (Intel's ICH/PCH, AMD's FCH, QEMU's): configs may
 * leave the pins out.
 */
#define IOAPIC_PINS		24u
/* IA32_APIC_BASE's reset value; no PC firmware moves it. */
#define LAPIC_BASE		0xfee00000ull

static const struct console_kind consoles[] = {
	{ "8250-pio", AXVM_CONSOLE_8250_PIO },
	{ NULL, 0 },
};

static void parse_platform(struct parser *p, struct json_object *obj,
			   struct axvm_platform *plat)
{
	static const char *const keys[] = { "cpus", "ioapic", "lapic", NULL };
	static const char *const ioapic_keys[] = { "base", "pins", NULL };
	static const char *const lapic_keys[] = { "base", NULL };
	struct axvm_ioapic *io = &plat->arch.ioapic;
	struct json_object *o;
	size_t old;

	check_keys(p, obj, keys);
	plat->irqchip = AXVM_IRQCHIP_IOAPIC;
	io->lapic_base = LAPIC_BASE;
	o = get_object(p, obj, "lapic", false);
	if (o) {
		old = push_key(p, "lapic");
		check_keys(p, o, lapic_keys);
		io->lapic_base = get_number(p, o, "base", true, 0);
		pop(p, old);
	}
	o = get_object(p, obj, "ioapic", true);
	if (!o)
		return;
	old = push_key(p, "ioapic");
	check_keys(p, o, ioapic_keys);
	io->ioapic_base = get_number(p, o, "base", true, 0);
	io->ioapic_pins = get_u32(p, o, "pins", false, IOAPIC_PINS);
	pop(p, old);
}

static void print_platform(FILE *out, const struct axvm_platform *plat)
{
	const struct axvm_ioapic *io = &plat->arch.ioapic;

	fprintf(out, "\t\t\"ioapic\": { \"base\": ");
	config_print_addr(out, io->ioapic_base);
	fprintf(out, ", \"pins\": %u },\n\t\t\"lapic\": { \"base\": ",
		io->ioapic_pins);
	config_print_addr(out, io->lapic_base);
	fprintf(out, " }");
}

/* From AXVM_EXIT_ARCH_FIRST: the hypervisor's sysfs names. */
static const char *const exit_names[] = { "cpuid", "msr", "io", NULL };
_Static_assert(AXVM_EXIT_X86_64_CPUID == AXVM_EXIT_ARCH_FIRST &&
	       AXVM_EXIT_X86_64_MSR == AXVM_EXIT_ARCH_FIRST + 1 &&
	       AXVM_EXIT_X86_64_IO == AXVM_EXIT_ARCH_FIRST + 2, "exit names");

/* Nothing beyond kallsyms_lookup_name. */
static const char *const kernel_symbols[] = { NULL };

static const struct arch_ops x86_64 = {
	.id = AXVM_ARCH_X86_64,
	.consoles = consoles,
	.parse_platform = parse_platform,
	.print_platform = print_platform,
	.exit_names = exit_names,
	/* 1 MiB: where configs/qemu-x86_64 map a cell's RAM and where
	 * x86 inmates are linked, above the real-mode area */
	.image_address = 0x100000,
	.uname = "x86_64",
	.kernel_symbols = kernel_symbols,
};
ARCH_REGISTER(x86_64);
