// SPDX-License-Identifier: GPL-2.0
/*
 * The life cycle of cells, driven by the root cell's hypercalls:
 *
 *   create: the config is copied out of root memory and validated against
 *           the system and the other cells; the cell's CPUs must already
 *           be parked (Linux switched them off); its memory leaves the
 *           root's stage-2 (loadable regions stay there until start), its
 *           CPUs' redistributors move over.
 *   start:  loadable regions leave the root; the first CPU starts at the
 *           entry; the others wait for the cell's own PSCI CPU_ON.
 *   shutdown / failure: every CPU of the cell is parked.
 *   destroy: shutdown, then CPUs (still parked), memory and redistributors
 *           go back to the root; Linux's CPU_ON brings the CPUs back.
 */
#include <axvm/arch.h>
#include <axvm/cell.h>
#include <axvm/config_check.h>
#include <axvm/errno.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/console.h>
#include <hv/control.h>
#include <lib/format.h>
#include <hv/page_pool.h>
#include <hv/percpu.h>
#include <hv/printk.h>
#include <hv/spinlock.h>
#include <hv/string.h>

#include <asm/layout.h>

static struct cell cells[MAX_CELLS];	/* [0] unused: the root is root_cell */
static spinlock_t cells_lock;

void cells_lock_acquire(void)
{
	spin_lock(&cells_lock);
}

void cells_lock_release(void)
{
	spin_unlock(&cells_lock);
}

struct cell *cell_by_id(u64 id)
{
	if (id == 0)
		return &root_cell;
	if (id < MAX_CELLS && cells[id].in_use)
		return &cells[id];
	return NULL;
}

static void report_to_console(struct axvm_report *r, const char *fmt,
			      va_list args)
{
	char buf[200];

	(void)r;
	format_string(buf, sizeof(buf), fmt, args);
	printk("cell config: %s\n", buf);
}

/* The existing cells, as the validator wants them. */
static unsigned int existing_cells(const struct axvm_cell_desc **descs)
{
	unsigned int i, n = 0;

	for (i = 1; i < MAX_CELLS; i++)
		if (cells[i].in_use)
			descs[n++] = cells[i].desc;
	return n;
}

static int root_unmap_region(const struct axvm_memory_region *r)
{
	return paging_unmap(&root_cell.stage2, r->phys_start, r->size);
}

/* Loadable regions: in the root's address space, or out of it. */
static int root_loadable(struct cell *cell, bool mapped)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell->desc);
	unsigned int i;
	int err = 0;

	for (i = 0; i < cell->desc->num_memory_regions && !err; i++) {
		if (!(mem[i].flags & AXVM_MEM_LOADABLE) ||
		    (mem[i].flags & AXVM_MEM_SHARED))
			continue;
		err = mapped ? paging_map(&root_cell.stage2, mem[i].phys_start,
					  mem[i].phys_start, mem[i].size, MAP_RW) :
			       root_unmap_region(&mem[i]);
	}
	arch_cell_flush(&root_cell);
	return err;
}

/*
 * The cell's memory leaves the root (true) or comes back (false), except
 * the regions in @keep (bit i: memory[i]; RAM that could not be cleared).
 */
static int move_memory(struct cell *cell, bool to_cell, u64 keep)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell->desc);
	unsigned int i;
	int err = 0;

	for (i = 0; i < cell->desc->num_memory_regions && !err; i++) {
		if ((mem[i].flags & AXVM_MEM_SHARED) || (keep >> i & 1))
			continue;	/* shared: stays with the root too */
		if (to_cell)
			err = root_unmap_region(&mem[i]);
		else
			err = paging_map(&root_cell.stage2, mem[i].phys_start,
					 mem[i].phys_start, mem[i].size,
					 root_flags_at(mem[i].phys_start));
	}
	arch_cell_flush(&root_cell);
	return err;
}

/*
 * A cell's RAM is zeroed when the cell is created (nothing of an earlier
 * owner, or of the root, reaches it) and when it is destroyed (nothing the
 * cell wrote reaches the root). Shared regions were never the cell's
 * alone; io regions are devices. Returns the regions that could not be
 * cleared (bit i: memory[i]); the others are cleared all the same.
 */
