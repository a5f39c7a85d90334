// SPDX-License-Identifier: GPL-2.0
/*
 * Modules that would take the virtualization level the hypervisor holds
 * (KVM's on x86-64 and riscv64): while it is enabled, loading one is
 * refused with a message, instead of letting it fail on the first guest
 * it runs (its VMRUN or hfence would trap into the hypervisor).
 */
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/string.h>

#include "axvm.h"

static int refuse_conflicting(struct notifier_block *nb, unsigned long state,
			      void *data)
{
	const struct module *mod = data;
	unsigned int i;

	if (state != MODULE_STATE_COMING)
		return NOTIFY_DONE;
	for (i = 0; axvm_arch_conflicting_modules[i]; i++) {
		if (!strcmp(mod->name, axvm_arch_conflicting_modules[i])) {
			pr_err("axvm: %s may not load while the hypervisor runs (it holds the virtualization extensions; axvm-ctl disable first)\n",
			       mod->name);
			return notifier_from_errno(-EBUSY);
		}
	}
	return NOTIFY_DONE;
}

static struct notifier_block conflicting_modules = {
	.notifier_call = refuse_conflicting,
};

int axvm_modules_guard(void)
{
	return register_module_notifier(&conflicting_modules);
}

void axvm_modules_unguard(void)
{
	unregister_module_notifier(&conflicting_modules);
}
