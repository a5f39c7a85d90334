// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The config validator (see config_check.h). It runs in three steps, each
 * only when the one before passed, because each trusts what the previous
 * one established:
 *   1. the blob: size, magic, revision, architecture, counts;
 *   2. each field on its own and each cell in itself;
 *   3. a cell against the machine and the cells that exist.
 * Within steps 2 and 3 every problem is reported, not just the first.
 */
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/check_helpers.h>
#include <axvm/config_check.h>
#include <axvm/errno.h>

#define PAGE_MASK_ABI (AXVM_PAGE_SIZE_ABI - 1)

struct check {
	struct axvm_report *report;
	int err;	/* the first problem's errno */
	__u32 arch;	/* AXVM_ARCH_* of the config being checked */
};

/*
 * What the machine reserves for the hypervisor or the root: a cell's
 * region may cover none; the root's none with @root_may_map clear.
 */
struct platform_frame {
	__u64 base, size;
	const char *what;
	int root_may_map;
};
#define MAX_PLATFORM_FRAMES	8

/* The interrupt numbers a cell may own, [first, end), and what they are. */
struct irq_limits {
	unsigned int first, end;
	const char *what;
};

static __attribute__((format(printf, 3, 4))) void
problem(struct check *c, int err, const char *fmt, ...)
{
	va_list args;

	if (!c->err)
		c->err = err;
	va_start(args, fmt);
	c->report->message(c->report, fmt, args);
	va_end(args);
}

static unsigned long long ull(__u64 v)
{
	return (unsigned long long)v;
}

/* [a, a + as) and [b, b + bs) share a byte; sizes are non-zero. */
static int overlap(__u64 a, __u64 as, __u64 b, __u64 bs)
{
	return a <= b + (bs - 1) && b <= a + (as - 1);
}

/* The per-architecture rules, beside the common ones, and their choice. */
#include <axvm/config_check_gicv3.c>
#include <axvm/config_check_plic.c>
#include <axvm/config_check_ioapic.c>
#include <axvm/config_check_arch.c>

/* ---- step 1: the blob ---------------------------------------------- */

static void check_header(struct check *c, const struct axvm_config_header *h,
			 __u64 size, const char *magic, const char *other_magic,
			 const char *kind, __u32 arch)
{
	if (!axvm_bytes_equal(h->magic, magic, AXVM_CONFIG_MAGIC_SIZE)) {
		if (axvm_bytes_equal(h->magic, other_magic,
				     AXVM_CONFIG_MAGIC_SIZE))
			problem(c, -EINVAL, "this is a %s config, not a %s config",
				kind[0] == 's' ? "cell" : "system", kind);
		else
			problem(c, -EINVAL, "bad magic: not an axvm %s config",
				kind);
		return;
	}
	if (h->abi_revision != AXVM_ABI_REVISION) {
		problem(c, -EINVAL,
			"abi_revision is %u, this side speaks %u: rebuild the config with the matching axvm-ctl",
			h->abi_revision, AXVM_ABI_REVISION);
		return;
	}
	if (h->arch != arch)
		problem(c, -EINVAL, "config is for %s (arch %u), expected %s",
			axvm_arch_name(h->arch), h->arch, axvm_arch_name(arch));
	if (h->total_size != size)
		problem(c, -EINVAL,
			"total_size is %u but the blob has %llu bytes (truncated?)",
			h->total_size, ull(size));
	if (h->reserved)
		problem(c, -EINVAL, "header reserved is 0x%x, must be 0",
			h->reserved);
}

/* The counts of @cell and @size agree; the arrays can be read. */
static void check_layout(struct check *c, const struct axvm_cell_desc *cell,
			 const char *path, __u64 fixed, __u64 size)
{
	__u64 arrays = axvm_cell_arrays_size(cell);

	if (cell->num_memory_regions > AXVM_MAX_MEMORY_REGIONS) {
		problem(c, -EINVAL, "%snum_memory_regions is %u, at most %u",
			path, cell->num_memory_regions, AXVM_MAX_MEMORY_REGIONS);
		return;
	}
	if (cell->num_irq_ranges > AXVM_MAX_IRQ_RANGES) {
		problem(c, -EINVAL, "%snum_irq_ranges is %u, at most %u", path,
			cell->num_irq_ranges, AXVM_MAX_IRQ_RANGES);
		return;
	}
	if (fixed + arrays != size)
		problem(c, -EINVAL,
			"%u memory regions and %u interrupt ranges need %llu bytes, the blob has %llu",
			cell->num_memory_regions, cell->num_irq_ranges,
			ull(fixed + arrays), ull(size));
}