static u64 clear_memory(struct cell *cell, const char *when)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(cell->desc);
	unsigned int i;
	u64 failed = 0;
	int err;

	for (i = 0; i < cell->desc->num_memory_regions; i++) {
		if (mem[i].flags & (AXVM_MEM_SHARED | AXVM_MEM_IO))
			continue;
		err = arch_clear_memory(mem[i].phys_start, mem[i].size);
		if (err) {
			printk("cell %u \"%s\" %s: memory[%u] could not be cleared (error %d)\n",
			       cell->id, cell->desc->name, when, i, err);
			failed |= 1ull << i;
		}
	}
	return failed;
}

static bool cpus_parked(const struct cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < AXVM_MAX_CPUS; cpu++) {
		struct per_cpu *c = per_cpu(cpu);

		if (!cell_owns_cpu(cell, cpu))
			continue;
		if (!c->active ||
		    __atomic_load_n(&c->power, __ATOMIC_ACQUIRE) != CPU_PARKED)
			return false;
	}
	return true;
}

/* Hand the CPUs of @cell's config from @from to @to (all parked). */
static void move_cpus(struct cell *from, struct cell *to, const __u64 *set)
{
	unsigned int cpu;

	for (cpu = 0; cpu < AXVM_MAX_CPUS; cpu++) {
		if (!axvm_cpu_in_set(set, cpu))
			continue;
		from->cpus[cpu / 64] &= ~(1ull << (cpu % 64));
		to->cpus[cpu / 64] |= 1ull << (cpu % 64);
		per_cpu(cpu)->cell = to;
		arch_cpu_moved(per_cpu(cpu), from, to);
	}
}

/* The root reads a console ring through a read-only mapping of it. */
int root_map_ring(struct axvm_console_ring *ring, bool map)
{
	u64 at = (u64)(uintptr_t)ring, size = AXVM_CONSOLE_RING_PAGES * PAGE_SIZE;
	int err = map ? paging_map(&root_cell.stage2, at, at, size, MAP_READ) :
			paging_unmap(&root_cell.stage2, at, size);

	arch_cell_flush(&root_cell);
	return err;
}

static void free_cell(struct cell *cell)
{
	if (cell->in_use)
		cell_set_irq_owner(cell, false);
	if (cell->stage2.root)
		arch_cell_destroy(cell);
	if (cell->console)
		root_map_ring(cell->console, false);
	console_ring_free(cell->console);
	if (cell->config_pages)
		page_free((char *)(uintptr_t)cell->desc -
			  sizeof(struct axvm_config_header), cell->config_pages);
	memset(cell, 0, sizeof(*cell));
}

long cell_create(u64 config_phys, u64 size)
{
	const struct axvm_cell_desc *others[MAX_CELLS];
	struct axvm_report report = { .message = report_to_console };
	struct axvm_check_context ctx;
	struct axvm_cell_config *copy;
	struct cell *cell = NULL;
	unsigned int pages, id;
	long err;

	if (size < sizeof(struct axvm_cell_config) || size > AXVM_CONFIG_MAX_SIZE)
		return -EINVAL;
	pages = (unsigned int)(PAGE_ALIGN(size) / PAGE_SIZE);
	copy = page_alloc(pages, 1);
	if (!copy)
		return -ENOMEM;
	err = copy_from_root(copy, config_phys, size);
	if (err) {
		page_free(copy, pages);
		return err;
	}

	spin_lock(&cells_lock);
	ctx = (struct axvm_check_context){
		.system = system_config, .cells = others,
		.num_cells = existing_cells(others),
	};
	err = axvm_check_cell_config(copy, size, AXVM_ARCH_NATIVE, &ctx, &report);
	if (err)
		goto fail_copy;
	for (id = 1; id < MAX_CELLS && cells[id].in_use; id++)
		;
	if (id == MAX_CELLS) {
		printk("cell create: all %u cell slots are in use\n", MAX_CELLS - 1);
		err = -ENOSPC;
		goto fail_copy;
	}
	cell = &cells[id];
	memset(cell, 0, sizeof(*cell));
	cell->id = id;
	cell->desc = &copy->cell;
	cell->config_pages = pages;
	/* Its CPUs as its config names them, for the parked check. */
	memcpy(cell->cpus, copy->cell.cpus, sizeof(cell->cpus));
	if (!cpus_parked(cell)) {
		printk("cell create \"%s\": its CPUs must be switched off in the root first\n",
		       copy->cell.name);
		memset(cell, 0, sizeof(*cell));
		err = -EBUSY;
		goto fail_copy;
	}
	memset(cell->cpus, 0, sizeof(cell->cpus));
	cell->in_use = true;
	cell_set_irq_owner(cell, true);
	cell->console = console_ring_alloc();
	err = cell->console ? root_map_ring(cell->console, true) : -ENOMEM;
	if (!err)
		err = arch_cell_create(cell);
	if (!err)
		err = cell_map_regions(cell);
	if (!err)
		err = move_memory(cell, true, 0);
	if (!err && clear_memory(cell, "create"))
		err = -ENOMEM;
	if (!err)
		err = root_loadable(cell, true);
	if (err) {
		move_memory(cell, false, 0);
		free_cell(cell);
		spin_unlock(&cells_lock);
		return err;
	}
	move_cpus(&root_cell, cell, copy->cell.cpus);
	arch_cell_hand_over_irqs(cell, true);
	cell->state = AXVM_CELL_STATE_CREATED;
	spin_unlock(&cells_lock);
	printk("cell %u \"%s\" created\n", id, copy->cell.name);
	return id;

fail_copy:
	spin_unlock(&cells_lock);
	page_free(copy, pages);
	return err;
}

