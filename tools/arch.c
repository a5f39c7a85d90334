// SPDX-License-Identifier: GPL-2.0
/*
 * The architectures axvm-ctl knows (arch.h): each arch_<name>.c adds its
 * table at start-up, so that nothing here names one.
 */
#include <stddef.h>
#include <string.h>

#include <axvm/arch.h>

#include "arch.h"

#define MAX_ARCHES	4

static const struct arch_ops *arches[MAX_ARCHES];
static unsigned int num_arches;

/* Kept in AXVM_ARCH_* order, so that lists read the same on every build. */
void arch_register(const struct arch_ops *arch)
{
	unsigned int i = num_arches;

	if (num_arches == MAX_ARCHES)
		return;
	for (; i && arches[i - 1]->id > arch->id; i--)
		arches[i] = arches[i - 1];
	arches[i] = arch;
	num_arches++;
}

const struct arch_ops *arch_by_id(__u32 id)
{
	for (unsigned int i = 0; i < num_arches; i++)
		if (arches[i]->id == id)
			return arches[i];
	return NULL;
}

const struct arch_ops *arch_by_name(const char *name)
{
	for (unsigned int i = 0; i < num_arches; i++)
		if (!strcmp(axvm_arch_name(arches[i]->id), name))
			return arches[i];
	return NULL;
}

const struct arch_ops *arch_by_uname(const char *machine)
{
	for (unsigned int i = 0; i < num_arches; i++)
		if (!strcmp(arches[i]->uname, machine))
			return arches[i];
	return NULL;
}

const struct arch_ops *arch_by_cpu_node(const char *node)
{
	for (unsigned int i = 0; i < num_arches; i++)
		if (arches[i]->is_cpu && arches[i]->is_cpu(node))
			return arches[i];
	return NULL;
}

const struct arch_ops *arch_by_cpuinfo(void)
{
	for (unsigned int i = 0; i < num_arches; i++)
		if (arches[i]->is_cpuinfo && arches[i]->is_cpuinfo())
			return arches[i];
	return NULL;
}

const char *arch_names(void)
{
	static char list[64];

	list[0] = '\0';
	for (unsigned int i = 0; i < num_arches; i++) {
		if (i)
			strncat(list, ", ", sizeof(list) - strlen(list) - 1);
		strncat(list, axvm_arch_name(arches[i]->id),
			sizeof(list) - strlen(list) - 1);
	}
	return list;
}

static const struct console_kind common_consoles[] = {
	{ "none", AXVM_CONSOLE_NONE },
	{ "hypercall", AXVM_CONSOLE_HYPERCALL },
	{ NULL, 0 },
};

static unsigned int add_kinds(const struct console_kind *k, unsigned int n,
			      const char *names[], __u32 types[])
{
	for (; k && k->name && n < MAX_CONSOLE_KINDS; k++, n++) {
		names[n] = k->name;
		types[n] = k->type;
	}
	return n;
}

unsigned int console_kinds(const struct arch_ops *arch,
			   const char *names[MAX_CONSOLE_KINDS + 1],
			   __u32 types[MAX_CONSOLE_KINDS])
{
	unsigned int n = add_kinds(common_consoles, 0, names, types);

	n = add_kinds(arch ? arch->consoles : NULL, n, names, types);
	names[n] = NULL;
	return n;
}

const char *console_name(__u32 type)
{
	const char *names[MAX_CONSOLE_KINDS + 1];
	__u32 types[MAX_CONSOLE_KINDS];

	for (unsigned int a = 0; a <= num_arches; a++) {
		unsigned int n = console_kinds(a < num_arches ? arches[a] : NULL,
					       names, types);

		for (unsigned int i = 0; i < n; i++)
			if (types[i] == type)
				return names[i];
	}
	return "?";
}
