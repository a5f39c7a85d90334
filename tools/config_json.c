// SPDX-License-Identifier: GPL-2.0
/*
 * JSON to binary config. Each problem is reported with the JSON path of
 * the value at fault, e.g. "memory[1].flags[2]: unknown flag "wirte"
 * (expected one of: ...)". Parsing goes on after a problem, so that one run
 * shows all of them.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <axvm/abi.h>
#include <axvm/arch.h>

#include "arch.h"
#include "config.h"
#include "json_parse.h"
#include "json_scan.h"
#include "suggest.h"

/* A config without "arch" is for the machine axvm-ctl runs on, if axvm has it. */
#ifndef AXVM_ARCH_NATIVE
#define AXVM_ARCH_NATIVE 0
#endif

/* One item of a list of numbers: N or "N" or "N-M". */
static bool parse_range(struct parser *p, struct json_object *v,
			uint64_t *first, uint64_t *last, const char *what)
{
	if (json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);
		const char *dash = strchr(s, '-');
		char lo[32];

		if (dash && (size_t)(dash - s) < sizeof(lo)) {
			memcpy(lo, s, (size_t)(dash - s));
			lo[dash - s] = '\0';
			if (config_parse_number(lo, first) &&
			    config_parse_number(dash + 1, last) &&
			    *first <= *last)
				return true;
		} else if (!dash && config_parse_number(s, first)) {
			*last = *first;
			return true;
		}
		perr(p, "\"%s\" is not a %s or a range like \"2-3\"", s, what);
		return false;
	}
	if (!parse_number(p, v, first))
		return false;
	*last = *first;
	return true;
}

/* Calls @fn for each range of a value that is a number, string or array. */
static void for_each_range(struct parser *p, struct json_object *v,
			   const char *what,
			   void (*fn)(struct parser *, uint64_t, uint64_t, void *),
			   void *arg)
{
	uint64_t first, last;

	if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);

		for (size_t i = 0; i < n; i++) {
			size_t old = push_index(p, i);

			if (parse_range(p, json_object_array_get_idx(v, i),
					&first, &last, what))
				fn(p, first, last, arg);
			pop(p, old);
		}
		return;
	}
	if (parse_range(p, v, &first, &last, what))
		fn(p, first, last, arg);
}

static void add_cpus(struct parser *p, uint64_t first, uint64_t last,
		     void *arg)
{
	__u64 *set = arg;

	if (last >= AXVM_MAX_CPUS_ABI) {
		perr(p, "CPU %" PRIu64 " is beyond the %u CPUs axvm supports",
		     last, AXVM_MAX_CPUS_ABI);
		return;
	}
	for (uint64_t cpu = first; cpu <= last; cpu++)
		axvm_cpu_set_add(set, (unsigned int)cpu);
}

struct irq_list {
	struct axvm_irq_range ranges[AXVM_MAX_IRQ_RANGES];
	unsigned int count;
};

static void add_irqs(struct parser *p, uint64_t first, uint64_t last,
		     void *arg)
{
	struct irq_list *l = arg;

	if (last > UINT32_MAX) {
		perr(p, "interrupt %" PRIu64 " is out of range", last);
		return;
	}
	if (l->count == AXVM_MAX_IRQ_RANGES) {
		perr(p, "more than %u interrupt ranges", AXVM_MAX_IRQ_RANGES);
		return;
	}
	l->ranges[l->count].first = (__u32)first;
	l->ranges[l->count].count = (__u32)(last - first + 1);
	l->count++;
}

static const char *const flag_names[] = {
	"read", "write", "execute", "io", "loadable", "shared", "dma", NULL,
};
static const __u32 flag_bits[] = {
	AXVM_MEM_READ, AXVM_MEM_WRITE, AXVM_MEM_EXECUTE, AXVM_MEM_IO,
	AXVM_MEM_LOADABLE, AXVM_MEM_SHARED, AXVM_MEM_DMA,
};

static __u32 parse_flags(struct parser *p, struct json_object *v)
{
	__u32 flags = 0;
	size_t n;

	if (!expect_type(p, v, json_type_array, "an array of flag names"))
		return 0;
	n = json_object_array_length(v);
	for (size_t i = 0; i < n; i++) {
		struct json_object *f = json_object_array_get_idx(v, i);
		size_t old = push_index(p, i), k;
		char list[128] = "";

		if (expect_type(p, f, json_type_string, "a flag name")) {
			const char *name = json_object_get_string(f);

			for (k = 0; flag_names[k] && strcmp(flag_names[k], name); k++)
				;
			if (flag_names[k]) {
				flags |= flag_bits[k];
			} else {
				join_words(list, sizeof(list), flag_names);
				perr(p, "unknown flag \"%s\" (expected one of: %s)%s",
				     name, list, suggestion(name, flag_names));
			}
		}
		pop(p, old);
	}
	return flags;
}