/* Enough bytes for the header, and not too many. */
static int check_blob_size(struct check *c, __u64 size, __u64 header,
			   const char *kind)
{
	if (size > AXVM_CONFIG_MAX_SIZE) {
		problem(c, -E2BIG, "%s config is %llu bytes, the limit is %u",
			kind, ull(size), AXVM_CONFIG_MAX_SIZE);
		return -1;
	}
	if (size < header) {
		problem(c, -EINVAL,
			"%s config is %llu bytes, shorter than its header (%llu)",
			kind, ull(size), ull(header));
		return -1;
	}
	return 0;
}

/* Once the header says what the blob is: enough bytes for its fixed part. */
static void check_fixed_part(struct check *c, __u64 size, __u64 fixed,
			     const char *kind)
{
	if (size < fixed)
		problem(c, -EINVAL,
			"%s config is %llu bytes, shorter than its fixed part (%llu)",
			kind, ull(size), ull(fixed));
}

/*
 * Step 1 for either kind of blob. @cell is the desc whose arrays follow
 * the fixed part of @fixed bytes. Returns non-zero unless those arrays can
 * be read.
 */
static int check_blob(struct check *c, const struct axvm_config_header *h,
		      __u64 size, __u32 arch, int is_system,
		      const struct axvm_cell_desc *cell, __u64 fixed)
{
	const char *kind = is_system ? "system" : "cell";

	c->arch = arch;
	if (check_blob_size(c, size, sizeof(*h), kind))
		return c->err;
	check_header(c, h, size, is_system ? AXVM_SYSTEM_MAGIC : AXVM_CELL_MAGIC,
		     is_system ? AXVM_CELL_MAGIC : AXVM_SYSTEM_MAGIC, kind, arch);
	if (!c->err)
		check_fixed_part(c, size, fixed, kind);
	if (!c->err)
		check_layout(c, cell, is_system ? "root_cell." : "", fixed, size);
	return c->err;
}

/* ---- step 2: fields and cells in themselves ------------------------- */

static void check_name(struct check *c, const char *name, const char *path)
{
	unsigned int i;

	if (!axvm_string_terminated(name, AXVM_CELL_NAME_SIZE)) {
		problem(c, -EINVAL, "%sname is not NUL-terminated within %u bytes",
			path, AXVM_CELL_NAME_SIZE);
		return;
	}
	if (!name[0]) {
		problem(c, -EINVAL, "%sname is empty", path);
		return;
	}
	for (i = 0; name[i]; i++) {
		char ch = name[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
		      ch == '.')) {
			problem(c, -EINVAL,
				"%sname \"%s\": character %u is not a letter, digit, '-', '_' or '.'",
				path, name, i + 1);
			return;
		}
	}
}

static void check_cpus(struct check *c, const struct axvm_cell_desc *cell,
		       const char *path, const struct axvm_system_desc *sys)
{
	unsigned int cpu, count = 0;

	for (cpu = 0; cpu < AXVM_MAX_CPUS_ABI; cpu++) {
		if (!axvm_cpu_in_set(cell->cpus, cpu))
			continue;
		count++;
		if (sys && !sys->platform.num_cpus)
			problem(c, -EINVAL,
				"%scpus: CPU %u does not exist (platform.cpus is 0)",
				path, cpu);
		else if (sys && cpu >= sys->platform.num_cpus)
			problem(c, -EINVAL,
				"%scpus: CPU %u does not exist (the machine has CPUs 0-%u)",
				path, cpu, sys->platform.num_cpus - 1);
	}
	if (!count)
		problem(c, -EINVAL, "%scpus: no CPU given", path);
}

