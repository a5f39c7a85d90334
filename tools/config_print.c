// SPDX-License-Identifier: GPL-2.0
/*
 * Binary config to JSON, normalised: addresses in hex, sizes with the
 * largest exact binary suffix, flags and CPUs spelled out. What
 * `config show` prints reads back to the same binary.
 */
#include <inttypes.h>
#include <stdio.h>

#include <axvm/arch.h>

#include "arch.h"
#include "config.h"

void config_print_size(FILE *out, uint64_t size)
{
	static const char units[] = "KMGT";
	int u = -1;

	while (u < 3 && size && !(size & 1023)) {
		size >>= 10;
		u++;
	}
	if (u < 0)
		fprintf(out, "\"0x%" PRIx64 "\"", size);
	else
		fprintf(out, "\"%" PRIu64 "%c\"", size, units[u]);
}

void config_print_addr(FILE *out, uint64_t addr)
{
	fprintf(out, "\"0x%08" PRIx64 "\"", addr);
}

/* CPUs as a list of single numbers and "a-b" ranges. */
static void print_cpus(FILE *out, const __u64 *set)
{
	const char *sep = "";

	fputc('[', out);
	for (unsigned int cpu = 0; cpu < AXVM_MAX_CPUS_ABI; cpu++) {
		unsigned int last = cpu;

		if (!axvm_cpu_in_set(set, cpu))
			continue;
		while (axvm_cpu_in_set(set, last + 1))
			last++;
		if (last == cpu)
			fprintf(out, "%s%u", sep, cpu);
		else
			fprintf(out, "%s\"%u-%u\"", sep, cpu, last);
		sep = ", ";
		cpu = last;
	}
	fputc(']', out);
}

static void print_flags(FILE *out, __u32 flags)
{
	static const char *const names[] = {
		"read", "write", "execute", "io", "loadable", "shared", "dma",
	};
	const char *sep = "";

	fputc('[', out);
	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & (1u << i)) {
			fprintf(out, "%s\"%s\"", sep, names[i]);
			sep = ", ";
		}
	}
	fputc(']', out);
}

static void print_console(FILE *out, const struct axvm_console *con)
{
	fprintf(out, "{ \"type\": \"%s\"", console_name(con->type));
	if (con->address && con->type == AXVM_CONSOLE_8250_PIO) {
		/* An I/O port, written as ports are: 0x3f8. */
		fprintf(out, ", \"address\": \"0x%llx\"", (unsigned long long)con->address);
	} else if (con->address) {
		fprintf(out, ", \"address\": ");
		config_print_addr(out, con->address);
	}
	fprintf(out, " }");
}

static void print_cell(FILE *out, const struct axvm_cell_desc *cell,
		       const char *in, bool is_root)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell);

	fprintf(out, "%s\"name\": \"%s\",\n%s\"cpus\": ", in, cell->name, in);
	print_cpus(out, cell->cpus);
	fprintf(out, ",\n%s\"memory\": [", in);
	for (unsigned int i = 0; i < cell->num_memory_regions; i++) {
		fprintf(out, "%s\n%s\t{ \"phys\": ", i ? "," : "", in);
		config_print_addr(out, mem[i].phys_start);
		if (!is_root) {
			fprintf(out, ", \"virt\": ");
			config_print_addr(out, mem[i].virt_start);
		}
		fprintf(out, ", \"size\": ");
		config_print_size(out, mem[i].size);
		fprintf(out, ", \"flags\": ");
		print_flags(out, mem[i].flags);
		fprintf(out, " }");
	}
	fprintf(out, "\n%s]", in);
	if (is_root)
		return;
	fprintf(out, ",\n%s\"interrupts\": [", in);
	for (unsigned int i = 0; i < cell->num_irq_ranges; i++) {
		if (irq[i].count == 1)
			fprintf(out, "%s%u", i ? ", " : "", irq[i].first);
		else
			fprintf(out, "%s\"%u-%u\"", i ? ", " : "", irq[i].first,
				irq[i].first + irq[i].count - 1);
	}
	fprintf(out, "],\n%s\"console\": ", in);
	print_console(out, &cell->console);
	fprintf(out, ",\n%s\"entry\": ", in);
	config_print_addr(out, cell->entry);
}

void config_print_platform(FILE *out, const struct axvm_platform *p, __u32 arch_id)
{
	const struct arch_ops *arch = arch_by_id(arch_id);

	fprintf(out, "\t\"platform\": {\n\t\t\"cpus\": %u", p->num_cpus);
	if (arch) {
		fprintf(out, ",\n");
		arch->print_platform(out, p);
	}
	fprintf(out, "\n\t}");
}

void config_print_json(FILE *out, const struct config_blob *blob)
{
	const struct axvm_config_header *h = blob->data;

	fprintf(out, "{\n\t\"type\": \"%s\",\n\t\"arch\": \"%s\",\n",
		blob->is_system ? "system" : "cell", axvm_arch_name(h->arch));
	if (blob->is_system) {
		const struct axvm_system_config *s = blob->data;
		const struct axvm_platform *p = &s->system.platform;

		fprintf(out, "\t\"hypervisor\": { \"memory\": { \"phys\": ");
		config_print_addr(out, s->system.hypervisor_phys);
		fprintf(out, ", \"size\": ");
		config_print_size(out, s->system.hypervisor_size);
		fprintf(out, " } },\n\t\"debug_console\": ");
		print_console(out, &s->system.debug_console);
		fprintf(out, ",\n");
		config_print_platform(out, p, h->arch);
		fprintf(out, ",\n\t\"root_cell\": {\n");
		print_cell(out, &s->root_cell, "\t\t", true);
		fprintf(out, "\n\t}\n}\n");
	} else {
		const struct axvm_cell_config *c = blob->data;

		print_cell(out, &c->cell, "\t", false);
		fprintf(out, "\n}\n");
	}
}
