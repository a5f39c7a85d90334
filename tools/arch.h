/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What axvm-ctl knows of an architecture, behind one table per
 * architecture (tools/arch_<name>.c): how a system config writes its
 * platform, the console kinds it has, the exit reasons its hypervisor
 * counts, and how `config create` and `hardware check` read such a
 * machine. The common code asks the table and never names an
 * architecture; a host-built axvm-ctl handles the configs of all of them.
 */
#ifndef AXVM_CTL_ARCH_H
#define AXVM_CTL_ARCH_H

#include <stdbool.h>
#include <stdio.h>

#include <axvm/config.h>

#include "machine.h"

struct json_object;
struct parser;

/* A console type as configs write it. */
struct console_kind {
	const char *name;
	__u32 type;	/* AXVM_CONSOLE_* */
};

/**
 * struct arch_ops - one architecture
 * @id:             AXVM_ARCH_*; the configs' "arch" is axvm_arch_name(@id).
 * @consoles:       the console kinds beyond "none" and "hypercall" (which
 *                  every architecture has), ending with a NULL name. Where
 *                  each may be used is the validator's rule.
 * @parse_platform: reads the "platform" object @obj into @plat, whose
 *                  num_cpus is already set ("cpus" is common; the
 *                  architecture's key check must allow it).
 * @print_platform: writes @plat's keys after "cpus", as `config show`
 *                  prints them: one tab deeper than "platform", without a
 *                  trailing comma or newline.
 * @exit_names:     the exit reasons from AXVM_EXIT_ARCH_FIRST on, as the
 *                  driver's sysfs names them (cpuN/exits_<name>); NULL at
 *                  the end.
 * @image_address:  where `cell load` puts an image given without
 *                  @ADDRESS: where the inmates are linked (a cell's RAM as
 *                  the reference configs map it).
 * @uname:          what uname(2) calls such a machine.
 * @acpi:           such a machine describes itself with ACPI tables and
 *                  its firmware's memory map, not with a device tree
 *                  (machine.h says what is read then); @is_cpu and @visit
 *                  are NULL, @is_cpuinfo is not.
 * @is_cpu:         does the device tree's CPU node @node say this
 *                  architecture (for a copy of another machine's files)?
 * @is_cpuinfo:     the same for a copy of an ACPI machine's files, which
 *                  have no device tree: does its /proc/cpuinfo say it?
 * @visit:          claims the device tree nodes that are the
 *                  architecture's (its interrupt controller, its platform
 *                  firmware's) for machine_survey(): NODE_COMMON for the
 *                  others.
 * @survey:         after the walk (or on an ACPI machine, after the
 *                  memory map and /proc/iomem were read), fills @m's
 *                  platform (the interrupt controller's part) and
 *                  debug_console and takes the interrupt controller's
 *                  frames out of @m's devices; returns the number of
 *                  problems (said on stderr if @report).
 * @hardware_items: `hardware check`'s items (checklist.h) about the CPUs,
 *                  the kernel and the interrupt controller.
 * @config_items:   those holding system config @s's platform against @m.
 * @kernel_symbols: what the driver looks up in kallsyms besides
 *                  kallsyms_lookup_name; NULL at the end.
 */
struct arch_ops {
	__u32 id;
	const struct console_kind *consoles;
	void (*parse_platform)(struct parser *p, struct json_object *obj,
			       struct axvm_platform *plat);
	void (*print_platform)(FILE *out, const struct axvm_platform *plat);
	const char *const *exit_names;
	__u64 image_address;
	const char *uname;
	bool acpi;
	bool (*is_cpu)(const char *node);
	bool (*is_cpuinfo)(void);
	enum machine_node (*visit)(struct machine *m, const char *node);
	int (*survey)(struct machine *m, bool report);
	void (*hardware_items)(const struct machine *m);
	void (*config_items)(const struct axvm_system_config *s,
			     const struct machine *m);
	const char *const *kernel_symbols;
};

/* Called once by each arch_<name>.c, at start-up: ARCH_REGISTER(its table). */
void arch_register(const struct arch_ops *arch);
#define ARCH_REGISTER(ops)						\
	static void __attribute__((constructor)) register_##ops(void)	\
	{								\
		arch_register(&ops);					\
	}
/* The architecture with AXVM_ARCH_* @id, or NULL if axvm-ctl has none. */
const struct arch_ops *arch_by_id(__u32 id);
/* The one axvm_arch_name() calls @name, or NULL. */
const struct arch_ops *arch_by_name(const char *name);
/* The one uname(2) calls @machine, or NULL. */
const struct arch_ops *arch_by_uname(const char *machine);
/* The one whose is_cpu() claims device tree node @node, or NULL. */
const struct arch_ops *arch_by_cpu_node(const char *node);
/* The one whose is_cpuinfo() claims the machine's /proc/cpuinfo, or NULL. */
const struct arch_ops *arch_by_cpuinfo(void);
/* "arm64, riscv64": the architectures axvm-ctl has a table for. */
const char *arch_names(void);

#define MAX_CONSOLE_KINDS	8
/*
 * The console kinds configs for @arch may name (@arch NULL: the common
 * ones only): @names NULL-terminated, @types beside them. Returns how many.
 */
unsigned int console_kinds(const struct arch_ops *arch,
			   const char *names[MAX_CONSOLE_KINDS + 1],
			   __u32 types[MAX_CONSOLE_KINDS]);
/* The name of console type @type on any architecture, or "?". */
const char *console_name(__u32 type);

#endif /* AXVM_CTL_ARCH_H */
