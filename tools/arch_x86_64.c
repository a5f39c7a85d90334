// SPDX-License-Identifier: GPL-2.0
/*
 * x86_64 in axvm-ctl (arch.h): local APICs and one IOAPIC, a 16550 at I/O
 * ports as the hypervisor's console, CPUs with AMD SVM or Intel VMX and
 * nested paging under a Linux without KVM.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <axvm/arch.h>
#include <axvm/arch/x86_64/hypercall.h>

#include "acpi.h"
#include "arch.h"
#include "checklist.h"
#include "config.h"
#include "devicetree.h"
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

/* What /proc/cpuinfo says: how many CPUs, how many of them have each flag. */
struct cpu_flags {
	unsigned int cpus, lm, svm, vmx, npt, ept, x2apic, la57;
	bool vendor;	/* a vendor_id line: only x86 kernels write one */
};

/* The flags of one CPU: its "flags" line and, since Linux 5.8, "vmx flags". */
struct one_cpu {
	bool lm, svm, vmx, npt, ept, x2apic, la57;
};

/* Is @word one of the space-separated words after the colon of @line? */
static bool has_flag(const char *line, const char *word)
{
	size_t n = strlen(word);
	const char *at = strchr(line, ':');

	while (at && (at = strstr(at + 1, word)))
		if (strchr(" \t", at[-1]) && strchr(" \t\n", at[n]))
			return true;
	return false;
}

static void add_cpu(struct cpu_flags *f, const struct one_cpu *c)
{
	f->lm += c->lm;
	f->svm += c->svm;
	f->vmx += c->vmx;
	f->npt += c->npt;
	f->ept += c->ept;
	f->x2apic += c->x2apic;
	f->la57 += c->la57;
}

static void flags_line(const char *line, struct one_cpu *c)
{
	c->lm |= has_flag(line, "lm");
	c->svm |= has_flag(line, "svm");
	c->vmx |= has_flag(line, "vmx");
	c->npt |= has_flag(line, "npt");
	c->ept |= has_flag(line, "ept");
	c->x2apic |= has_flag(line, "x2apic");
	c->la57 |= has_flag(line, "la57");
}

static void read_cpuinfo(struct cpu_flags *f)
{
	char path[PATH_MAX], line[4096];
	struct one_cpu cpu = { 0 };
	FILE *in;

	memset(f, 0, sizeof(*f));
	snprintf(path, sizeof(path), "%s/proc/cpuinfo", sysroot);
	in = fopen(path, "r");
	if (!in)
		return;
	while (fgets(line, sizeof(line), in)) {
		if (!strncmp(line, "processor", 9)) {
			if (f->cpus++)
				add_cpu(f, &cpu);
			memset(&cpu, 0, sizeof(cpu));
		} else if (!strncmp(line, "vendor_id", 9)) {
			f->vendor = true;
		} else if (!strncmp(line, "flags", 5) || !strncmp(line, "vmx flags", 9)) {
			flags_line(line, &cpu);
		}
	}
	if (f->cpus)
		add_cpu(f, &cpu);
	fclose(in);
}

/* A copy of an x86-64 machine's files: 64-bit (long mode) x86 CPUs. */
static bool is_cpuinfo(void)
{
	struct cpu_flags f;

	read_cpuinfo(&f);
	return f.vendor && f.cpus && f.lm == f.cpus;
}

/*
 * The IOAPIC's pins. Its version register says how many, but user space
 * cannot read it; Linux prints it at boot ("IOAPIC[0]: apic_id 0, version
 * 32, address 0xfec00000, GSI 0-23"), so the kernel log is asked first.
 * Without that line (the log wrapped, or no root): 24, what a PC's IOAPIC
 * has, or more where the MADT routes an interrupt to a higher GSI.
 */
