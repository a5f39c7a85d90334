// SPDX-License-Identifier: GPL-2.0
/*
 * What the running machine has, from its device tree (or its firmware's
 * memory map), /proc/iomem and the possible CPUs: for `config create` and
 * `hardware check` (machine.h). The interrupt controller, the console the
 * hypervisor can use and what else only its architecture knows are the
 * architecture's to read (arch.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "arch.h"
#include "axvm-ctl.h"
#include "devicetree.h"
#include "machine.h"

static void node_label(const char *path, char *label, size_t size)
{
	const char *name = strrchr(path, '/');

	snprintf(label, size, "%s", name && name[1] ? name + 1 : path);
}

void machine_add_regs(const char *node, struct range_list *list)
{
	char label[RANGE_LABEL];
	uint64_t addr, size;
	int found;

	node_label(node, label, sizeof(label));
	for (unsigned int i = 0; (found = dt_reg(node, i, &addr, &size)) != 0; i++)
		if (found == 1 && size)	/* -1: not memory-mapped */
			ranges_add(list, addr, addr + size, label);
}

/* A PCI host bridge's windows: the parent side of its "ranges". */
static void add_pci_windows(const char *node, struct range_list *list)
{
	uint8_t r[4096];
	char parent[PATH_MAX], label[RANGE_LABEL];
	int len = dt_prop(node, "ranges", r, sizeof(r));
	unsigned int ca = dt_address_cells(node), cs = dt_size_cells(node), pa;

	dt_parent(node, parent, sizeof(parent));
	pa = dt_address_cells(parent);
	snprintf(label, sizeof(label), "%s windows", strrchr(node, '/') + 1);
	for (int i = 0; len > 0 && i + (int)((ca + pa + cs) * 4) <= len;
	     i += (int)((ca + pa + cs) * 4)) {
		uint64_t to = dt_read_cells(r + i + ca * 4, pa);
		uint64_t size = dt_read_cells(r + i + (ca + pa) * 4, cs), cpu;

		if (size && !dt_translate(parent, to, &cpu))
			ranges_add(list, cpu, cpu + size, label);
	}
}

/*
 * One node of the walk: the architecture's (its interrupt controller...),
 * or sorted into RAM, reserved memory or devices.
 */
static bool visit(const char *node, void *arg)
{
	struct machine *m = arg;
	char type[32], label[RANGE_LABEL];

	if (!dt_enabled(node))
		return false;
	switch (m->arch->visit(m, node)) {
	case NODE_SKIP:
		return false;
	case NODE_DESCEND:
		return true;
	case NODE_COMMON:
		break;
	}
	dt_string(node, "device_type", type, sizeof(type));
	if (!strcmp(type, "memory")) {
		machine_add_regs(node, &m->ram);
		return false;
	}
	if (!strcmp(node, "/reserved-memory") || !strcmp(node, "/cpus") ||
	    !strcmp(node, "/chosen") || !strcmp(node, "/aliases"))
		return !strcmp(node, "/reserved-memory");
	if (!strncmp(node, "/reserved-memory/", 17)) {
		node_label(node, label, sizeof(label));
		machine_add_regs(node, !strncmp(label, "axvm", 4) ||
			 dt_compatible(node, "axvm,memory") ? &m->axvm_reserved :
			 &m->reserved);
		return false;
	}
	if (!strcmp(type, "pci")) {
		machine_add_regs(node, &m->devices);
		add_pci_windows(node, &m->devices);
		return false;	/* PCI functions live in the windows */
	}
	machine_add_regs(node, &m->devices);
	return true;
}

/* /chosen/stdout-path: a path or an alias, maybe with ":options". */
static void find_console(struct machine *m)
{
	char path[PATH_MAX], alias[PATH_MAX];
	char *colon;

	dt_string("/chosen", "stdout-path", path, sizeof(path));
	if (!*path)
		dt_string("/chosen", "linux,stdout-path", path, sizeof(path));
	colon = strchr(path, ':');
	if (colon)
		*colon = '\0';
	if (*path && path[0] != '/') {
		dt_string("/aliases", path, alias, sizeof(alias));
		snprintf(path, sizeof(path), "%s", alias);
	}
	snprintf(m->console_node, sizeof(m->console_node), "%s", path);
}

