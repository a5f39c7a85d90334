// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl config create [-o FILE]: a system config for the running
 * machine, from its device tree (or its ACPI tables and firmware memory
 * map), /proc/iomem and the possible CPUs (machine.h).
 *
 *   RAM      Linux's "System RAM" (/proc/iomem) stays the root's; RAM the
 *            machine has but Linux does not use (kept by mem= or by a
 *            no-map reserved-memory node named axvm*) holds the hypervisor
 *            (the first HYPERVISOR-SIZE of it) and the rest is the root's
 *            loadable memory that cells are carved from. Other
 *            reservations stay the root's (its drivers and its ACPI use
 *            them), the platform firmware's own memory is nobody's.
 *   console  the one the hypervisor can use, as the architecture says
 *            (e.g. the PL011 that /chosen/stdout-path names).
 *   platform the interrupt controller and what else the architecture
 *            reads (arch.h), printed as `config show` prints it.
 *   devices  every other memory-mapped "reg" and every PCI window,
 *            page-aligned and merged, given to the root.
 * The result goes through the same conversion and validator as any config
 * before it is written.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axvm/arch.h>

#include "arch.h"
#include "axvm-ctl.h"
#include "config.h"
#include "devicetree.h"
#include "machine.h"

#define HV_ALIGN	0x200000ull	/* 2 MiB: the hypervisor's own block mappings */

static void region(FILE *out, bool *first, const char *comment, uint64_t start,
		   uint64_t end, const char *flags)
{
	fprintf(out, "%s\n\t\t\t{ \"comment\": \"%s\",\n"
		"\t\t\t  \"phys\": \"0x%llx\", \"size\": \"0x%llx\",\n"
		"\t\t\t  \"flags\": [%s] }", *first ? "" : ",", comment,
		(unsigned long long)start, (unsigned long long)(end - start), flags);
	*first = false;
}

static void write_console(FILE *out, const struct axvm_console *con)
{
	if (con->type == AXVM_CONSOLE_NONE)
		fprintf(out, "\t\"debug_console\": \"none\",\n");
	else if (con->address)
		fprintf(out, "\t\"debug_console\": { \"type\": \"%s\", \"address\": \"0x%llx\" },\n",
			console_name(con->type), (unsigned long long)con->address);
	else
		fprintf(out, "\t\"debug_console\": { \"type\": \"%s\" },\n",
			console_name(con->type));
}

static void write_json(FILE *out, struct machine *m, uint64_t hv, uint64_t hv_size,
		       struct range_list *free_ram)
{
	bool first = true;

	fprintf(out, "{\n\t\"comment\": \"written by axvm-ctl config create from this machine's "
		"%s and /proc/iomem\",\n\t\"type\": \"system\",\n\t\"arch\": \"%s\",\n",
		m->arch->acpi ? "ACPI tables, firmware memory map" : "device tree",
		axvm_arch_name(m->arch->id));
	fprintf(out, "\t\"hypervisor\": {\n\t\t\"memory\": { \"phys\": \"0x%llx\", \"size\": \"0x%llx\" }\n\t},\n",
		(unsigned long long)hv, (unsigned long long)hv_size);
	write_console(out, &m->debug_console);
	config_print_platform(out, &m->platform, m->arch->id);
	fprintf(out, ",\n\t\"root_cell\": {\n\t\t\"name\": \"linux\",\n\t\t\"cpus\": \"0-%u\",\n"
		"\t\t\"memory\": [", m->platform.num_cpus - 1);
	for (unsigned int i = 0; i < m->linux_ram.count; i++)
		region(out, &first, "Linux's RAM", m->linux_ram.r[i].start,
		       m->linux_ram.r[i].end, "\"read\", \"write\", \"execute\", \"dma\"");
	for (unsigned int i = 0; i < free_ram->count; i++)
		region(out, &first, "RAM Linux does not use: cells take theirs from here",
		       free_ram->r[i].start, free_ram->r[i].end,
		       "\"read\", \"write\", \"loadable\", \"dma\"");
	for (unsigned int i = 0; i < m->reserved.count; i++) {
		char comment[RANGE_LABEL + 32];

		/* The firmware's own (ACPI tables, the BIOS) are no DMA target. */
		snprintf(comment, sizeof(comment), m->arch->acpi ?
			 "reserved by the firmware: %s" : "reserved-memory: %s",
			 m->reserved.r[i].label);
		region(out, &first, comment, m->reserved.r[i].start, m->reserved.r[i].end,
		       m->arch->acpi ? "\"read\", \"write\"" : "\"read\", \"write\", \"dma\"");
	}
	for (unsigned int i = 0; i < m->devices.count; i++)
		region(out, &first, m->devices.r[i].label, m->devices.r[i].start,
		       m->devices.r[i].end, "\"read\", \"write\", \"io\"");
	fprintf(out, "\n\t\t]\n\t}\n}\n");
}

/* Takes every range of @what out of @from. */
static void subtract_all(struct range_list *from, const struct range_list *what)
{
	for (unsigned int i = 0; i < what->count; i++)
		ranges_subtract(from, what->r[i].start, what->r[i].end);
}

/* Places the hypervisor in the first free RAM it fits in, 2 MiB aligned. */
static int place_hypervisor(struct range_list *free_ram, uint64_t size, uint64_t *hv)
{
	for (unsigned int i = 0; i < free_ram->count; i++) {
		uint64_t start = (free_ram->r[i].start + HV_ALIGN - 1) & ~(HV_ALIGN - 1);

		if (start < free_ram->r[i].end && free_ram->r[i].end - start >= size) {
			*hv = start;
			return ranges_subtract(free_ram, start, start + size);
		}
	}
	return -1;
}