static __u32 ioapic_pins(const struct acpi_ioapic *io, const struct acpi_madt *madt)
{
	char needle[64], line[256];
	unsigned int first, last;

	snprintf(needle, sizeof(needle), "address 0x%x, GSI ", io->address);
	if (file_line("/dev/kmsg", needle, line, sizeof(line)) == 1 &&
	    sscanf(line + strlen(needle), "%u-%u", &first, &last) == 2 && last >= first)
		return last - first + 1;
	if (madt->max_gsi >= (long long)(io->gsi_base + IOAPIC_PINS))
		return (__u32)(madt->max_gsi - io->gsi_base + 1);
	return IOAPIC_PINS;
}

/*
 * The platform from the MADT: axvm's IOAPIC is the one whose pins are GSIs
 * 0 and up (cells name pins, Linux GSIs). Its page and the local APICs'
 * are the hypervisor's: no device of the root's.
 */
static int use_madt(struct machine *m, const struct acpi_madt *madt, bool report)
{
	struct axvm_ioapic *io = &m->platform.arch.ioapic;
	const struct acpi_ioapic *first = &madt->ioapic[0];
	int problems = 0;

	io->lapic_base = madt->lapic_base;
	ranges_subtract(&m->devices, io->lapic_base, io->lapic_base + PAGE);
	if (!madt->num_ioapics)
		return machine_problem(report, "%s: no IOAPIC; axvm needs one", m->irqchip);
	if (madt->num_ioapics > 1)
		problems += machine_problem(report, "%s: %u IOAPICs (the second at 0x%x, "
					    "GSIs from %u); axvm supports one", m->irqchip,
					    madt->num_ioapics, madt->ioapic[1].address,
					    madt->ioapic[1].gsi_base);
	if (first->gsi_base)
		problems += machine_problem(report, "%s: the IOAPIC at 0x%x starts at GSI %u; "
					    "axvm needs its pins to be GSIs 0 and up",
					    m->irqchip, first->address, first->gsi_base);
	io->ioapic_base = first->address;
	io->ioapic_pins = ioapic_pins(first, madt);
	ranges_subtract(&m->devices, io->ioapic_base, io->ioapic_base + PAGE);
	return problems;
}

#define UPIO_PORT	0	/* a serial port's io_type: at I/O ports */

/*
 * The hypervisor writes to a 16550 at I/O ports itself: the one console=
 * names, if it is a ttyS at I/O ports (a memory-mapped one is no 8250-pio).
 */
static void survey_console(struct machine *m)
{
	char path[96];
	uint64_t io_type, port;

	if (strncmp(m->console_node, "ttyS", 4))
		return;
	snprintf(path, sizeof(path), "/sys/class/tty/%.64s/io_type", m->console_node);
	if (!machine_read_number(path, &io_type) || io_type != UPIO_PORT)
		return;
	snprintf(path, sizeof(path), "/sys/class/tty/%.64s/port", m->console_node);
	if (!machine_read_number(path, &port) || !port)
		return;
	m->debug_console.type = AXVM_CONSOLE_8250_PIO;
	m->debug_console.address = port;
}

static int survey(struct machine *m, bool report)
{
	static uint8_t table[65536];
	struct acpi_madt madt;
	char why[160];
	long len = acpi_read_table("APIC", table, sizeof(table));

	m->platform.irqchip = AXVM_IRQCHIP_IOAPIC;
	survey_console(m);
	if (len < 0)
		return machine_problem(report, "%s: cannot read: %s%s", acpi_table_path("APIC"),
				       strerror(errno), errno == EACCES ? " (run as root)" : "");
	if (acpi_parse_madt(table, (size_t)len, &madt, why, sizeof(why)))
		return machine_problem(report, "%s: %s", acpi_table_path("APIC"), why);
	snprintf(m->irqchip, sizeof(m->irqchip), "%s", acpi_table_path("APIC"));
	return use_madt(m, &madt, report);
}

/* kvm_amd or kvm_intel, if one is loaded: it would own SVM or VMX. */
static const char *kvm_module(void)
{
	if (file_has("/proc/modules", "kvm_amd ") == 1)
		return "kvm_amd";
	if (file_has("/proc/modules", "kvm_intel ") == 1)
		return "kvm_intel";
	return NULL;
}