static unsigned int possible_cpus(void)
{
	char path[PATH_MAX], buf[64] = "";
	unsigned int lo = 0, hi = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/sys/devices/system/cpu/possible", sysroot);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fgets(buf, sizeof(buf), f) && sscanf(buf, "%u-%u", &lo, &hi) < 2)
		hi = lo;
	fclose(f);
	return hi + 1;
}

/* The names Linux gives the firmware's memory types (e820 on x86). */
static bool is_firmware_memory(const char *name)
{
	return !strcmp(name, "Reserved") || !strcmp(name, "ACPI Tables") ||
	       !strcmp(name, "ACPI Non-volatile Storage");
}

/*
 * One top-level /proc/iomem line (a device tree machine's devices and
 * reservations are its device tree's): Linux's RAM; on an ACPI machine
 * also what the firmware reserved (the root keeps it) and the rest, its
 * devices and PCI windows.
 */
static void iomem_line(struct machine *m, uint64_t start, uint64_t end,
		       const char *name)
{
	if (!strcmp(name, "System RAM"))
		ranges_add(&m->linux_ram, start, end, name);
	else if (!m->arch->acpi)
		return;
	else if (is_firmware_memory(name))
		ranges_add(&m->reserved, start, end, name);
	else if (!strcmp(name, "Unusable memory"))
		ranges_add(&m->firmware, start, end, name);
	else
		ranges_add(&m->devices, start, end, name);
}

