// SPDX-License-Identifier: GPL-2.0
/*
 * Cells: create, load, start, shut down, destroy, list, console.
 *
 * The driver keeps each cell's validated config, so that a new cell is
 * checked against the system and all cells before anything changes. A
 * cell's CPUs leave Linux (remove_cpu: PSCI CPU_OFF parks them in the
 * hypervisor) before the firmware creates it, and come back (add_cpu)
 * after it is destroyed.
 */
#include <linux/cpu.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <axvm/cell.h>
#include <axvm/config_check.h>
#include <axvm/console.h>
#include <axvm/hypercall.h>
#include <axvm/ioctl.h>

#include "axvm.h"

/**
 * struct axvm_cell - what the driver knows of a cell
 * @list:   in axvm_state.cells.
 * @id:     the firmware's id.
 * @config: its validated config (kmalloc'ed; the firmware copied it).
 * @size:   bytes of @config.
 * @ring:   its console ring, mapped read-only (NULL until first read).
 * @loaded: an image went into its loadable memory since create (that
 *          memory starts zeroed: starting it unloaded would run zeros).
 */
struct axvm_cell {
	struct list_head list;
	u32 id;
	struct axvm_cell_config *config;
	u32 size;
	const struct axvm_console_ring *ring;
	bool loaded;
};

static bool has_loadable_memory(const struct axvm_cell_desc *desc)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(desc);
	unsigned int i;

	for (i = 0; i < desc->num_memory_regions; i++)
		if (mem[i].flags & AXVM_MEM_LOADABLE)
			return true;
	return false;
}

static const struct axvm_console_ring *hypervisor_ring;

static struct axvm_cell *find_cell(u32 id, const char *what)
{
	struct axvm_cell *cell;

	list_for_each_entry(cell, &axvm_state.cells, list)
		if (cell->id == id)
			return cell;
	pr_err("axvm: %s: no cell with id %u\n", what, id);
	return NULL;
}

static void cpus_back_online(const __u64 *cpus, unsigned int upto)
{
	unsigned int cpu;
	int err;

	for (cpu = 0; cpu < upto && cpu < nr_cpu_ids; cpu++) {
		if (!axvm_cpu_in_set(cpus, cpu))
			continue;
		err = add_cpu(cpu);
		if (err)
			pr_err("axvm: CPU %u did not come back online (error %d)\n",
			       cpu, err);
	}
}

static int take_cpus_offline(const char *name, const __u64 *cpus)
{
	unsigned int cpu;
	int err;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!axvm_cpu_in_set(cpus, cpu))
			continue;
		if (!cpu_online(cpu)) {
			pr_err("axvm: cell create \"%s\": cpus: CPU %u is not online in Linux\n",
			       name, cpu);
			err = -EBUSY;
			goto undo;
		}
		err = remove_cpu(cpu);
		if (err) {
			pr_err("axvm: cell create \"%s\": cpus: Linux could not take CPU %u offline (error %d)\n",
			       name, cpu, err);
			goto undo;
		}
	}
	return 0;
undo:
	cpus_back_online(cpus, cpu);
	return err;
}

long axvm_cmd_cell_create(const void __user *arg)
{
	struct axvm_report report = axvm_kernel_report("cell create: config");
	const struct axvm_cell_desc **descs = NULL;
	struct axvm_check_context ctx = { 0 };
	struct axvm_cell_config *config;
	struct axvm_cell *cell, *other;
	unsigned int n = 0;
	long id;
	u32 size;
	int err;

	config = axvm_copy_blob(arg, AXVM_CONFIG_MAX_SIZE, "cell create: config",
				&size);
	if (IS_ERR(config))
		return PTR_ERR(config);
	if (axvm_state.enabled) {
		descs = kcalloc(axvm_state.num_cells + 1, sizeof(*descs),
				GFP_KERNEL);
		if (!descs) {
			err = -ENOMEM;
			goto out_config;
		}
		list_for_each_entry(other, &axvm_state.cells, list)
			descs[n++] = &other->config->cell;
		ctx = (struct axvm_check_context){
			.system = axvm_state.system_config,
			.cells = descs, .num_cells = n,
		};
	}
	/* Against the system and every cell; alone while not enabled. */
	err = axvm_check_cell_config(config, size, axvm_arch_id, &ctx, &report);
	kfree(descs);
	if (err)
		goto out_config;
	if (!axvm_state.enabled) {
		err = axvm_not_enabled("cell create");
		goto out_config;
	}
	err = axvm_check_devices_free(&config->cell);
	if (!err)
		err = axvm_check_not_linux_ram(&config->cell);
	if (err)
		goto out_config;
	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell) {
		err = -ENOMEM;
		goto out_config;
	}
	err = take_cpus_offline(config->cell.name, config->cell.cpus);
	if (err)
		goto out_cell;
	id = axvm_hypervisor_call(AXVM_HC_CELL_CREATE, virt_to_phys(config),
				  size);
	if (id < 0) {
		pr_err("axvm: cell create \"%s\": the hypervisor refused it (error %ld; see axvm-ctl console)\n",
		       config->cell.name, id);
		cpus_back_online(config->cell.cpus, nr_cpu_ids);
		err = (int)id;
		goto out_cell;
	}
	cell->id = (u32)id;
	cell->config = config;
	cell->size = size;
	list_add_tail(&cell->list, &axvm_state.cells);
	axvm_state.num_cells++;
	pr_info("axvm: cell %ld \"%s\" created\n", id, config->cell.name);
	return id;

