// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The validator's rules for a PLIC machine (riscv64), beside the common ones
 * of config_check.c, which includes this file after its helpers: the one
 * validator checks configs of every architecture, wherever it runs.
 *
 * A PLIC's registers, from its base: priorities (0x0), pending bits
 * (0x1000), each context's enable bits at 0x2000 + ctx * 0x80, and each
 * context's threshold and claim at 0x200000 + ctx * 0x1000. A hart's
 * contexts are hart_contexts in a row, the S-mode one s_context of them.
 */

#define PLIC_CONTEXT_BASE	0x200000ull
#define PLIC_CONTEXT_STRIDE	0x1000ull
/*
 * The specification's limit: context 15871's enables end at 0x1f2000, so
 * that a size reaching a context's threshold and claim covers its enables.
 */
#define PLIC_MAX_CONTEXTS	15872ull
#define PLIC_MAX_SOURCES	1023u	/* source 0 means "none" */
#define PLIC_SOURCES_IF_UNKNOWN	PLIC_MAX_SOURCES

/* The registers of the last S-mode context must lie inside the PLIC. */
static void check_plic_contexts(struct check *c, const struct axvm_plic *plic,
				unsigned int num_cpus)
{
	__u64 contexts = (__u64)num_cpus * plic->hart_contexts, need;

	if (contexts > PLIC_MAX_CONTEXTS) {
		problem(c, -EINVAL,
			"platform.plic: %u CPUs with %u contexts each are %llu contexts, a PLIC has at most %llu",
			num_cpus, plic->hart_contexts, ull(contexts),
			ull(PLIC_MAX_CONTEXTS));
		return;
	}
	/* The last hart's S-mode context, and its enables below it. */
	need = PLIC_CONTEXT_BASE +
	       (contexts - plic->hart_contexts + plic->s_context + 1) *
	       PLIC_CONTEXT_STRIDE;
	if (plic->size < need)
		problem(c, -EINVAL,
			"platform.plic.size 0x%llx ends before the registers of CPU %u's S-mode context (context %llu, at 0x%llx+0x%llx): it needs at least 0x%llx",
			ull(plic->size), num_cpus - 1,
			ull(contexts - plic->hart_contexts + plic->s_context),
			ull(plic->base), ull(need - PLIC_CONTEXT_STRIDE), ull(need));
}

static void check_plic(struct check *c, const struct axvm_plic *plic,
		       unsigned int num_cpus)
{
	unsigned int i;

	if (!plic->base || !plic->size ||
	    ((plic->base | plic->size) & PAGE_MASK_ABI) ||
	    plic->base + plic->size < plic->base)
		problem(c, -EINVAL,
			"platform.plic: base 0x%llx and size 0x%llx must be non-zero multiples of the page size (0x%llx)",
			ull(plic->base), ull(plic->size), ull(AXVM_PAGE_SIZE_ABI));
	if (!plic->num_sources || plic->num_sources > PLIC_MAX_SOURCES)
		problem(c, -EINVAL, "platform.plic.sources is %u, expected 1 to %u",
			plic->num_sources, PLIC_MAX_SOURCES);
	if (!plic->hart_contexts)
		problem(c, -EINVAL,
			"platform.plic.hart_contexts is 0: a hart has at least its S-mode context");
	else if (plic->s_context >= plic->hart_contexts)
		problem(c, -EINVAL,
			"platform.plic.s_context %u is not one of a hart's %u contexts (0-%u)",
			plic->s_context, plic->hart_contexts,
			plic->hart_contexts - 1);
	else if (num_cpus && num_cpus <= AXVM_MAX_CPUS_ABI)
		check_plic_contexts(c, plic, num_cpus);
	if (!plic->timebase_hz)
		problem(c, -EINVAL,
			"platform.timebase_frequency is 0: the hypervisor needs the time CSR's frequency");
	if (plic->reserved0)
		problem(c, -EINVAL, "platform.plic.reserved0 is 0x%x, must be 0",
			plic->reserved0);
	for (i = 0; i < sizeof(plic->reserved) / sizeof(plic->reserved[0]); i++)
		if (plic->reserved[i])
			problem(c, -EINVAL,
				"platform.plic.reserved[%u] is 0x%llx, must be 0", i,
				ull(plic->reserved[i]));
}

/*
 * The hypervisor emulates the PLIC for the root too (its claims and
 * enables decide which cell an interrupt reaches): nobody maps it.
 */
static unsigned int plic_frames(const struct axvm_plic *plic,
				struct platform_frame *f)
{
	f[0] = (struct platform_frame){ plic->base, plic->size,
		"the PLIC (the hypervisor emulates it)", 0 };
	return 1;
}

/*
 * The interrupts a cell may own: the PLIC's sources, 1 to num_sources; a
 * cell checked without its machine only against the most a PLIC has.
 */
static void plic_sources(const struct axvm_plic *plic, struct irq_limits *l)
{
	l->first = 1;
	l->end = (plic && plic->num_sources <= PLIC_MAX_SOURCES ?
		  plic->num_sources : PLIC_SOURCES_IF_UNKNOWN) + 1;
	l->what = "the PLIC's sources";
}