/*
 * Park every CPU of @cell except the caller, and wait until they are. A
 * CPU of the cell waiting here that is itself asked to park (two of its
 * CPUs stopping it at once) parks instead of waiting for ever.
 *
 * A cell can keep the management interrupt out (arm64: it writes the GIC's
 * active priorities, ICC_AP1R0_EL1, which reach the hardware because its
 * interrupts are delivered directly); the caller then gives up after
 * PARK_TIMEOUT_MS with -ETIMEDOUT instead of hanging the root. The request
 * stays posted: the CPU parks as soon as it lets the interrupt in. The
 * wait wakes on the parking CPU's signal, or on the firmware's event
 * stream (arch_cpu_init), so the deadline is seen in time.
 */
#define PARK_TIMEOUT_MS	1000

static long park_cpus(struct cell *cell)
{
	u64 hz = arch_counter_hz() ?: 1000000000;	/* a counter without a frequency */
	u64 deadline = arch_counter() + hz * PARK_TIMEOUT_MS / 1000;
	bool all_parked;
	unsigned int cpu;

	__atomic_store_n(&cell->stopping, 1, __ATOMIC_RELEASE);
	do {
		all_parked = true;
		for (cpu = 0; cpu < AXVM_MAX_CPUS; cpu++) {
			struct per_cpu *c = per_cpu(cpu);

			if (!cell_owns_cpu(cell, cpu) || c == this_cpu() ||
			    __atomic_load_n(&c->power, __ATOMIC_ACQUIRE) == CPU_PARKED)
				continue;
			all_parked = false;
			__atomic_or_fetch(&c->requests, CPU_REQ_PARK, __ATOMIC_RELEASE);
			arch_cpu_kick(c);
			arch_cpu_signal_all();
			while (__atomic_load_n(&c->power, __ATOMIC_ACQUIRE) != CPU_PARKED) {
				if (this_cpu()->cell == cell &&
				    (__atomic_load_n(&this_cpu()->requests,
						     __ATOMIC_ACQUIRE) & CPU_REQ_PARK))
					cpu_park(this_cpu());
				if (arch_counter() > deadline) {
					printk("cell %u \"%s\": CPU %u does not answer the request "
					       "to stop (the cell keeps the hypervisor's interrupt "
					       "out); it stays the cell's\n", cell->id,
					       cell->desc->name, cpu);
					return -ETIMEDOUT;
				}
				arch_cpu_wait_for_signal();
			}
		}
	} while (!all_parked);	/* again: one may have been started meanwhile */
	return 0;
}

long cell_shutdown(struct cell *cell)
{
	long err;

	if (cell == &root_cell)
		return -EINVAL;
	err = park_cpus(cell);
	if (err)
		return err;
	/* A cell never started keeps its loadable memory with the root. */
	spin_lock(&cells_lock);
	if (cell->state == AXVM_CELL_STATE_RUNNING)
		cell->state = AXVM_CELL_STATE_SHUT_DOWN;
	spin_unlock(&cells_lock);
	return 0;
}

long cell_set_loadable(struct cell *cell)
{
	/* Every CPU parked: one that did not answer a stop may still run. */
	if (cell == &root_cell || cell->state == AXVM_CELL_STATE_RUNNING ||
	    !cpus_parked(cell))
		return -EBUSY;
	if (cell->state == AXVM_CELL_STATE_CREATED)
		return 0;
	cell->state = AXVM_CELL_STATE_CREATED;
	return root_loadable(cell, true);
}