static void parse_region(struct parser *p, struct json_object *v,
			 struct axvm_memory_region *r)
{
	static const char *const keys[] = {
		"phys", "virt", "size", "flags", NULL,
	};
	struct json_object *flags;

	if (!expect_type(p, v, json_type_object, "an object"))
		return;
	check_keys(p, v, keys);
	r->phys_start = get_number(p, v, "phys", true, 0);
	r->virt_start = get_number(p, v, "virt", false, r->phys_start);
	r->size = get_number(p, v, "size", true, 0);
	if (json_object_object_get_ex(v, "flags", &flags)) {
		size_t old = push_key(p, "flags");

		r->flags = parse_flags(p, flags);
		pop(p, old);
	} else {
		perr(p, "missing key \"flags\" (e.g. [\"read\", \"write\"])");
	}
}

struct region_list {
	struct axvm_memory_region regions[AXVM_MAX_MEMORY_REGIONS];
	unsigned int count;
};

static void parse_regions(struct parser *p, struct json_object *v,
			  struct region_list *l)
{
	size_t n;

	if (!expect_type(p, v, json_type_array, "an array of regions"))
		return;
	n = json_object_array_length(v);
	if (n > AXVM_MAX_MEMORY_REGIONS) {
		perr(p, "%zu regions, at most %u", n, AXVM_MAX_MEMORY_REGIONS);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t old = push_index(p, i);

		parse_region(p, json_object_array_get_idx(v, i),
			     &l->regions[l->count++]);
		pop(p, old);
	}
}

/* The console kinds are the architecture's (@arch NULL: the common ones). */
static void parse_console(struct parser *p, struct json_object *v,
			  struct axvm_console *con, const struct arch_ops *arch)
{
	static const char *const keys[] = { "type", "address", NULL };
	const char *names[MAX_CONSOLE_KINDS + 1];
	__u32 types[MAX_CONSOLE_KINDS];
	struct json_object *type = v;
	size_t k, old = 0;
	char list[64] = "";
	bool is_object = json_object_is_type(v, json_type_object);

	if (is_object) {
		check_keys(p, v, keys);
		if (!json_object_object_get_ex(v, "type", &type)) {
			perr(p, "missing key \"type\"");
			return;
		}
		old = push_key(p, "type");
	}
	if (expect_type(p, type, json_type_string,
			is_object ? "a console type" : "a console type or object")) {
		const char *name = json_object_get_string(type);

		console_kinds(arch, names, types);
		for (k = 0; names[k] && strcmp(names[k], name); k++)
			;
		if (names[k]) {
			con->type = types[k];
		} else {
			join_words(list, sizeof(list), names);
			perr(p, "unknown console type \"%s\" (expected one of: %s)%s",
			     name, list, suggestion(name, names));
		}
	}
	if (is_object) {
		pop(p, old);
		con->address = get_number(p, v, "address", false, 0);
	}
}

/* A cell's keys; the root cell has the same, with other defaults. */
static void parse_cell(struct parser *p, struct json_object *obj,
		       struct axvm_cell_desc *cell, struct region_list *regions,
		       struct irq_list *irqs, bool is_root,
		       const struct arch_ops *arch)
{
	static const char *const cell_keys[] = {
		"type", "arch", "name", "cpus", "memory", "interrupts",
		"console", "entry", NULL,
	};
	static const char *const root_keys[] = {
		"name", "cpus", "memory", "interrupts", "console", "entry", NULL,
	};
	struct json_object *v;
	size_t old;

	check_keys(p, obj, is_root ? root_keys : cell_keys);

	if (!json_object_object_get_ex(obj, "name", &v)) {
		perr(p, "missing key \"name\"");
	} else {
		old = push_key(p, "name");
		if (expect_type(p, v, json_type_string, "a string")) {
			const char *name = json_object_get_string(v);

			if (strlen(name) >= AXVM_CELL_NAME_SIZE)
				perr(p, "\"%s\" is longer than %u characters",
				     name, AXVM_CELL_NAME_SIZE - 1);
			else
				strcpy(cell->name, name);
		}
		pop(p, old);
	}
	if (!json_object_object_get_ex(obj, "cpus", &v)) {
		perr(p, "missing key \"cpus\" (e.g. [3] or \"2-3\")");
	} else {
		old = push_key(p, "cpus");
		for_each_range(p, v, "CPU", add_cpus, cell->cpus);
		pop(p, old);
	}
	if (!json_object_object_get_ex(obj, "memory", &v)) {
		perr(p, "missing key \"memory\"");
	} else {
		old = push_key(p, "memory");
		parse_regions(p, v, regions);
		pop(p, old);
	}
	if (json_object_object_get_ex(obj, "interrupts", &v)) {
		old = push_key(p, "interrupts");
		for_each_range(p, v, "interrupt", add_irqs, irqs);
		pop(p, old);
	}
	cell->console.type = is_root ? AXVM_CONSOLE_NONE : AXVM_CONSOLE_HYPERCALL;
	if (json_object_object_get_ex(obj, "console", &v)) {
		old = push_key(p, "console");
		parse_console(p, v, &cell->console, arch);
		pop(p, old);
	}
	/* Default entry: the start of the first executable region. */
	if (!is_root) {
		for (unsigned int i = 0; i < regions->count; i++) {
			if (regions->regions[i].flags & AXVM_MEM_EXECUTE) {
				cell->entry = regions->regions[i].virt_start;
				break;
			}
		}
	}
	cell->entry = get_number(p, obj, "entry", false, cell->entry);
	cell->num_memory_regions = regions->count;
	cell->num_irq_ranges = irqs->count;
}

