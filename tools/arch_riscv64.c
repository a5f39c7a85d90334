// SPDX-License-Identifier: GPL-2.0
/*
 * riscv64 in axvm-ctl (arch.h): a PLIC platform with the time CSR's
 * frequency, the SBI debug console, harts with the H extension under a
 * Linux without KVM, an SBI with HSM.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <axvm/arch.h>
#include <axvm/arch/riscv64/hypercall.h>

#include "arch.h"
#include "checklist.h"
#include "config.h"
#include "devicetree.h"
#include "json_parse.h"

/* QEMU virt's and SiFive's: M-mode then S-mode context per hart. */
#define PLIC_HART_CONTEXTS	2u
#define PLIC_S_CONTEXT		1u

static const struct console_kind consoles[] = {
	{ "sbi", AXVM_CONSOLE_SBI },
	{ NULL, 0 },
};

static void parse_platform(struct parser *p, struct json_object *obj,
			   struct axvm_platform *plat)
{
	static const char *const keys[] = {
		"cpus", "timebase_frequency", "plic", NULL,
	};
	static const char *const plic_keys[] = {
		"base", "size", "sources", "hart_contexts", "s_context", NULL,
	};
	struct axvm_plic *plic = &plat->arch.plic;
	struct json_object *o;
	size_t old;

	check_keys(p, obj, keys);
	plat->irqchip = AXVM_IRQCHIP_PLIC;
	plic->timebase_hz = get_number(p, obj, "timebase_frequency", true, 0);
	o = get_object(p, obj, "plic", true);
	if (!o)
		return;
	old = push_key(p, "plic");
	check_keys(p, o, plic_keys);
	plic->base = get_number(p, o, "base", true, 0);
	plic->size = get_number(p, o, "size", true, 0);
	plic->num_sources = get_u32(p, o, "sources", true, 0);
	plic->hart_contexts = get_u32(p, o, "hart_contexts", false,
				      PLIC_HART_CONTEXTS);
	plic->s_context = get_u32(p, o, "s_context", false, PLIC_S_CONTEXT);
	pop(p, old);
}

static void print_platform(FILE *out, const struct axvm_platform *plat)
{
	const struct axvm_plic *plic = &plat->arch.plic;

	fprintf(out, "\t\t\"timebase_frequency\": %" PRIu64 ",\n"
		"\t\t\"plic\": {\n\t\t\t\"base\": ", (uint64_t)plic->timebase_hz);
	config_print_addr(out, plic->base);
	fprintf(out, ",\n\t\t\t\"size\": ");
	config_print_size(out, plic->size);
	fprintf(out, ",\n\t\t\t\"sources\": %u,\n\t\t\t\"hart_contexts\": %u,\n"
		"\t\t\t\"s_context\": %u\n\t\t}", plic->num_sources,
		plic->hart_contexts, plic->s_context);
}

/* From AXVM_EXIT_ARCH_FIRST: the hypervisor's sysfs names. */
static const char *const exit_names[] = { "sbi", "irq", NULL };
_Static_assert(AXVM_EXIT_RISCV64_SBI == AXVM_EXIT_ARCH_FIRST &&
	       AXVM_EXIT_RISCV64_IRQ == AXVM_EXIT_ARCH_FIRST + 1, "exit names");

/* The binding asks every RISC-V CPU node for "riscv" among its compatibles. */
static bool is_cpu(const char *node)
{
	return dt_compatible(node, "riscv") || dt_has_prop(node, "riscv,isa");
}

static bool is_plic(const char *node)
{
	return dt_compatible(node, "sifive,plic-1.0.0") ||
	       dt_compatible(node, "riscv,plic0");
}

/*
 * The PLIC is emulated for the root; the CLINT (or ACLINT's M-mode parts)
 * and the memory OpenSBI reserves for itself are M-mode's: nobody maps
 * them, and that memory is no free RAM either.
 */