long cell_start(struct cell *cell)
{
	unsigned int cpu;
	long err;

	if (cell == &root_cell)
		return -EINVAL;
	if (cell->state == AXVM_CELL_STATE_RUNNING || !cpus_parked(cell))
		return -EBUSY;
	if (cell->state == AXVM_CELL_STATE_CREATED) {
		err = root_loadable(cell, false);
		if (err)
			return err;
	}
	for (cpu = 0; cpu < AXVM_MAX_CPUS && !cell_owns_cpu(cell, cpu); cpu++)
		;
	if (cpu == AXVM_MAX_CPUS)
		return -EINVAL;
	spin_lock(&cells_lock);
	cell->state = AXVM_CELL_STATE_RUNNING;
	__atomic_store_n(&cell->stopping, 0, __ATOMIC_RELEASE);
	err = cpu_start(per_cpu(cpu), cell->desc->entry, 0);
	if (err)
		cell->state = AXVM_CELL_STATE_SHUT_DOWN;
	spin_unlock(&cells_lock);
	return err;
}

long cell_destroy(struct cell *cell)
{
	__u64 cpus[AXVM_CPU_SET_WORDS];
	u64 uncleared;
	long err;

	if (cell == &root_cell)
		return -EINVAL;
	err = park_cpus(cell);
	if (err)
		return err;	/* nothing moves while a CPU still runs the cell */
	spin_lock(&cells_lock);
	if (cell->state == AXVM_CELL_STATE_CREATED)
		root_loadable(cell, false);
	memcpy(cpus, cell->cpus, sizeof(cpus));
	/* The root owns the lines again before they may fire at it. */
	cell_set_irq_owner(cell, false);
	arch_cell_hand_over_irqs(cell, false);
	move_cpus(cell, &root_cell, cpus);
	/*
	 * RAM that could not be cleared stays out of the root (until disable);
	 * the next cell there gets it cleared at create.
	 */
	uncleared = clear_memory(cell, "destroy");
	err = move_memory(cell, false, uncleared);
	if (uncleared)
		printk("cell %u \"%s\": the root does not get back the memory that could not be cleared\n",
		       cell->id, cell->desc->name);
	printk("cell %u \"%s\" destroyed\n", cell->id, cell->desc->name);
	free_cell(cell);
	spin_unlock(&cells_lock);
	return err;
}

void cell_fail(u64 syndrome, u64 address, const char *why)
{
	struct per_cpu *cpu = this_cpu();
	struct cell *cell = cpu->cell;

	/* One CPU does the stopping; any other just parks. */
	if (__atomic_exchange_n(&cell->stopping, 1, __ATOMIC_ACQ_REL))
		cpu_park(cpu);
	cell->fail_syndrome = syndrome;
	cell->fail_address = address;
	cell->state = AXVM_CELL_STATE_FAILED;
	printk("cell %u \"%s\" failed on CPU %u: %s (syndrome 0x%llx, address 0x%llx)\n",
	       cell->id, cell->desc->name, cpu->id, why,
	       (unsigned long long)syndrome, (unsigned long long)address);
	park_cpus(cell);	/* a CPU that does not answer parks when it does */
	cpu_park(cpu);
}

/*
 * Under the cells lock, like every change of a cell's state by start: the
 * cell cannot be destroyed, nor started again, between the look and the
 * change.
 */
void cell_cpu_parked(struct per_cpu *cpu)
{
	struct cell *cell;

	spin_lock(&cells_lock);
	cell = cpu->cell;
	if (cell != &root_cell && cell->in_use &&
	    cell->state == AXVM_CELL_STATE_RUNNING &&
	    !__atomic_load_n(&cell->stopping, __ATOMIC_ACQUIRE) &&
	    cpus_parked(cell)) {
		cell->state = AXVM_CELL_STATE_SHUT_DOWN;
		printk("cell %u \"%s\": every CPU switched itself off: shut down\n",
		       cell->id, cell->desc->name);
	}
	spin_unlock(&cells_lock);
}

void cell_shutdown_self(void)
{
	struct per_cpu *cpu = this_cpu();

	if (!__atomic_exchange_n(&cpu->cell->stopping, 1, __ATOMIC_ACQ_REL))
		cell_shutdown(cpu->cell);
	cpu_park(cpu);
}