out_cell:
	kfree(cell);
out_config:
	kfree(config);
	return err;
}

/* The physical address of cell address @addr..+@size in a loadable region. */
static int loadable_phys(const struct axvm_cell_desc *desc, u64 addr,
			 u64 size, phys_addr_t *phys)
{
	const struct axvm_memory_region *mem = axvm_cell_memory_regions(desc);
	unsigned int i;

	for (i = 0; i < desc->num_memory_regions; i++) {
		if (!(mem[i].flags & AXVM_MEM_LOADABLE) ||
		    addr < mem[i].virt_start ||
		    addr - mem[i].virt_start + size > mem[i].size)
			continue;
		*phys = mem[i].phys_start + (addr - mem[i].virt_start);
		return 0;
	}
	return -EINVAL;
}

static int load_image(struct axvm_cell *cell, const struct axvm_image *img,
		      unsigned int i)
{
	phys_addr_t phys;
	void *dst;
	int err = 0;

	if (loadable_phys(&cell->config->cell, img->address, img->size, &phys)) {
		pr_err("axvm: cell load \"%s\": images[%u]: 0x%llx+0x%llx is not inside one loadable region of the cell\n",
		       cell->config->cell.name, i, img->address, img->size);
		return -EINVAL;
	}
	dst = memremap(phys, img->size, MEMREMAP_WB);
	if (!dst)
		return -ENOMEM;
	if (copy_from_user(dst, u64_to_user_ptr(img->source), img->size))
		err = -EFAULT;
	/* The cell starts with its MMU and caches off. */
	axvm_arch_flush(dst, img->size);
	memunmap(dst);
	return err;
}

static int check_image(const struct axvm_image *img, unsigned int i)
{
	if (img->reserved) {
		pr_err("axvm: cell load: images[%u].reserved is 0x%llx, must be 0\n",
		       i, img->reserved);
		return -EINVAL;
	}
	if (!img->size) {
		pr_err("axvm: cell load: images[%u].size is 0\n", i);
		return -EINVAL;
	}
	if (img->size > AXVM_IMAGE_MAX_SIZE) {
		pr_err("axvm: cell load: images[%u].size %llu exceeds the limit of %u bytes\n",
		       i, img->size, AXVM_IMAGE_MAX_SIZE);
		return -E2BIG;
	}
	if (img->address + img->size < img->address ||
	    img->source + img->size < img->source) {
		pr_err("axvm: cell load: images[%u]: address 0x%llx or source 0x%llx plus size 0x%llx overflows\n",
		       i, img->address, img->source, img->size);
		return -EINVAL;
	}
	return 0;
}