#define MAX_ARCH_IDS	8

static __u32 parse_arch(struct parser *p, struct json_object *root)
{
	struct json_object *v;
	size_t old;
	__u32 arch = AXVM_ARCH_NATIVE;

	if (!json_object_object_get_ex(root, "arch", &v)) {
		if (!arch)
			perr(p, "missing key \"arch\": axvm has no architecture of this machine's");
		return arch;
	}
	old = push_key(p, "arch");
	if (expect_type(p, v, json_type_string, "an architecture name")) {
		const char *name = json_object_get_string(v);
		char list[64] = "";
		const char *names[MAX_ARCH_IDS + 1];
		__u32 k, n;

		/*
		 * Every architecture of the ABI (its identifiers count from 1),
		 * whether axvm-ctl has its platform table or not.
		 */
		for (n = 0; n < MAX_ARCH_IDS &&
			    strcmp(axvm_arch_name(n + 1), "unknown"); n++)
			names[n] = axvm_arch_name(n + 1);
		names[n] = NULL;
		for (k = 0; names[k] && strcmp(names[k], name); k++)
			;
		if (names[k]) {
			arch = k + 1;
		} else {
			join_words(list, sizeof(list), names);
			perr(p, "unknown architecture \"%s\" (expected one of: %s)%s",
			     name, list, suggestion(name, names));
		}
	}
	pop(p, old);
	return arch;
}

/* "cpus" here, the rest by the architecture. */
static void parse_platform(struct parser *p, struct json_object *obj,
			   struct axvm_platform *plat, __u32 arch_id)
{
	const struct arch_ops *arch = arch_by_id(arch_id);

	plat->num_cpus = get_u32(p, obj, "cpus", true, 0);
	if (arch)
		arch->parse_platform(p, obj, plat);
	else
		perr(p, "axvm-ctl knows no platform of %s (\"arch\" is one of: %s)",
		     axvm_arch_name(arch_id), arch_names());
}

static void *assemble(const void *head, size_t head_size,
		      const struct region_list *regions,
		      const struct irq_list *irqs, size_t *size)
{
	size_t mem = regions->count * sizeof(regions->regions[0]);
	size_t irq = irqs->count * sizeof(irqs->ranges[0]);
	char *blob;

	*size = head_size + mem + irq;
	blob = calloc(1, *size);
	if (!blob)
		return NULL;
	memcpy(blob, head, head_size);
	memcpy(blob + head_size, regions->regions, mem);
	memcpy(blob + head_size + mem, irqs->ranges, irq);
	((struct axvm_config_header *)blob)->total_size = (__u32)*size;
	return blob;
}

static void fill_header(struct axvm_config_header *h, const char *magic,
			__u32 arch)
{
	memcpy(h->magic, magic, AXVM_CONFIG_MAGIC_SIZE);
	h->abi_revision = AXVM_ABI_REVISION;
	h->arch = arch;
}

