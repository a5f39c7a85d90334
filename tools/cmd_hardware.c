// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl hardware check [SYSTEM.json] [--json]: can this machine host
 * axvm? Each item passes or fails with the fix; with a system config, the
 * config is also held against the machine. Works without the driver.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axvm-ctl.h"
#include "config.h"
#include "machine.h"

struct item {
	const char *name;
	bool ok;
	char detail[256];
	const char *fix;
};

#define MAX_ITEMS 16
static struct item items[MAX_ITEMS];
static int num_items;

static __attribute__((format(printf, 4, 5))) void
item(const char *name, bool ok, const char *fix, const char *fmt, ...)
{
	struct item *it = &items[num_items++];
	va_list args;

	it->name = name;
	it->ok = ok;
	it->fix = ok ? "" : fix;
	va_start(args, fmt);
	vsnprintf(it->detail, sizeof(it->detail), fmt, args);
	va_end(args);
}

/*
 * Does @path contain @needle? Read without waiting: the kernel log
 * (/dev/kmsg, as busybox has no /var/log; it needs root) blocks at its end.
 */
static int file_has(const char *path, const char *needle)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	int found = 0;

	if (!f)
		return -1;
	fcntl(fileno(f), F_SETFL, O_NONBLOCK);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, needle) != NULL;
	fclose(f);
	return found;
}

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