static int generate(FILE *out, uint64_t hv_size, const struct arch_ops *arch)
{
	struct machine m = { .arch = arch };
	struct range_list free_ram = { 0 };
	uint64_t hv;
	int status = EXIT_FAILED;

	if (machine_survey(&m, true) || machine_free_ram(&m, &free_ram))
		goto out;
	if (place_hypervisor(&free_ram, hv_size, &hv)) {
		error("no RAM kept from Linux with room for %llu KiB of hypervisor memory: "
		      "boot Linux with mem= below the machine's RAM%s",
		      (unsigned long long)(hv_size >> 10), arch->acpi ? "" :
		      ", or add a no-map reserved-memory node named axvm@ADDRESS");
		goto out;
	}
	/*
	 * Devices: not the RAM (the architecture kept its own nodes out).
	 * Root regions may not overlap: a page that Linux's RAM and a
	 * reservation share (the EBDA's below 640K on a PC) is Linux's RAM.
	 */
	ranges_merge(&m.linux_ram, PAGE);
	subtract_all(&m.reserved, &m.linux_ram);
	ranges_merge(&m.reserved, PAGE);
	ranges_merge(&m.devices, PAGE);
	subtract_all(&m.devices, &m.ram);
	subtract_all(&m.devices, &m.reserved);
	ranges_merge(&m.devices, PAGE);	/* in address order again */
	if (m.debug_console.type == AXVM_CONSOLE_NONE && *m.console_node)
		fprintf(stderr, "%s: note: the console %s is none the hypervisor can write "
			"to; the config has no debug console\n", progname, m.console_node);
	write_json(out, &m, hv, hv_size, &free_ram);
	status = EXIT_OK;
out:
	machine_release(&m);
	ranges_free(&free_ram);
	return status;
}

static int run_create(int argc, char **argv)
{
	const char *out_path = NULL, *arch_name = NULL;
	const struct arch_ops *arch;
	uint64_t hv_size = 4ull << 20;
	struct config_blob blob = { 0 };
	struct axvm_report report = stderr_report("generated config");
	char *text = NULL;
	size_t len = 0;
	FILE *mem, *out;
	int status;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out_path = argv[++i];
		} else if (!strcmp(argv[i], "--hypervisor-size") && i + 1 < argc) {
			if (!config_parse_number(argv[++i], &hv_size) || !hv_size ||
			    hv_size % HV_ALIGN)
				return usage_error(&verb_config_create,
						   "--hypervisor-size \"%s\": expected a multiple "
						   "of 2M, e.g. 4M", argv[i]);
		} else if (!strcmp(argv[i], "--sysroot") && i + 1 < argc) {
			sysroot = argv[++i];
		} else if (!strcmp(argv[i], "--arch") && i + 1 < argc) {
			arch_name = argv[++i];
		} else {
			return usage_error(&verb_config_create, "unexpected argument \"%s\"",
					   argv[i]);
		}
	}
	arch = machine_arch_or_usage(arch_name, &verb_config_create);
	if (!arch)
		return EXIT_USAGE;
	mem = open_memstream(&text, &len);
	if (!mem) {
		error("out of memory");
		return EXIT_FAILED;
	}
	status = generate(mem, hv_size, arch);
	fclose(mem);
	if (status != EXIT_OK)
		goto out;
	/* The same conversion and validator as every config. */
	if (config_from_json(text, len, &blob, &report) ||
	    config_check_blob("generated config", &blob, NULL)) {
		error("the generated config is not valid (above); please report this "
		      "with your device tree");
		status = EXIT_FAILED;
		goto out;
	}
	out = out_path ? fopen(out_path, "w") : stdout;
	if (!out || fwrite(text, 1, len, out) != len || (out_path && fclose(out))) {
		error("%s: cannot write: %s", out_path, strerror(errno));
		status = EXIT_FAILED;
	}
out:
	free(blob.data);
	free(text);
	return status;
}

const struct verb verb_config_create = {
	.name = "config create",
	.args = "[-o FILE] [--hypervisor-size SIZE] [--sysroot DIR] [--arch ARCH]",
	.summary = "write a system config for the running machine",
	.help = "Reads the device tree (/sys/firmware/devicetree/base) or on an ACPI\n"
		"machine (x86_64) the MADT and the firmware's memory map\n"
		"(/sys/firmware/acpi/tables, /sys/firmware/memmap), /proc/iomem\n"
		"and the possible CPUs: Linux's RAM stays the root's; RAM Linux does not\n"
		"use (kept by mem= or a no-map reserved-memory node named axvm@...)\n"
		"takes the hypervisor (SIZE, default 4M, 2 MiB aligned) and the rest\n"
		"is the root's loadable memory for cells; the debug console and the\n"
		"platform (the interrupt controller...) are read as the architecture\n"
		"has them (see axvm-ctl(8)); every other memory-mapped device and PCI\n"
		"window goes to the root. The result passes `config check` before it\n"
		"is written (to FILE, or standard output). Needs root (for\n"
		"/proc/iomem). --sysroot reads the files from a copy of another\n"
		"machine's, e.g. DIR/proc/iomem; --arch names its architecture when\n"
		"its device tree does not say.\n",
	.run = run_create,
};