long axvm_cmd_cell_load(const void __user *arg)
{
	struct axvm_cell_load load;
	struct axvm_image *images;
	struct axvm_cell *cell;
	unsigned int i;
	long err = 0;

	if (copy_from_user(&load, arg, sizeof(load)))
		return -EFAULT;
	if (load.reserved || load.cell.reserved) {
		pr_err("axvm: cell load: reserved fields must be 0\n");
		return -EINVAL;
	}
	if (!load.num_images) {
		pr_err("axvm: cell load: num_images is 0\n");
		return -EINVAL;
	}
	if (load.num_images > AXVM_MAX_IMAGES) {
		pr_err("axvm: cell load: num_images %u exceeds the limit of %u\n",
		       load.num_images, AXVM_MAX_IMAGES);
		return -E2BIG;
	}
	images = memdup_user(u64_to_user_ptr(load.images),
			     load.num_images * sizeof(*images));
	if (IS_ERR(images))
		return PTR_ERR(images);
	for (i = 0; i < load.num_images && !err; i++)
		err = check_image(&images[i], i);
	if (err)
		goto out;
	if (!axvm_state.enabled) {
		err = axvm_not_enabled("cell load");
		goto out;
	}
	cell = find_cell(load.cell.id, "cell load");
	if (!cell) {
		err = -ENOENT;
		goto out;
	}
	/* Running cells cannot be loaded; stopped ones become loadable. */
	err = axvm_hypervisor_call(AXVM_HC_CELL_SET_LOADABLE, cell->id, 0);
	if (err) {
		pr_err("axvm: cell load \"%s\": the cell is running; shut it down first\n",
		       cell->config->cell.name);
		goto out;
	}
	cell->loaded = false;	/* a load that fails half way leaves half an image */
	for (i = 0; i < load.num_images && !err; i++)
		err = load_image(cell, &images[i], i);
	if (!err)
		cell->loaded = true;
out:
	kfree(images);
	return err;
}

/* The hypervisor gave up waiting for a CPU of @cell to stop. */
static void not_answering(const char *what, const struct axvm_cell *cell)
{
	pr_err("axvm: %s \"%s\": a CPU of the cell does not answer the hypervisor's stop request (the cell keeps its interrupt out, see axvm-ctl console); the cell keeps running as it is: try again\n",
	       what, cell->config->cell.name);
}

long axvm_cmd_cell_simple(const void __user *arg, unsigned int cmd)
{
	const char *what = cmd == AXVM_IOCTL_CELL_START ? "cell start" :
			   cmd == AXVM_IOCTL_CELL_SHUTDOWN ? "cell shutdown" :
			   "cell destroy";
	struct axvm_cell *cell;
	long err;
	u32 id;

	err = axvm_copy_cell_id(arg, what, &id);
	if (err)
		return err;
	if (!axvm_state.enabled)
		return axvm_not_enabled(what);
	cell = find_cell(id, what);
	if (!cell)
		return -ENOENT;
	switch (cmd) {
	case AXVM_IOCTL_CELL_START:
		if (!cell->loaded && has_loadable_memory(&cell->config->cell)) {
			pr_err("axvm: cell start \"%s\": nothing was loaded into it; load its image first: axvm-ctl cell load %s IMAGE\n",
			       cell->config->cell.name, cell->config->cell.name);
			return -ENOEXEC;
		}
		err = axvm_hypervisor_call(AXVM_HC_CELL_START, id, 0);
		if (err == -EBUSY)
			pr_err("axvm: cell start \"%s\": already running\n",
			       cell->config->cell.name);
		return err;
	case AXVM_IOCTL_CELL_SHUTDOWN:
		err = axvm_hypervisor_call(AXVM_HC_CELL_SHUTDOWN, id, 0);
		if (err == -ETIMEDOUT)
			not_answering(what, cell);
		return err;
	default:
		err = axvm_hypervisor_call(AXVM_HC_CELL_DESTROY, id, 0);
		if (err == -ETIMEDOUT) {
			not_answering(what, cell);
			return err;	/* its CPUs and memory stay the cell's */
		}
		if (err)
			pr_err("axvm: cell destroy \"%s\": error %ld\n",
			       cell->config->cell.name, err);
		if (cell->ring)
			memunmap((void *)cell->ring);
		list_del(&cell->list);
		axvm_state.num_cells--;
		cpus_back_online(cell->config->cell.cpus, nr_cpu_ids);
		pr_info("axvm: cell %u \"%s\" destroyed\n", id,
			cell->config->cell.name);
		kfree(cell->config);
		kfree(cell);
		return err;
	}
}