static void *parse_system(struct parser *p, struct json_object *root,
			  size_t *size)
{
	static const char *const keys[] = {
		"type", "arch", "hypervisor", "debug_console", "platform",
		"root_cell", NULL,
	};
	static const char *const hv_keys[] = { "memory", NULL };
	static const char *const hv_mem_keys[] = { "phys", "size", NULL };
	struct region_list regions;
	struct irq_list irqs;
	struct axvm_system_config cfg;
	const struct arch_ops *arch;
	struct json_object *o, *m, *v;
	size_t old;

	memset(&cfg, 0, sizeof(cfg));
	memset(&regions, 0, sizeof(regions));
	memset(&irqs, 0, sizeof(irqs));
	check_keys(p, root, keys);
	fill_header(&cfg.header, AXVM_SYSTEM_MAGIC, parse_arch(p, root));
	arch = arch_by_id(cfg.header.arch);

	o = get_object(p, root, "hypervisor", true);
	if (o) {
		old = push_key(p, "hypervisor");
		check_keys(p, o, hv_keys);
		m = get_object(p, o, "memory", true);
		if (m) {
			size_t old2 = push_key(p, "memory");

			check_keys(p, m, hv_mem_keys);
			cfg.system.hypervisor_phys = get_number(p, m, "phys", true, 0);
			cfg.system.hypervisor_size = get_number(p, m, "size", true, 0);
			pop(p, old2);
		}
		pop(p, old);
	}
	if (json_object_object_get_ex(root, "debug_console", &v)) {
		old = push_key(p, "debug_console");
		parse_console(p, v, &cfg.system.debug_console, arch);
		pop(p, old);
	}
	o = get_object(p, root, "platform", true);
	if (o) {
		old = push_key(p, "platform");
		parse_platform(p, o, &cfg.system.platform, cfg.header.arch);
		pop(p, old);
	}
	o = get_object(p, root, "root_cell", true);
	if (o) {
		old = push_key(p, "root_cell");
		parse_cell(p, o, &cfg.root_cell, &regions, &irqs, true, arch);
		pop(p, old);
	}
	if (p->errors)
		return NULL;
	return assemble(&cfg, sizeof(cfg), &regions, &irqs, size);
}

static void *parse_cell_config(struct parser *p, struct json_object *root,
			       size_t *size)
{
	struct region_list regions;
	struct irq_list irqs;
	struct axvm_cell_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	memset(&regions, 0, sizeof(regions));
	memset(&irqs, 0, sizeof(irqs));
	fill_header(&cfg.header, AXVM_CELL_MAGIC, parse_arch(p, root));
	parse_cell(p, root, &cfg.cell, &regions, &irqs, false,
		   arch_by_id(cfg.header.arch));
	if (p->errors)
		return NULL;
	return assemble(&cfg, sizeof(cfg), &regions, &irqs, size);
}

/* Line and column of byte @offset, for syntax errors. */
int config_from_json(const char *text, size_t len, struct config_blob *out,
		     struct axvm_report *report)
{
	struct parser p = { .report = report };
	struct json_tokener *tok;
	struct json_object *root, *type;
	enum json_tokener_error jerr;
	size_t end;
	int line, col;

	if (len > AXVM_CONFIG_MAX_SIZE || len > INT32_MAX) {
		perr(&p, "file is %zu bytes, larger than a config can be", len);
		return -1;
	}
	tok = json_tokener_new_ex(32);
	if (!tok) {
		perr(&p, "out of memory");
		return -1;
	}
	/* Strict: no trailing text, no single quotes, no control characters. */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (!root && jerr == json_tokener_continue)
		jerr = json_tokener_error_parse_eof;
	if (jerr != json_tokener_success) {
		json_position(text, end, &line, &col);
		perr(&p, "line %d, column %d: invalid JSON: %s", line, col,
		     json_tokener_error_desc(jerr));
		json_tokener_free(tok);
		return -1;
	}
	json_tokener_free(tok);
	if (json_scan(text, len, report)) {
		json_object_put(root);
		return -1;
	}
	if (!json_object_is_type(root, json_type_object)) {
		perr(&p, "expected a JSON object at the top, got %s",
		     type_name(root));
		json_object_put(root);
		return -1;
	}

	out->data = NULL;
	if (!json_object_object_get_ex(root, "type", &type) ||
	    !json_object_is_type(type, json_type_string)) {
		perr(&p, "missing key \"type\" (\"system\" or \"cell\")");
	} else if (!strcmp(json_object_get_string(type), "system")) {
		out->is_system = true;
		out->data = parse_system(&p, root, &out->size);
	} else if (!strcmp(json_object_get_string(type), "cell")) {
		out->is_system = false;
		out->data = parse_cell_config(&p, root, &out->size);
	} else {
		size_t old = push_key(&p, "type");

		perr(&p, "\"%s\" is not a config type (expected \"system\" or \"cell\")",
		     json_object_get_string(type));
		pop(&p, old);
	}
	json_object_put(root);
	if (!out->data && !p.errors)
		perr(&p, "out of memory");
	return out->data ? 0 : -1;
}