/* @is_debug: the hypervisor's debug console, else a cell's console. */
static void check_console(struct check *c, const struct axvm_console *con,
			  const char *path, int is_debug)
{
	if (con->reserved)
		problem(c, -EINVAL, "%sreserved is 0x%x, must be 0", path,
			con->reserved);
	check_console_kind(c, con, path, is_debug);
	switch (con->type) {
	case AXVM_CONSOLE_NONE:
	case AXVM_CONSOLE_HYPERCALL:
	case AXVM_CONSOLE_SBI:
		if (con->type == AXVM_CONSOLE_HYPERCALL && is_debug)
			problem(c, -EINVAL,
				"%stype: a hypercall console is not possible here",
				path);
		if (con->address)
			problem(c, -EINVAL,
				"%saddress 0x%llx given for a console without a UART",
				path, ull(con->address));
		break;
	case AXVM_CONSOLE_PL011:
		if (!con->address || (con->address & 3))
			problem(c, -EINVAL,
				"%saddress 0x%llx: a PL011 needs its 4-byte aligned register address",
				path, ull(con->address));
		break;
	case AXVM_CONSOLE_8250_PIO:
		check_8250_pio(c, con, path);
		break;
	default:
		problem(c, -EINVAL, "%stype %u is unknown", path, con->type);
	}
}

static void check_region(struct check *c, const struct axvm_memory_region *r,
			 const char *path, unsigned int i, int is_root)
{
	if (r->flags & ~AXVM_MEM_VALID_FLAGS)
		problem(c, -EINVAL, "%smemory[%u].flags 0x%x has unknown bits 0x%x",
			path, i, r->flags, r->flags & ~AXVM_MEM_VALID_FLAGS);
	if (r->reserved)
		problem(c, -EINVAL, "%smemory[%u].reserved is 0x%x, must be 0",
			path, i, r->reserved);
	if (!(r->flags & (AXVM_MEM_READ | AXVM_MEM_WRITE | AXVM_MEM_EXECUTE)))
		problem(c, -EINVAL,
			"%smemory[%u]: grants no access (flags need read, write or execute)",
			path, i);
	if ((r->flags & AXVM_MEM_IO) &&
	    (r->flags & (AXVM_MEM_LOADABLE | AXVM_MEM_EXECUTE)))
		problem(c, -EINVAL,
			"%smemory[%u]: an io region cannot be loadable or executable",
			path, i);
	if (!r->size) {
		problem(c, -EINVAL, "%smemory[%u].size is 0", path, i);
		return;
	}
	if ((r->phys_start | r->virt_start | r->size) & PAGE_MASK_ABI)
		problem(c, -EINVAL,
			"%smemory[%u]: phys 0x%llx, virt 0x%llx and size 0x%llx must be multiples of the page size (0x%llx)",
			path, i, ull(r->phys_start), ull(r->virt_start),
			ull(r->size), ull(AXVM_PAGE_SIZE_ABI));
	if (r->phys_start + r->size < r->phys_start ||
	    r->virt_start + r->size < r->virt_start)
		problem(c, -EINVAL,
			"%smemory[%u]: phys 0x%llx or virt 0x%llx plus size 0x%llx overflows",
			path, i, ull(r->phys_start), ull(r->virt_start),
			ull(r->size));
	if (is_root && r->virt_start != r->phys_start)
		problem(c, -EINVAL,
			"%smemory[%u]: the root cell is identity-mapped, but virt 0x%llx differs from phys 0x%llx",
			path, i, ull(r->virt_start), ull(r->phys_start));
}

static int region_sane(const struct axvm_memory_region *r)
{
	return r->size && r->phys_start + r->size > r->phys_start &&
	       r->virt_start + r->size > r->virt_start;
}