static enum machine_node visit(struct machine *m, const char *node)
{
	if (is_plic(node)) {
		if (!*m->irqchip)
			snprintf(m->irqchip, sizeof(m->irqchip), "%s", node);
		return NODE_SKIP;
	}
	if (dt_compatible(node, "sifive,clint0") || dt_compatible(node, "riscv,clint0") ||
	    dt_compatible(node, "riscv,aclint-mswi") ||
	    dt_compatible(node, "riscv,aclint-mtimer"))
		return NODE_SKIP;
	if (!strncmp(node, "/reserved-memory/mmode_resv", 27)) {
		machine_add_regs(node, &m->firmware);
		return NODE_SKIP;
	}
	return NODE_COMMON;
}

#define IRQ_S_EXT	9	/* a hart's S-mode external interrupt */

/* The hart id of the CPU whose interrupt controller has @phandle, or -1. */
static long long hart_of_intc(uint32_t phandle)
{
	char intc[PATH_MAX], cpu[PATH_MAX];

	if (!dt_find_phandle(phandle, intc, sizeof(intc)))
		return -1;
	dt_parent(intc, cpu, sizeof(cpu));
	return (long long)dt_number(cpu, "reg", (uint64_t)-1);
}

/* The layout does not fit a config: say which context broke it; 1. */
static int contexts_problem(const struct machine *m, bool report, int ctx,
			    long long hart)
{
	return machine_problem(report, "%s%s: context %d is hart %lld's S-mode one, but a "
			       "config can only say N contexts per hart in hart-id "
			       "order with the S-mode one at the same place",
			       dt_base(), m->irqchip, ctx, hart);
}

#define MAX_HARTS	256

/* The harts that have an S-mode context. */
struct s_harts {
	long long hart[MAX_HARTS];
	unsigned int count;
	long long missing;	/* a CPU's hart that has none, or -1 */
};

static bool find_missing_hart(const char *node, void *arg)
{
	struct s_harts *h = arg;
	char type[16];
	long long hart = (long long)dt_number(node, "reg", (uint64_t)-1);
	unsigned int i;

	dt_string(node, "device_type", type, sizeof(type));
	if (strcmp(type, "cpu") || !dt_enabled(node) || h->missing >= 0)
		return false;
	for (i = 0; i < h->count && h->hart[i] != hart; i++)
		;
	if (i == h->count)
		h->missing = hart;
	return false;
}

/* Every CPU Linux may run on needs the S-mode context it takes interrupts at. */
static int every_hart_has_context(const struct machine *m, bool report,
				  struct s_harts *harts)
{
	harts->missing = -1;
	dt_walk("/cpus", find_missing_hart, harts);
	if (harts->missing < 0)
		return 0;
	return machine_problem(report, "%s%s: hart %lld has no S-mode context", dt_base(),
			       m->irqchip, harts->missing);
}

/*
 * The PLIC's contexts (its interrupts-extended, one <intc, irq> pair per
 * context) as a config describes them: hart_contexts per hart in hart-id
 * order, the S-mode one s_context of them. The first two S-mode contexts
 * fix both, every other must fit, and every CPU must have one. 0, or 1
 * after a problem (hart_contexts left 0).
 */
