// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 part of the driver: Linux runs in HS-mode, so the firmware
 * is entered through a trampoline of ours that switches to its boot table
 * (riscv64_entry.S), and left with an SBI call of axvm's extension from
 * VS-mode (include/axvm/arch/riscv64/hypercall.h).
 */
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/smp.h>
#include <asm/cacheflush.h>
#include <asm/pgtable.h>

#include <axvm/arch.h>
#include <axvm/arch/riscv64/hypercall.h>

#include "axvm.h"

const u32 axvm_arch_id = AXVM_ARCH_RISCV64;

struct axvm_symbol axvm_arch_symbols[] = { };
const unsigned int axvm_arch_symbol_count = ARRAY_SIZE(axvm_arch_symbols);

/* KVM takes HS-mode's hypervisor extension. */
const char *const axvm_arch_conflicting_modules[] = { "kvm", NULL };

static u64 hart_of_cpu[NR_CPUS];

/* riscv64_entry.S */
long axvm_riscv64_enter(unsigned long cpu, unsigned long hartid,
			unsigned long hv_phys, unsigned long config_size,
			unsigned long boot_satp, unsigned long entry_phys,
			unsigned long landing);
void axvm_riscv64_landing(void);

#define SATP_MODE_SV39	(8ul << 60)

/* The hart id of each possible CPU, from its device-tree node's reg. */
static int read_hart_ids(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct device_node *np = of_get_cpu_node(cpu, NULL);
		const __be32 *reg;
		int len;

		if (!np) {
			pr_err("axvm: enable: CPU %u has no device-tree node (its hart id is needed)\n",
			       cpu);
			return -ENODEV;
		}
		reg = of_get_property(np, "reg", &len);
		if (!reg || len < (int)sizeof(*reg)) {
			of_node_put(np);
			pr_err("axvm: enable: CPU %u: its device-tree node has no reg (hart id)\n",
			       cpu);
			return -ENODEV;
		}
		hart_of_cpu[cpu] = of_read_number(reg, of_n_addr_cells(np));
		of_node_put(np);
	}
	return 0;
}

int axvm_arch_prepare(const struct axvm_hv_layout *layout, u64 size)
{
	return read_hart_ids();
}

void axvm_arch_release(void)
{
}

/* The boot table is the entry area's first page, its code follows. */
long axvm_arch_enter_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	return axvm_riscv64_enter(cpu, hart_of_cpu[cpu], layout->phys,
				  layout->config_size,
				  SATP_MODE_SV39 | (layout->entry >> PAGE_SHIFT),
				  layout->entry + AXVM_RISCV64_BOOT_TABLE_SIZE,
				  (unsigned long)axvm_riscv64_landing);
}

/* t0-t2: the disable call returns through the landing, which uses them. */
static long sbi_axvm(u64 fn, u64 arg1, u64 arg2)
{
	register unsigned long a0 asm("a0") = arg1;
	register unsigned long a1 asm("a1") = arg2;
	register unsigned long a6 asm("a6") = fn;
	register unsigned long a7 asm("a7") = AXVM_RISCV64_SBI_EXT;

	asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7)
		     : "t0", "t1", "t2", "memory");
	return (long)a0;
}

long axvm_arch_leave_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	return sbi_axvm(AXVM_HC_DISABLE, 0, 0);
}

long axvm_arch_hypercall(u64 code, u64 arg1, u64 arg2)
{
	return sbi_axvm(code, arg1, arg2);
}

/*
 * The firmware's code was just written through a data mapping: no hart's
 * instruction cache may hold what was there before (data caches are
 * coherent).
 */
void axvm_arch_flush(void *addr, size_t size)
{
	flush_icache_all();
}

u64 axvm_arch_ticks(void)
{
	return get_cycles();
}

static u64 instret(void)
{
	u64 v;

	asm volatile("rdinstret %0" : "=r"(v));
	return v;
}

/*
 * instret counts every mode, HS and M included: the firmware's part too;
 * but M-mode may inhibit it (OpenSBI does until the SBI PMU starts it):
 * then there is no figure, rather than a zero.
 */
int axvm_arch_count_instructions(void (*fn)(void), u32 *counts, unsigned int n)
{
	u32 overhead = U32_MAX;
	unsigned int i;
	u64 first = instret();

	fn();
	if (instret() == first)
		return -EOPNOTSUPP;

	for (i = 0; i < 100; i++) {
		u64 c0 = instret();

		overhead = min_t(u32, overhead, (u32)(instret() - c0));
	}
	for (i = 0; i < n; i++) {
		u64 c0 = instret();

		fn();
		counts[i] = (u32)(instret() - c0) - overhead;
	}
	return 0;
}
