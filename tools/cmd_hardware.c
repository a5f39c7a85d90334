// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl hardware check [SYSTEM.json] [--json]: can this machine host
 * axvm? Each item passes or fails with the fix; with a system config, the
 * config is also held against the machine. Works without the driver. The
 * items about CPUs, kernel and interrupt controller are the architecture's
 * (arch.h); the kernel symbols, the CPU count and the memory are common.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axvm/arch.h>

#include "arch.h"
#include "axvm-ctl.h"
#include "checklist.h"
#include "config.h"
#include "devicetree.h"
#include "machine.h"

static uint64_t total(const struct range_list *l)
{
	uint64_t sum = 0;

	for (unsigned int i = 0; i < l->count; i++)
		sum += l->r[i].end - l->r[i].start;
	return sum;
}

/* Does @l hold all of [start, start + size)? (@l is merged.) */
static bool covers(const struct range_list *l, uint64_t start, uint64_t size)
{
	for (unsigned int i = 0; i < l->count; i++)
		if (l->r[i].start <= start && start + size <= l->r[i].end)
			return true;
	return false;
}

/* kallsyms_lookup_name (driver/symbols.c) and what the architecture needs. */
static void symbols_item(const struct arch_ops *arch)
{
	char list[256] = "";
	bool ok = true;

	for (unsigned int i = 0; arch->kernel_symbols[i]; i++) {
		char needle[128];

		/* " name": kallsyms lines are "ADDRESS TYPE name". */
		snprintf(needle, sizeof(needle), " %s", arch->kernel_symbols[i]);
		ok &= file_has("/proc/kallsyms", needle) == 1;
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s and ",
			 arch->kernel_symbols[i]);
	}
	ok &= file_has("/proc/kallsyms", " kallsyms_lookup_name") == 1;
	item("kernel symbols resolvable", ok,
	     "use a kernel with CONFIG_KALLSYMS and CONFIG_KPROBES (Debian's has both)",
	     "%skallsyms_lookup_name in /proc/kallsyms", list);
}

static void machine_items(const struct machine *m, const struct range_list *kept)
{
	bool mem_arg = file_has("/proc/cmdline", " mem=") == 1;

	m->arch->hardware_items(m);
	symbols_item(m->arch);
	item("CPUs", m->platform.num_cpus > 1,
	     "axvm needs at least two CPUs (one stays Linux's)",
	     "%u possible CPUs", m->platform.num_cpus);
	item("memory kept from Linux", total(kept) >= (4u << 20),
	     m->arch->acpi ?
	     "keep RAM from Linux for the hypervisor and cells: boot with mem= below "
	     "the RAM size (e.g. mem=768M on the reference machine)" :
	     "keep RAM from Linux for the hypervisor and cells: boot with mem= below "
	     "the RAM size (e.g. mem=768M on the reference machine) or add a no-map "
	     "reserved-memory node named axvm@ADDRESS",
	     !m->linux_ram.count ? "cannot read /proc/iomem's addresses (run as root)" :
	     "%llu MiB of RAM that Linux does not use (%s)",
	     (unsigned long long)(total(kept) >> 20),
	     mem_arg ? "mem= on the command line" :
	     m->axvm_reserved.count ? "a reserved-memory node for axvm" : "no mem=, no axvm node");
}

static void config_items(const char *config, const struct machine *m,
			 const struct range_list *kept)
{
	struct config_blob blob = { 0 };
	const struct axvm_system_config *s;
	const struct axvm_system_desc *sys;

	if (config_load(config, &blob) || config_check_blob(config, &blob, NULL) ||
	    !blob.is_system || blob.size < sizeof(*s) ||
	    ((const struct axvm_config_header *)blob.data)->arch != m->arch->id) {
		item("system config", false, "fix the config (axvm-ctl config check)",
		     "%s is not a valid %s system config", config,
		     axvm_arch_name(m->arch->id));
		free(blob.data);
		return;
	}
	s = blob.data;
	sys = &s->system;
	item("config: CPUs", sys->platform.num_cpus == m->platform.num_cpus,
	     "set platform.cpus to the machine's CPU count",
	     "platform.cpus is %u, the machine has %u", sys->platform.num_cpus,
	     m->platform.num_cpus);
	m->arch->config_items(s, m);
	item("config: hypervisor memory kept from Linux",
	     covers(kept, sys->hypervisor_phys, sys->hypervisor_size),
	     "move hypervisor.memory into RAM that Linux does not use (see "
	     "the item above), or boot with a smaller mem=",
	     "0x%llx+0x%llx %s", (unsigned long long)sys->hypervisor_phys,
	     (unsigned long long)sys->hypervisor_size,
	     covers(kept, sys->hypervisor_phys, sys->hypervisor_size) ?
	     "is RAM that Linux does not use" :
	     "is not (all) RAM that Linux leaves alone");
	free(blob.data);
}

static int run_check(int argc, char **argv)
{
	const char *config = NULL, *arch_name = NULL;
	bool json = false, all_ok;
	struct machine m = { 0 };
	struct range_list kept = { 0 };

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--sysroot") && i + 1 < argc)
			sysroot = argv[++i];
		else if (!strcmp(argv[i], "--arch") && i + 1 < argc)
			arch_name = argv[++i];
		else if (argv[i][0] == '-')
			return usage_error(&verb_hardware_check, "unknown option \"%s\"", argv[i]);
		else if (!config)
			config = argv[i];
		else
			return usage_error(&verb_hardware_check, "unexpected \"%s\"", argv[i]);
	}
	m.arch = machine_arch_or_usage(arch_name, &verb_hardware_check);
	if (!m.arch)
		return EXIT_USAGE;
	machine_survey(&m, false);
	machine_free_ram(&m, &kept);
	machine_items(&m, &kept);
	if (config)
		config_items(config, &m, &kept);
	machine_release(&m);
	ranges_free(&kept);
	all_ok = print_items(json);
	return all_ok ? EXIT_OK : EXIT_FAILED;
}

const struct verb verb_hardware_check = {
	.name = "hardware check",
	.args = "[SYSTEM-CONFIG] [--json] [--sysroot DIR] [--arch ARCH]",
	.summary = "say whether this machine can host axvm, item by item",
	.help = "Checks what the architecture's hypervisor needs of the CPUs, the\n"
		"kernel (command line, log, symbols) and the interrupt controller, the\n"
		"CPU count and the memory reservation; with SYSTEM-CONFIG also the\n"
		"config against the machine. Each failed item names the fix. Exit 0\n"
		"only when all pass. Needs root for the kernel log; works without the\n"
		"driver. --sysroot reads a copy of another machine's files (DIR/proc,\n"
		"DIR/sys, DIR/dev/kmsg); --arch names its architecture when its device\n"
		"tree does not say.\n",
	.run = run_check,
};