static void check_regions(struct check *c, const struct axvm_cell_desc *cell,
			  const char *path, int is_root)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	unsigned int i, j;

	for (i = 0; i < cell->num_memory_regions; i++)
		check_region(c, &mem[i], path, i, is_root);
	for (i = 0; i < cell->num_memory_regions; i++) {
		for (j = i + 1; j < cell->num_memory_regions; j++) {
			if (!region_sane(&mem[i]) || !region_sane(&mem[j]))
				continue;
			if (overlap(mem[i].phys_start, mem[i].size,
				    mem[j].phys_start, mem[j].size))
				problem(c, -EINVAL,
					"%smemory[%u] and memory[%u] overlap in physical memory (0x%llx+0x%llx, 0x%llx+0x%llx)",
					path, i, j, ull(mem[i].phys_start),
					ull(mem[i].size), ull(mem[j].phys_start),
					ull(mem[j].size));
			else if (overlap(mem[i].virt_start, mem[i].size,
					 mem[j].virt_start, mem[j].size))
				problem(c, -EINVAL,
					"%smemory[%u] and memory[%u] overlap at virt 0x%llx and 0x%llx",
					path, i, j, ull(mem[i].virt_start),
					ull(mem[j].virt_start));
		}
	}
}

static void check_irqs(struct check *c, const struct axvm_cell_desc *cell,
		       const char *path, const struct axvm_system_desc *sys)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell);
	unsigned int i, j, first_shared, end_shared;
	struct irq_limits limits;

	shared_irq_limits(c->arch, sys, &limits);
	first_shared = limits.first;
	end_shared = limits.end;
	for (i = 0; i < cell->num_irq_ranges; i++) {
		if (irq[i].reserved)
			problem(c, -EINVAL,
				"%sinterrupts[%u].reserved is 0x%llx, must be 0",
				path, i, ull(irq[i].reserved));
		if (!irq[i].count)
			problem(c, -EINVAL, "%sinterrupts[%u]: count is 0",
				path, i);
		else if (irq[i].first < first_shared ||
			 irq[i].first >= end_shared ||
			 irq[i].count > end_shared - irq[i].first)
			problem(c, -EINVAL,
				"%sinterrupts[%u]: %u-%u is outside %s %u-%u",
				path, i, irq[i].first,
				irq[i].first + (irq[i].count - 1), limits.what,
				first_shared, end_shared - 1);
	}
	for (i = 0; i < cell->num_irq_ranges; i++)
		for (j = i + 1; j < cell->num_irq_ranges; j++)
			if (irq[i].count && irq[j].count &&
			    overlap(irq[i].first, irq[i].count, irq[j].first,
				    irq[j].count))
				problem(c, -EINVAL,
					"%sinterrupts[%u] and interrupts[%u] both name interrupt %u",
					path, i, j,
					irq[i].first > irq[j].first ?
						irq[i].first : irq[j].first);
}

/* The virtual range [addr, addr + size) lies in one region with @flags. */
static int virt_in_region(const struct axvm_cell_desc *cell, __u64 addr,
			  __u64 size, __u32 flags)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	unsigned int i;

	for (i = 0; i < cell->num_memory_regions; i++)
		if ((mem[i].flags & flags) == flags && addr >= mem[i].virt_start &&
		    addr - mem[i].virt_start + size <= mem[i].size)
			return 1;
	return 0;
}

static void check_cell(struct check *c, const struct axvm_cell_desc *cell,
		       const char *path, int is_root,
		       const struct axvm_system_desc *sys)
{
	unsigned int i;

	check_name(c, cell->name, path);
	check_cpus(c, cell, path, sys);
	if (cell->flags)
		problem(c, -EINVAL, "%sflags is 0x%x, must be 0", path,
			cell->flags);
	for (i = 0; i < sizeof(cell->reserved) / sizeof(cell->reserved[0]); i++)
		if (cell->reserved[i])
			problem(c, -EINVAL, "%sreserved[%u] is 0x%x, must be 0",
				path, i, cell->reserved[i]);
	check_regions(c, cell, path, is_root);
	check_irqs(c, cell, path, sys);

	if (is_root) {
		if (cell->console.type != AXVM_CONSOLE_NONE)
			problem(c, -EINVAL,
				"%sconsole: the root cell keeps its own devices; give it no console",
				path);
		if (cell->num_irq_ranges)
			problem(c, -EINVAL,
				"%sinterrupts: the root cell owns every interrupt no other cell owns; list none",
				path);
		if (cell->entry)
			problem(c, -EINVAL,
				"%sentry is 0x%llx: the root cell is already running, it has no entry",
				path, ull(cell->entry));
		return;
	}
	check_console(c, &cell->console, "console.", 0);
	if (cell->console.type == AXVM_CONSOLE_PL011 &&
	    !virt_in_region(cell, cell->console.address, 4, AXVM_MEM_IO))
		problem(c, -EINVAL,
			"console.address 0x%llx is in none of the cell's io regions",
			ull(cell->console.address));
	if (!virt_in_region(cell, cell->entry, 4, AXVM_MEM_EXECUTE))
		problem(c, -EINVAL,
			"entry 0x%llx is in none of the cell's executable regions",
			ull(cell->entry));
}