static int plic_contexts(struct machine *m, bool report)
{
	static struct s_harts harts;
	uint8_t cells[4096];
	int len = dt_prop(m->irqchip, "interrupts-extended", cells, sizeof(cells));
	long long first_ctx = -1, first_hart = -1, n = 0, s = 0;

	harts.count = 0;

	for (int ctx = 0; len > 0 && (ctx + 1) * 8 <= len; ctx++) {
		long long hart;

		if (dt_read_cells(cells + ctx * 8 + 4, 1) != IRQ_S_EXT)
			continue;
		hart = hart_of_intc((uint32_t)dt_read_cells(cells + ctx * 8, 1));
		if (hart < 0)
			return contexts_problem(m, report, ctx, hart);
		if (harts.count < MAX_HARTS)
			harts.hart[harts.count++] = hart;
		if (first_ctx < 0) {
			first_ctx = ctx;
			first_hart = hart;
			continue;
		}
		if (!n) {
			if (hart <= first_hart || (ctx - first_ctx) % (hart - first_hart))
				return contexts_problem(m, report, ctx, hart);
			n = (ctx - first_ctx) / (hart - first_hart);
			s = first_ctx - first_hart * n;
		}
		if (s < 0 || s >= n || ctx != hart * n + s)
			return contexts_problem(m, report, ctx, hart);
	}
	if (first_ctx < 0)
		return machine_problem(report, "%s%s: no S-mode context (interrupt %d in "
				       "interrupts-extended)", dt_base(), m->irqchip,
				       IRQ_S_EXT);
	if (!n) {	/* one hart: its contexts are all there are */
		n = len / 8;
		s = first_ctx - first_hart * n;
		if (s < 0)
			return contexts_problem(m, report, (int)first_ctx, first_hart);
	}
	if (every_hart_has_context(m, report, &harts))
		return 1;
	m->platform.arch.plic.hart_contexts = (__u32)n;
	m->platform.arch.plic.s_context = (__u32)s;
	return 0;
}

/* The time CSR's frequency: /cpus's, or the first CPU's. */
static uint64_t timebase(void)
{
	uint64_t hz = dt_number("/cpus", "timebase-frequency", 0);

	return hz ? hz : dt_number("/cpus/cpu@0", "timebase-frequency", 0);
}

static int survey(struct machine *m, bool report)
{
	struct axvm_plic *plic = &m->platform.arch.plic;
	uint64_t base, size;
	int problems = 0;

	m->platform.irqchip = AXVM_IRQCHIP_PLIC;
	/* The platform firmware's console, which every SBI has. */
	m->debug_console.type = AXVM_CONSOLE_SBI;
	plic->timebase_hz = timebase();
	if (!plic->timebase_hz)
		problems += machine_problem(report, "%s/cpus: no timebase-frequency",
					    dt_base());
	if (!*m->irqchip || dt_reg(m->irqchip, 0, &base, &size) != 1)
		return problems + machine_problem(report, "%s: no PLIC (compatible "
						  "\"sifive,plic-1.0.0\" or \"riscv,plic0\") "
						  "with registers; axvm needs a PLIC",
						  dt_base());
	plic->base = base;
	plic->size = size;
	plic->num_sources = (__u32)dt_number(m->irqchip, "riscv,ndev", 0);
	if (!plic->num_sources)
		problems += machine_problem(report, "%s%s: no riscv,ndev (its number of "
					    "interrupt sources)", dt_base(), m->irqchip);
	return problems + plic_contexts(m, report);
}

/* H among the single-letter extensions of an ISA string ("rv64imafdch_zicsr")? */
static bool isa_has_h(const char *isa)
{
	if (strncmp(isa, "rv64", 4) && strncmp(isa, "rv32", 4))
		return false;
	/* Multi-letter extensions start with s, z or x, or after a '_'. */
	for (isa += 4; *isa && !strchr("_szx", *isa); isa++)
		if (*isa == 'h')
			return true;
	return false;
}

struct harts {
	unsigned int count, with_h;
};

static bool count_hart(const char *node, void *arg)
{
	struct harts *h = arg;
	char type[16], isa[512];

	dt_string(node, "device_type", type, sizeof(type));
	if (strcmp(type, "cpu") || !dt_enabled(node))
		return false;
	h->count++;
	dt_string(node, "riscv,isa", isa, sizeof(isa));
	if (dt_strings_have(node, "riscv,isa-extensions", "h") || isa_has_h(isa))
		h->with_h++;
	return false;
}