static void hardware_items(const struct machine *m)
{
	const struct axvm_ioapic *io = &m->platform.arch.ioapic;
	struct cpu_flags f;
	bool amd, neither;
	const char *kvm = kvm_module();

	read_cpuinfo(&f);
	amd = f.svm >= f.vmx;
	neither = !f.svm && !f.vmx;	/* then say what was looked for */
	item("CPUs with SVM or VMX", f.cpus && (amd ? f.svm : f.vmx) == f.cpus,
	     "axvm needs AMD SVM or Intel VMX on every CPU: turn virtualization on in the "
	     "firmware setup (QEMU: -cpu max)",
	     "%u of %u CPUs have %s in /proc/cpuinfo", amd ? f.svm : f.vmx, f.cpus,
	     neither ? "svm (AMD SVM) or vmx (Intel VMX)" :
	     amd ? "svm (AMD SVM)" : "vmx (Intel VMX)");
	item("nested paging", f.cpus && (amd ? f.npt : f.ept) == f.cpus,
	     "axvm runs the root and the cells under nested page tables: it needs AMD NPT "
	     "or Intel EPT",
	     "%u of %u CPUs have %s", amd ? f.npt : f.ept, f.cpus,
	     neither ? "npt (AMD NPT) or ept (Intel EPT)" :
	     amd ? "npt (AMD NPT)" : "ept (Intel EPT)");
	item("KVM keeps out of SVM and VMX", !kvm,
	     "unload KVM (rmmod kvm_amd kvm_intel kvm) and keep it from loading: add "
	     "modprobe.blacklist=kvm_amd,kvm_intel to the kernel command line",
	     kvm ? "%s is loaded" : "neither kvm_amd nor kvm_intel is loaded%s", kvm ? kvm : "");
	item("local APICs and IOAPIC", *m->irqchip && io->ioapic_base && io->lapic_base,
	     "axvm needs the ACPI MADT (/sys/firmware/acpi/tables/APIC, readable by root) "
	     "with one IOAPIC at GSI 0",
	     *m->irqchip ? "%s: local APICs 0x%llx, IOAPIC 0x%llx with %u pins" :
			   "cannot read the MADT%s",
	     m->irqchip, (unsigned long long)io->lapic_base,
	     (unsigned long long)io->ioapic_base, io->ioapic_pins);
	/* Facts for the firmware's port, which no config changes. */
	item("x2APIC (for information)", true, "",
	     f.x2apic == f.cpus && f.cpus ? "the CPUs have x2APIC" :
	     "the CPUs have no x2APIC: their local APICs are used at their xAPIC page");
	item("paging levels (for information)", true, "",
	     f.la57 ? "Linux runs with 5-level page tables (la57)" :
	     "Linux runs with 4-level page tables");
}

static void config_items(const struct axvm_system_config *s, const struct machine *m)
{
	const struct axvm_ioapic *c = &s->system.platform.arch.ioapic;
	const struct axvm_ioapic *d = &m->platform.arch.ioapic;

	/* Fewer pins than the IOAPIC's is what the driver accepts. */
	item("config: IOAPIC and local APICs", c->ioapic_base == d->ioapic_base &&
	     c->ioapic_pins <= d->ioapic_pins && c->lapic_base == d->lapic_base,
	     "copy the MADT's values into platform.ioapic and platform.lapic (axvm-ctl "
	     "config create writes them)",
	     "config: IOAPIC 0x%llx with %u pins, local APICs 0x%llx; MADT: 0x%llx with "
	     "%u pins, 0x%llx",
	     (unsigned long long)c->ioapic_base, c->ioapic_pins,
	     (unsigned long long)c->lapic_base, (unsigned long long)d->ioapic_base,
	     d->ioapic_pins, (unsigned long long)d->lapic_base);
}

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
	.acpi = true,
	.is_cpuinfo = is_cpuinfo,
	.survey = survey,
	.hardware_items = hardware_items,
	.config_items = config_items,
	.kernel_symbols = kernel_symbols,
};
ARCH_REGISTER(x86_64);