static void check_system_desc(struct check *c,
			      const struct axvm_system_desc *sys)
{
	const struct axvm_platform *p = &sys->platform;
	unsigned int i;

	if (!sys->hypervisor_size ||
	    ((sys->hypervisor_phys | sys->hypervisor_size) & PAGE_MASK_ABI) ||
	    sys->hypervisor_phys + sys->hypervisor_size < sys->hypervisor_phys)
		problem(c, -EINVAL,
			"hypervisor.memory: phys 0x%llx and size 0x%llx must be non-zero multiples of 0x%llx",
			ull(sys->hypervisor_phys), ull(sys->hypervisor_size),
			ull(AXVM_PAGE_SIZE_ABI));
	else if (sys->hypervisor_size < AXVM_HYPERVISOR_MIN_SIZE)
		problem(c, -EINVAL,
			"hypervisor.memory.size 0x%llx is below the minimum of 0x%llx",
			ull(sys->hypervisor_size), ull(AXVM_HYPERVISOR_MIN_SIZE));
	check_console(c, &sys->debug_console, "debug_console.", 1);
	for (i = 0; i < sizeof(sys->reserved) / sizeof(sys->reserved[0]); i++)
		if (sys->reserved[i])
			problem(c, -EINVAL, "reserved[%u] is 0x%llx, must be 0",
				i, ull(sys->reserved[i]));

	if (!p->num_cpus || p->num_cpus > AXVM_MAX_CPUS_ABI)
		problem(c, -EINVAL, "platform.cpus is %u, expected 1 to %u",
			p->num_cpus, AXVM_MAX_CPUS_ABI);
	check_irqchip(c, p);
}

/*
 * What the hypervisor drives or emulates, and what can write to memory on
 * its own, is never a cell's: the interrupt controller's frames (which of
 * them the root may map too is the controller's rule: e.g. the GIC's ITS
 * yes, its distributor no, the PLIC no) and the hypervisor's debug
 * console, which the root shares.
 */
static int covers_platform_frame(struct check *c,
				 const struct axvm_memory_region *r,
				 unsigned int i, const struct axvm_system_desc *sys,
				 int is_root)
{
	struct platform_frame frames[MAX_PLATFORM_FRAMES];
	unsigned int k, n = irqchip_frames(c->arch, &sys->platform, frames);

	if (sys->debug_console.type == AXVM_CONSOLE_PL011)
		frames[n++] = (struct platform_frame){
			sys->debug_console.address & ~PAGE_MASK_ABI,
			AXVM_PAGE_SIZE_ABI, "the hypervisor's debug console", 1 };
	for (k = 0; k < n; k++) {
		if ((is_root && frames[k].root_may_map) ||
		    !overlap(r->phys_start, r->size, frames[k].base, frames[k].size))
			continue;
		problem(c, -EINVAL, "%smemory[%u] (0x%llx+0x%llx) covers %s at 0x%llx",
			is_root ? "root_cell." : "", i, ull(r->phys_start),
			ull(r->size), frames[k].what, ull(frames[k].base));
		return 1;
	}
	return 0;
}

/*
 * Root memory must leave the hypervisor's own memory and the interrupt
 * controller's emulated frames alone.
 */