static int run_check(int argc, char **argv)
{
	const char *config = NULL;
	bool json = false, all_ok = true;
	struct config_blob blob = { 0 };
	struct machine m = { 0 };
	struct range_list kept = { 0 };
	bool mem_arg = file_has("/proc/cmdline", " mem=") == 1;
	int el2, vhe, kvm;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (argv[i][0] == '-')
			return usage_error(&verb_hardware_check, "unknown option \"%s\"", argv[i]);
		else if (!config)
			config = argv[i];
		else
			return usage_error(&verb_hardware_check, "unexpected \"%s\"", argv[i]);
	}
	num_items = 0;
	el2 = file_has("/dev/kmsg", "started at EL2");
	item("booted at EL2", el2 == 1,
	     "boot Linux at EL2 (hypervisor mode) from the firmware or boot loader",
	     el2 < 0 ? "cannot read the kernel log (run as root)" :
	     el2 ? "the kernel reports its CPUs started at EL2" :
		   "the kernel does not report starting at EL2");
	vhe = file_has("/dev/kmsg", "Virtualization Host Extensions");
	item("not running with VHE", vhe == 0,
	     "a VHE kernel owns EL2 itself: boot with kvm-arm.mode=none on a CPU without VHE",
	     vhe > 0 ? "the kernel runs at EL2 with VHE" : "no VHE in use");
	kvm = file_has("/proc/cmdline", "kvm-arm.mode=none");
	item("KVM keeps out of EL2", kvm == 1,
	     "add kvm-arm.mode=none to the kernel command line",
	     kvm == 1 ? "kvm-arm.mode=none is on the command line" :
			"kvm-arm.mode=none is not on the command line");
	item("kernel symbols resolvable",
	     file_has("/proc/kallsyms", " __hyp_stub_vectors") == 1 &&
	     file_has("/proc/kallsyms", " kallsyms_lookup_name") == 1,
	     "use a kernel with CONFIG_KALLSYMS and CONFIG_KPROBES (Debian's has both)",
	     "__hyp_stub_vectors and kallsyms_lookup_name in /proc/kallsyms");
	machine_survey(&m, false);
	machine_free_ram(&m, &kept);
	item("GICv3 interrupt controller", *m.gic && m.gicd && m.gicr && m.gicr_regions == 1,
	     "axvm needs a GICv3 (arm,gic-v3) with one redistributor region",
	     *m.gic ? "%s: distributor 0x%llx, redistributors 0x%llx (%llu KiB, %u region%s), "
		      "ITS 0x%llx" : "no arm,gic-v3 node in the device tree%s",
	     m.gic, (unsigned long long)m.gicd, (unsigned long long)m.gicr,
	     (unsigned long long)(m.gicr_size >> 10), m.gicr_regions,
	     m.gicr_regions == 1 ? "" : "s", (unsigned long long)m.its);
	item("CPUs", m.cpus > 1, "axvm needs at least two CPUs (one stays Linux's)",
	     "%u possible CPUs", m.cpus);
	item("memory kept from Linux", total(&kept) >= (4u << 20),
	     "keep RAM from Linux for the hypervisor and cells: boot with mem= below "
	     "the RAM size (e.g. mem=768M on the reference machine) or add a no-map "
	     "reserved-memory node named axvm@ADDRESS",
	     !m.linux_ram.count ? "cannot read /proc/iomem's addresses (run as root)" :
	     "%llu MiB of RAM that Linux does not use (%s)",
	     (unsigned long long)(total(&kept) >> 20),
	     mem_arg ? "mem= on the command line" :
	     m.axvm_reserved.count ? "a reserved-memory node for axvm" : "no mem=, no axvm node");

	if (config) {
		if (config_load(config, &blob) || config_check_blob(config, &blob, NULL) ||
		    !blob.is_system) {
			item("system config", false, "fix the config (axvm-ctl config check)",
			     "%s is not a valid system config", config);
		} else {
			const struct axvm_system_config *s = blob.data;
			const struct axvm_platform *g = &s->system.platform;

			item("config: CPUs", g->num_cpus == m.cpus,
			     "set platform.cpus to the machine's CPU count",
			     "platform.cpus is %u, the machine has %u", g->num_cpus, m.cpus);
			item("config: GIC addresses", g->arch.gicv3.gicd_base == m.gicd &&
			     g->arch.gicv3.gicr_base == m.gicr && g->arch.gicv3.gits_base == m.its,
			     "copy the device tree's addresses into platform.gic (axvm-ctl config "
			     "create writes them)",
			     "config: distributor 0x%llx, redistributors 0x%llx, ITS 0x%llx; "
			     "device tree: 0x%llx, 0x%llx, 0x%llx",
			     (unsigned long long)g->arch.gicv3.gicd_base,
			     (unsigned long long)g->arch.gicv3.gicr_base, (unsigned long long)g->arch.gicv3.gits_base,
			     (unsigned long long)m.gicd, (unsigned long long)m.gicr,
			     (unsigned long long)m.its);
			item("config: hypervisor memory kept from Linux",
			     covers(&kept, s->system.hypervisor_phys, s->system.hypervisor_size),
			     "move hypervisor.memory into RAM that Linux does not use (see "
			     "the item above), or boot with a smaller mem=",
			     "0x%llx+0x%llx %s", (unsigned long long)s->system.hypervisor_phys,
			     (unsigned long long)s->system.hypervisor_size,
			     covers(&kept, s->system.hypervisor_phys, s->system.hypervisor_size) ?
			     "is RAM that Linux does not use" :
			     "is not (all) RAM that Linux leaves alone");
		}
		free(blob.data);
	}
	machine_release(&m);
	ranges_free(&kept);

	for (int i = 0; i < num_items; i++)
		all_ok &= items[i].ok;
	if (json) {
		printf("{\"ok\": %s, \"items\": [", all_ok ? "true" : "false");
		for (int i = 0; i < num_items; i++) {
			printf("%s{\"name\": ", i ? ", " : "");
			print_json_string(stdout, items[i].name);
			printf(", \"ok\": %s, \"detail\": ", items[i].ok ? "true" : "false");
			print_json_string(stdout, items[i].detail);
			printf(", \"fix\": ");
			print_json_string(stdout, items[i].fix);
			printf("}");
		}
		printf("]}\n");
	} else {
		for (int i = 0; i < num_items; i++) {
			printf("%-5s %-44s %s\n", items[i].ok ? "ok" : "FAIL", items[i].name,
			       items[i].detail);
			if (!items[i].ok)
				printf("      fix: %s\n", items[i].fix);
		}
		printf("%s\n", all_ok ? "this machine can host axvm" :
					"this machine cannot host axvm yet (see the fixes above)");
	}
	return all_ok ? EXIT_OK : EXIT_FAILED;
}

const struct verb verb_hardware_check = {
	.name = "hardware check",
	.args = "[SYSTEM-CONFIG] [--json]",
	.summary = "say whether this machine can host axvm, item by item",
	.help = "Checks EL2 boot, VHE, KVM, kernel symbols, the GIC and the memory\n"
		"reservation; with SYSTEM-CONFIG also the config against the machine.\n"
		"Each failed item names the fix. Exit 0 only when all pass. Needs root\n"
		"for the kernel log; works without the driver.\n",
	.run = run_check,
};