static void hardware_items(const struct machine *m)
{
	const struct axvm_plic *p = &m->platform.arch.plic;
	struct harts harts = { 0, 0 };
	char kvm[PATH_MAX];
	bool kvm_loaded;
	int hsm = file_has("/dev/kmsg", "SBI HSM extension detected");

	dt_walk("/cpus", count_hart, &harts);
	item("harts with the H extension", harts.count && harts.with_h == harts.count,
	     "axvm needs the hypervisor extension on every hart (QEMU: -cpu rv64,h=true)",
	     "%u of %u harts have H in riscv,isa", harts.with_h, harts.count);
	snprintf(kvm, sizeof(kvm), "%s/sys/module/kvm", sysroot);
	kvm_loaded = !access(kvm, F_OK);
	item("KVM keeps out of HS-mode", !kvm_loaded,
	     "unload KVM (rmmod kvm) and keep it from loading: add modprobe.blacklist=kvm "
	     "to the kernel command line",
	     kvm_loaded ? "the kvm module is loaded" : "KVM is not loaded");
	item("SBI HSM extension", hsm == 1,
	     "the hypervisor starts and stops harts through SBI HSM: use an SBI "
	     "implementation with it (OpenSBI 0.7 or later)",
	     hsm < 0 ? "cannot read the kernel log (run as root)" :
	     hsm ? "the kernel found SBI HSM" : "the kernel log does not mention SBI HSM");
	item("PLIC interrupt controller", *m->irqchip && p->base && p->num_sources &&
	     p->hart_contexts,
	     "axvm needs a PLIC (sifive,plic-1.0.0) with riscv,ndev and the same number "
	     "of contexts for every hart",
	     *m->irqchip ? "%s: 0x%llx (%llu KiB), %u sources, %u contexts per hart, "
			   "S-mode context %u" : "no PLIC node in the device tree%s",
	     m->irqchip, (unsigned long long)p->base, (unsigned long long)(p->size >> 10),
	     p->num_sources, p->hart_contexts, p->s_context);
	item("timebase frequency", p->timebase_hz,
	     "the device tree's /cpus needs timebase-frequency",
	     "%llu Hz", (unsigned long long)p->timebase_hz);
}

static void config_items(const struct axvm_system_config *s, const struct machine *m)
{
	const struct axvm_plic *c = &s->system.platform.arch.plic;
	const struct axvm_plic *d = &m->platform.arch.plic;

	/* Fewer sources than the device tree's is what the driver accepts. */
	item("config: PLIC", c->base == d->base && c->size == d->size &&
	     c->num_sources <= d->num_sources && c->hart_contexts == d->hart_contexts &&
	     c->s_context == d->s_context,
	     "copy the device tree's values into platform.plic (axvm-ctl config create "
	     "writes them)",
	     "config: 0x%llx+0x%llx, %u sources, contexts %u of %u; device tree: "
	     "0x%llx+0x%llx, %u sources, contexts %u of %u",
	     (unsigned long long)c->base, (unsigned long long)c->size, c->num_sources,
	     c->s_context, c->hart_contexts, (unsigned long long)d->base,
	     (unsigned long long)d->size, d->num_sources, d->s_context, d->hart_contexts);
	item("config: timebase frequency", c->timebase_hz == d->timebase_hz,
	     "set platform.timebase_frequency to the device tree's",
	     "platform.timebase_frequency is %llu, the device tree says %llu",
	     (unsigned long long)c->timebase_hz, (unsigned long long)d->timebase_hz);
}

/* Nothing beyond kallsyms_lookup_name: entering is a plain call. */
static const char *const kernel_symbols[] = { NULL };

static const struct arch_ops riscv64 = {
	.id = AXVM_ARCH_RISCV64,
	.consoles = consoles,
	.parse_platform = parse_platform,
	.print_platform = print_platform,
	.exit_names = exit_names,
	/* 2 MiB into QEMU virt's RAM (where configs/qemu-riscv64 map a
	 * cell's): where inmates/lib/riscv links, OpenSBI's payload address */
	.image_address = 0x80200000,
	.uname = "riscv64",
	.is_cpu = is_cpu,
	.visit = visit,
	.survey = survey,
	.hardware_items = hardware_items,
	.config_items = config_items,
	.kernel_symbols = kernel_symbols,
};
ARCH_REGISTER(riscv64);