static void check_root_against_hypervisor(struct check *c,
					  const struct axvm_system_config *s)
{
	const struct axvm_cell_desc *root = &s->root_cell;
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(root);
	unsigned int i;

	if (!s->system.hypervisor_size)
		return;
	for (i = 0; i < root->num_memory_regions; i++)
		if (region_sane(&mem[i]))
			covers_platform_frame(c, &mem[i], i, &s->system, 1);
	for (i = 0; i < root->num_memory_regions; i++)
		if (region_sane(&mem[i]) &&
		    overlap(mem[i].phys_start, mem[i].size,
			    s->system.hypervisor_phys,
			    s->system.hypervisor_size))
			problem(c, -EINVAL,
				"root_cell.memory[%u] (0x%llx+0x%llx) overlaps the hypervisor's memory (0x%llx+0x%llx)",
				i, ull(mem[i].phys_start), ull(mem[i].size),
				ull(s->system.hypervisor_phys),
				ull(s->system.hypervisor_size));
}

int axvm_check_system_config(const void *blob, __u64 size, __u32 arch,
			     struct axvm_report *report)
{
	const struct axvm_system_config *s = blob;
	struct check c = { .report = report };

	if (check_blob(&c, &s->header, size, arch, 1, &s->root_cell, sizeof(*s)))
		return c.err;

	check_system_desc(&c, &s->system);
	check_cell(&c, &s->root_cell, "root_cell.", 1, &s->system);
	check_root_against_hypervisor(&c, s);
	return c.err;
}

/* ---- step 3: a cell against the machine and the other cells ---------- */

/*
 * The physical range lies in the union of root regions that may give it:
 * io regions for io, and for RAM the root's loadable regions (the RAM kept
 * from Linux for cells); a shared region included, so that no cell ever
 * maps the RAM Linux runs in.
 */
static int donated_by_root(const struct axvm_cell_desc *root,
			   const struct axvm_memory_region *r)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(root);
	__u64 pos = r->phys_start, end = r->phys_start + r->size;
	unsigned int i;
	int progress = 1;

	while (pos < end && progress) {
		progress = 0;
		for (i = 0; i < root->num_memory_regions; i++) {
			if ((mem[i].flags & AXVM_MEM_IO) != (r->flags & AXVM_MEM_IO))
				continue;
			if (!(r->flags & AXVM_MEM_IO) &&
			    !(mem[i].flags & AXVM_MEM_LOADABLE))
				continue;
			if (pos >= mem[i].phys_start &&
			    pos - mem[i].phys_start < mem[i].size) {
				pos = mem[i].phys_start + mem[i].size;
				progress = 1;
			}
		}
	}
	return pos >= end;
}

static void check_cpus_against(struct check *c,
			       const struct axvm_cell_desc *cell,
			       const struct axvm_check_context *ctx)
{
	const struct axvm_cell_desc *root = &ctx->system->root_cell;
	unsigned int cpu, i, root_left = 0;

	for (cpu = 0; cpu < AXVM_MAX_CPUS_ABI; cpu++) {
		int taken = axvm_cpu_in_set(cell->cpus, cpu), owner = -1;

		for (i = 0; i < ctx->num_cells; i++)
			if (axvm_cpu_in_set(ctx->cells[i]->cpus, cpu))
				owner = (int)i;
		if (taken && !axvm_cpu_in_set(root->cpus, cpu))
			problem(c, -EINVAL,
				"cpus: CPU %u does not belong to the root cell, which could give it",
				cpu);
		else if (taken && owner >= 0)
			problem(c, -EBUSY,
				"cpus: CPU %u is already owned by cell \"%s\"",
				cpu, ctx->cells[owner]->name);
		if (axvm_cpu_in_set(root->cpus, cpu) && !taken && owner < 0)
			root_left++;
	}
	if (!root_left)
		problem(c, -EBUSY,
			"cpus: the cell would take the root cell's last CPU");
}

