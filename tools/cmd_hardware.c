// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl hardware check [SYSTEM.json] [--json]: can this machine host
 * axvm? Each item passes or fails with the fix; with a system config, the
 * config is also held against the machine. Works without the driver.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axvm-ctl.h"
#include "config.h"

struct item {
	const char *name;
	bool ok;
	char detail[256];
	const char *fix;
};

#define MAX_ITEMS 12
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

/* Does @path contain @needle? (The kernel log needs root.) */
static int file_has(const char *path, const char *needle)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	int found = 0;

	if (!f)
		return -1;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, needle) != NULL;
	fclose(f);
	return found;
}

/* The kernel log as a file (busybox has no /var/log): read /dev/kmsg. */
static int log_has(const char *needle)
{
	char rec[1024];
	FILE *f = fopen("/dev/kmsg", "r");
	int found = 0;
	int fd;

	if (!f)
		return -1;
	fd = fileno(f);
	/* /dev/kmsg blocks at the end: read without waiting. */
	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (!found && fgets(rec, sizeof(rec), f))
		found = strstr(rec, needle) != NULL;
	fclose(f);
	return found;
}

static unsigned int possible_cpus(void)
{
	char buf[64] = "";
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	unsigned int lo = 0, hi = 0;

	if (f) {
		if (fgets(buf, sizeof(buf), f) && sscanf(buf, "%u-%u", &lo, &hi) < 2)
			hi = lo;
		fclose(f);
	}
	return f ? hi + 1 : 0;
}

/* Is [start, start + size) free of "System RAM" in /proc/iomem? */
static int outside_system_ram(unsigned long long start, unsigned long long size)
{
	char line[256];
	FILE *f = fopen("/proc/iomem", "r");
	int ok = 1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, b;

		if (line[0] == ' ' || !strstr(line, "System RAM") ||
		    sscanf(line, "%llx-%llx", &a, &b) != 2)
			continue;
		if (a < start + size && start <= b)
			ok = 0;
	}
	fclose(f);
	return ok;
}

static bool gicv3_in_device_tree(void)
{
	DIR *d = opendir("/sys/firmware/devicetree/base");
	struct dirent *e;
	bool found = false;

	while (d && (e = readdir(d)) && !found) {
		char path[512];

		if (strncmp(e->d_name, "intc", 4))
			continue;
		snprintf(path, sizeof(path), "/sys/firmware/devicetree/base/%s/compatible",
			 e->d_name);
		found = file_has(path, "arm,gic-v3") == 1;
	}
	if (d)
		closedir(d);
	return found;
}

static int run_check(int argc, char **argv)
{
	const char *config = NULL;
	bool json = false, all_ok = true;
	struct config_blob blob = { 0 };
	int el2, vhe, kvm;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!config)
			config = argv[i];
		else
			return usage_error(&verb_hardware_check, "unexpected \"%s\"", argv[i]);
	}
	num_items = 0;
	el2 = log_has("started at EL2");
	item("booted at EL2", el2 == 1,
	     "boot Linux at EL2 (hypervisor mode) from the firmware or boot loader",
	     el2 < 0 ? "cannot read the kernel log (run as root)" :
	     el2 ? "the kernel reports its CPUs started at EL2" :
		   "the kernel does not report starting at EL2");
	vhe = log_has("Virtualization Host Extensions");
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
	item("GICv3 interrupt controller", gicv3_in_device_tree(),
	     "axvm needs a GICv3 (arm,gic-v3) on arm64",
	     "device tree interrupt controller compatible with arm,gic-v3");
	item("memory kept from Linux", file_has("/proc/cmdline", " mem=") == 1 || config,
	     "reserve memory for the hypervisor and cells, e.g. mem=768M on the reference machine",
	     "%s", file_has("/proc/cmdline", " mem=") == 1 ? "mem= on the command line" :
	     "no mem= (checked against the config below when one is given)");

	if (config) {
		if (config_load(config, &blob) || config_check_blob(config, &blob, NULL) ||
		    !blob.is_system) {
			item("system config", false, "fix the config (axvm-ctl config check)",
			     "%s is not a valid system config", config);
		} else {
			const struct axvm_system_config *s = blob.data;
			unsigned int cpus = possible_cpus();
			int free_ram = outside_system_ram(s->system.hypervisor_phys,
							  s->system.hypervisor_size);

			item("config: CPUs", s->system.platform.num_cpus == cpus,
			     "set platform.cpus to the machine's CPU count",
			     "platform.cpus is %u, the machine has %u", s->system.platform.num_cpus,
			     cpus);
			item("config: hypervisor memory outside Linux RAM", free_ram == 1,
			     "move hypervisor.memory above Linux's RAM, or boot with a smaller mem=",
			     "0x%llx+0x%llx %s", (unsigned long long)s->system.hypervisor_phys,
			     (unsigned long long)s->system.hypervisor_size,
			     free_ram == 1 ? "is not System RAM" : "overlaps System RAM in /proc/iomem");
		}
		free(blob.data);
	}

	for (int i = 0; i < num_items; i++)
		all_ok &= items[i].ok;
	if (json) {
		printf("{\"ok\": %s, \"items\": [", all_ok ? "true" : "false");
		for (int i = 0; i < num_items; i++)
			printf("%s{\"name\": \"%s\", \"ok\": %s, \"detail\": \"%s\", \"fix\": \"%s\"}",
			       i ? ", " : "", items[i].name, items[i].ok ? "true" : "false",
			       items[i].detail, items[i].fix);
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
