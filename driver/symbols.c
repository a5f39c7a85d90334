// SPDX-License-Identifier: GPL-2.0
/*
 * Resolving the kernel symbols Linux does not export.
 *
 * kallsyms_lookup_name() itself is unexported since 5.7, but a kprobe on it
 * reports its address; from there every symbol in kallsyms can be found.
 * This keeps axvm working on distribution kernels without patches.
 */
#include <linux/kprobes.h>
#include <linux/printk.h>

#include "axvm.h"

typedef unsigned long (*kallsyms_lookup_name_t)(const char *name);

static kallsyms_lookup_name_t find_kallsyms_lookup_name(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	kallsyms_lookup_name_t fn;
	int err;

	err = register_kprobe(&kp);
	if (err) {
		pr_err("axvm: cannot locate kallsyms_lookup_name through a kprobe (error %d); the kernel needs CONFIG_KPROBES and CONFIG_KALLSYMS\n",
		       err);
		return NULL;
	}
	fn = (kallsyms_lookup_name_t)kp.addr;
	unregister_kprobe(&kp);
	return fn;
}

/**
 * axvm_resolve_symbols() - fill in the address of each symbol
 * @symbols: the table; each entry names a symbol and why it is needed.
 * @count:   number of entries.
 *
 * Return: 0, or -ENOENT after a message naming the first symbol missing.
 */
int axvm_resolve_symbols(struct axvm_symbol *symbols, unsigned int count)
{
	kallsyms_lookup_name_t lookup;
	unsigned int i;

	if (!count)
		return 0;	/* riscv64 needs none: no kprobe either */
	lookup = find_kallsyms_lookup_name();
	if (!lookup)
		return -ENOENT;
	for (i = 0; i < count; i++) {
		symbols[i].address = lookup(symbols[i].name);
		if (!symbols[i].address) {
			pr_err("axvm: kernel symbol %s not found in kallsyms (needed %s)\n",
			       symbols[i].name, symbols[i].why);
			return -ENOENT;
		}
	}
	return 0;
}