static void check_memory_against(struct check *c,
				 const struct axvm_cell_desc *cell,
				 const struct axvm_check_context *ctx)
{
	const struct axvm_system_desc *sys = &ctx->system->system;
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell);
	unsigned int i, k, j;

	for (i = 0; i < cell->num_memory_regions; i++) {
		const struct axvm_memory_region *r = &mem[i];

		if (overlap(r->phys_start, r->size, sys->hypervisor_phys,
			    sys->hypervisor_size)) {
			problem(c, -EINVAL,
				"memory[%u] (0x%llx+0x%llx) overlaps the hypervisor's memory (0x%llx+0x%llx)",
				i, ull(r->phys_start), ull(r->size),
				ull(sys->hypervisor_phys),
				ull(sys->hypervisor_size));
			continue;
		}
		if (covers_platform_frame(c, r, i, sys, 0))
			continue;
		if (!donated_by_root(&ctx->system->root_cell, r))
			problem(c, -EINVAL, (r->flags & AXVM_MEM_IO) ?
				"memory[%u] (0x%llx+0x%llx) is not io memory of the root cell, which would have to give it" :
				"memory[%u] (0x%llx+0x%llx) is not in the root cell's loadable memory (the RAM kept from Linux for cells)",
				i, ull(r->phys_start), ull(r->size));
		for (k = 0; k < ctx->num_cells; k++) {
			const struct axvm_cell_desc *o = ctx->cells[k];
			const struct axvm_memory_region *om =
				axvm_cell_memory_regions(o);

			for (j = 0; j < o->num_memory_regions; j++)
				if (overlap(r->phys_start, r->size,
					    om[j].phys_start, om[j].size) &&
				    !((r->flags & om[j].flags) & AXVM_MEM_SHARED))
					problem(c, -EBUSY,
						"memory[%u] (0x%llx+0x%llx) overlaps memory[%u] of cell \"%s\" (mark both shared to share)",
						i, ull(r->phys_start),
						ull(r->size), j, o->name);
		}
	}
}

static void check_irqs_against(struct check *c,
			       const struct axvm_cell_desc *cell,
			       const struct axvm_check_context *ctx)
{
	const struct axvm_irq_range *irq = axvm_cell_irq_ranges(cell);
	unsigned int i, k, j;

	for (i = 0; i < cell->num_irq_ranges; i++) {
		for (k = 0; k < ctx->num_cells; k++) {
			const struct axvm_cell_desc *o = ctx->cells[k];
			const struct axvm_irq_range *oi = axvm_cell_irq_ranges(o);

			for (j = 0; j < o->num_irq_ranges; j++)
				if (overlap(irq[i].first, irq[i].count,
					    oi[j].first, oi[j].count))
					problem(c, -EBUSY,
						"interrupts[%u] (%u-%u) overlaps interrupts %u-%u of cell \"%s\"",
						i, irq[i].first,
						irq[i].first + irq[i].count - 1,
						oi[j].first,
						oi[j].first + oi[j].count - 1,
						o->name);
		}
	}
}

static void check_against(struct check *c, const struct axvm_cell_config *cfg,
			  const struct axvm_check_context *ctx)
{
	const struct axvm_cell_desc *cell = &cfg->cell;
	unsigned int k;

	if (axvm_string_equal(cell->name, ctx->system->root_cell.name))
		problem(c, -EEXIST, "name \"%s\" is the root cell's", cell->name);
	for (k = 0; k < ctx->num_cells; k++)
		if (axvm_string_equal(cell->name, ctx->cells[k]->name))
			problem(c, -EEXIST, "name \"%s\" is taken by another cell",
				cell->name);
	check_cpus_against(c, cell, ctx);
	check_memory_against(c, cell, ctx);
	check_irqs_against(c, cell, ctx);
}

int axvm_check_cell_config(const void *blob, __u64 size, __u32 arch,
			   const struct axvm_check_context *context,
			   struct axvm_report *report)
{
	const struct axvm_cell_config *cfg = blob;
	const struct axvm_system_desc *sys = 0;
	struct check c = { .report = report };

	if (context && context->system) {
		sys = &context->system->system;
		arch = context->system->header.arch;
	}
	if (check_blob(&c, &cfg->header, size, arch, 0, &cfg->cell, sizeof(*cfg)))
		return c.err;

	check_cell(&c, &cfg->cell, "", 0, sys);
	if (c.err || !sys)
		return c.err;
	check_against(&c, cfg, context);
	return c.err;
}