long axvm_cmd_cell_list(void __user *arg)
{
	struct axvm_cell_list list;
	struct axvm_cell_info info;
	struct axvm_cell_info __user *out;
	struct axvm_cell *cell;
	unsigned int n = 0;

	if (copy_from_user(&list, arg, sizeof(list)))
		return -EFAULT;
	if (list.max_entries > AXVM_MAX_LIST_ENTRIES) {
		pr_err("axvm: cell list: max_entries %u exceeds the limit of %u\n",
		       list.max_entries, AXVM_MAX_LIST_ENTRIES);
		return -E2BIG;
	}
	out = u64_to_user_ptr(list.cells);
	list_for_each_entry(cell, &axvm_state.cells, list) {
		if (n < list.max_entries) {
			memset(&info, 0, sizeof(info));
			info.id = cell->id;
			info.state = (u32)axvm_hypervisor_call(AXVM_HC_CELL_GET_STATE,
							       cell->id, 0);
			strscpy(info.name, cell->config->cell.name,
				sizeof(info.name));
			memcpy(info.cpus, cell->config->cell.cpus, sizeof(info.cpus));
			info.fail_syndrome = (u64)axvm_hypervisor_call(
				AXVM_HC_CELL_GET_INFO, cell->id,
				AXVM_CELL_INFO_FAIL_SYNDROME);
			info.fail_address = (u64)axvm_hypervisor_call(
				AXVM_HC_CELL_GET_INFO, cell->id,
				AXVM_CELL_INFO_FAIL_ADDRESS);
			if (copy_to_user(&out[n], &info, sizeof(info)))
				return -EFAULT;
		}
		n++;
	}
	list.num_cells = n;
	return copy_to_user(arg, &list, sizeof(list)) ? -EFAULT : 0;
}

static const struct axvm_console_ring *map_ring(u64 id)
{
	long phys = axvm_hypervisor_call(AXVM_HC_CONSOLE_RING, id, 0);

	if (phys <= 0)
		return NULL;
	return memremap(phys, sizeof(struct axvm_console_ring), MEMREMAP_WB);
}

void axvm_cells_disabled(void)
{
	if (hypervisor_ring)
		memunmap((void *)hypervisor_ring);
	hypervisor_ring = NULL;
}

long axvm_cmd_console_read(void __user *arg)
{
	struct axvm_console_read req;
	const struct axvm_console_ring *ring;
	u64 written, oldest, pos, n, i;
	char *buf;
	long ret;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (req.reserved) {
		pr_err("axvm: console: reserved is 0x%llx, must be 0\n",
		       req.reserved);
		return -EINVAL;
	}
	if (!req.size || req.size > AXVM_CONSOLE_READ_MAX) {
		pr_err("axvm: console: size %u, expected 1 to %u\n", req.size,
		       AXVM_CONSOLE_READ_MAX);
		return req.size ? -E2BIG : -EINVAL;
	}
	if (!axvm_state.enabled)
		return axvm_not_enabled("console");
	if (req.cell == AXVM_CONSOLE_OF_HYPERVISOR) {
		if (!hypervisor_ring)
			hypervisor_ring = map_ring(req.cell);
		ring = hypervisor_ring;
	} else {
		struct axvm_cell *cell = find_cell(req.cell, "console");

		if (!cell)
			return -ENOENT;
		if (!cell->ring)
			cell->ring = map_ring(cell->id);
		ring = cell->ring;
	}
	if (!ring)
		return -EIO;

	written = READ_ONCE(ring->written);
	smp_rmb();
	oldest = written > AXVM_CONSOLE_RING_DATA ?
		 written - AXVM_CONSOLE_RING_DATA : 0;
	pos = max(req.position, oldest);
	n = min_t(u64, written - min(pos, written), req.size);
	buf = kmalloc(n ? n : 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		buf[i] = ring->data[(pos + i) % AXVM_CONSOLE_RING_DATA];
	/* Whatever the writer overtook meanwhile is not to be trusted. */
	smp_rmb();
	written = READ_ONCE(ring->written);
	if (written > AXVM_CONSOLE_RING_DATA &&
	    pos < written - AXVM_CONSOLE_RING_DATA) {
		u64 lost = written - AXVM_CONSOLE_RING_DATA - pos;

		lost = min(lost, n);
		memmove(buf, buf + lost, n - lost);
		n -= lost;
		pos += lost;
	}
	ret = copy_to_user(u64_to_user_ptr(req.buffer), buf, n) ? -EFAULT : (long)n;
	kfree(buf);
	if (ret < 0)
		return ret;
	req.position = pos + n;
	if (copy_to_user(arg, &req, sizeof(req)))
		return -EFAULT;
	return ret;
}