/* /proc/iomem's top-level lines; -1 if it hides addresses. */
static int read_iomem(struct machine *m, bool report)
{
	char path[PATH_MAX], line[256];
	bool nonzero = false;
	FILE *f;

	snprintf(path, sizeof(path), "%s/proc/iomem", sysroot);
	f = fopen(path, "r");
	if (!f) {
		if (report)
			error("%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, b;
		char *name = strstr(line, " : ");

		if (line[0] == ' ' || !name || sscanf(line, "%llx-%llx", &a, &b) != 2)
			continue;
		nonzero |= b != 0;
		name[3 + strcspn(name + 3, "\n")] = '\0';
		iomem_line(m, a, b + 1, name + 3);
	}
	fclose(f);
	if (!nonzero) {
		if (report)
			error("%s shows no addresses: run as root", path);
		ranges_free(&m->linux_ram);
		return -1;
	}
	return 0;
}

bool machine_read_line(const char *path, char *buf, size_t size)
{
	char full[PATH_MAX];
	FILE *f;
	bool ok;

	snprintf(full, sizeof(full), "%s%s", sysroot, path);
	f = fopen(full, "r");
	if (!f)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

bool machine_read_number(const char *path, uint64_t *value)
{
	char buf[64], *end;

	if (!machine_read_line(path, buf, sizeof(buf)))
		return false;
	*value = strtoull(buf, &end, 0);
	return end != buf;
}

/* File @name of entry @i of /sys/firmware/memmap. */
static const char *memmap_file(unsigned int i, const char *name)
{
	static char path[64];

	snprintf(path, sizeof(path), "/sys/firmware/memmap/%u/%s", i, name);
	return path;
}

/*
 * /sys/firmware/memmap: the memory map the firmware handed Linux (e820 on
 * x86) before mem= cut it, one directory per entry with start, end
 * (inclusive) and type: all RAM, the firmware's reservations, and RAM the
 * firmware found broken.
 */
static void read_memmap(struct machine *m)
{
	uint64_t start, end;
	char type[64];

	for (unsigned int i = 0; machine_read_number(memmap_file(i, "start"), &start) &&
				 machine_read_number(memmap_file(i, "end"), &end); i++) {
		if (!machine_read_line(memmap_file(i, "type"), type, sizeof(type)))
			type[0] = '\0';
		if (!strcmp(type, "System RAM"))
			ranges_add(&m->ram, start, end + 1, type);
		else if (!strcmp(type, "Unusable memory"))
			ranges_add(&m->firmware, start, end + 1, type);
		else
			ranges_add(&m->reserved, start, end + 1, type);
	}
}

/* The device of the command line's last console= (the one /dev/console is). */
static void cmdline_console(struct machine *m)
{
	char line[4096];
	const char *at, *arg = NULL;

	if (!machine_read_line("/proc/cmdline", line, sizeof(line)))
		return;
	for (at = line; (at = strstr(at, "console=")); at += 8)
		if (at == line || at[-1] == ' ')
			arg = at + 8;
	if (arg)
		snprintf(m->console_node, sizeof(m->console_node), "%.*s",
			 (int)strcspn(arg, ", "), arg);
}

/* RAM, reservations and the console of a device-tree machine. */
static int survey_device_tree(struct machine *m, bool report)
{
	dt_walk("/", visit, m);
	find_console(m);
	if (m->ram.count)
		return 0;
	return machine_problem(report, "%s: no memory node: is this a device-tree machine?",
			       dt_base());
}

/* RAM, reservations and the console of an ACPI machine. */
static int survey_acpi(struct machine *m, bool report)
{
	read_memmap(m);
	cmdline_console(m);
	if (m->ram.count)
		return 0;
	return machine_problem(report, "%s/sys/firmware/memmap: no System RAM in the "
			       "firmware's memory map (a kernel without "
			       "CONFIG_FIRMWARE_MEMMAP?)", sysroot);
}

static bool find_cpu_arch(const char *node, void *arg)
{
	const struct arch_ops **arch = arg;
	char type[16];

	dt_string(node, "device_type", type, sizeof(type));
	if (!*arch && !strcmp(type, "cpu"))
		*arch = arch_by_cpu_node(node);
	return false;	/* a CPU's children (its interrupt controller) say nothing */
}

const struct arch_ops *machine_arch(void)
{
	const struct arch_ops *arch = NULL;
	struct utsname u;

	if (!*sysroot && !uname(&u))
		arch = arch_by_uname(u.machine);
	if (!arch)
		dt_walk("/cpus", find_cpu_arch, &arch);
	if (!arch)
		arch = arch_by_cpuinfo();
	return arch;
}

const struct arch_ops *machine_arch_or_usage(const char *name,
					     const struct verb *verb)
{
	const struct arch_ops *arch = name ? arch_by_name(name) : machine_arch();

	if (arch)
		return arch;
	if (name)
		usage_error(verb, "--arch \"%s\": expected one of: %s", name,
			    arch_names());
	else
		usage_error(verb, "neither uname, the device tree nor /proc/cpuinfo says this "
			    "machine's architecture: give --arch (one of: %s)",
			    arch_names());
	return NULL;
}

int machine_problem(bool report, const char *fmt, ...)
{
	va_list args;

	if (report) {
		va_start(args, fmt);
		verror(fmt, args);
		va_end(args);
	}
	return 1;
}

int machine_survey(struct machine *m, bool report)
{
	int problems = m->arch->acpi ? survey_acpi(m, report) :
				       survey_device_tree(m, report);

	m->platform.num_cpus = possible_cpus();
	if (!m->platform.num_cpus)
		problems += machine_problem(report, "%s/sys/devices/system/cpu/possible: "
					    "cannot read the CPU count", sysroot);
	/* Before the architecture's part, which takes its frames out of it. */
	if (read_iomem(m, report))
		problems++;
	problems += m->arch->survey(m, report);
	return problems ? -1 : 0;
}

int machine_free_ram(const struct machine *m, struct range_list *free_ram)
{
	for (unsigned int i = 0; i < m->ram.count; i++)
		if (ranges_add(free_ram, m->ram.r[i].start, m->ram.r[i].end, ""))
			return -1;
	for (unsigned int i = 0; i < m->linux_ram.count; i++)
		ranges_subtract(free_ram, m->linux_ram.r[i].start, m->linux_ram.r[i].end);
	for (unsigned int i = 0; i < m->reserved.count; i++)
		ranges_subtract(free_ram, m->reserved.r[i].start, m->reserved.r[i].end);
	for (unsigned int i = 0; i < m->firmware.count; i++)
		ranges_subtract(free_ram, m->firmware.r[i].start, m->firmware.r[i].end);
	/* Pages only: partial pages at the edges are nobody's. */
	for (unsigned int i = 0; i < free_ram->count; i++) {
		free_ram->r[i].start = (free_ram->r[i].start + PAGE - 1) & ~(PAGE - 1);
		free_ram->r[i].end &= ~(PAGE - 1);
	}
	ranges_subtract(free_ram, 0, 0);	/* drops what became empty */
	ranges_merge(free_ram, PAGE);
	return 0;
}

void machine_release(struct machine *m)
{
	ranges_free(&m->ram);
	ranges_free(&m->linux_ram);
	ranges_free(&m->reserved);
	ranges_free(&m->axvm_reserved);
	ranges_free(&m->firmware);
	ranges_free(&m->devices);
}
