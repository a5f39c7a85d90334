// SPDX-License-Identifier: GPL-2.0
/*
 * The platform's facts from the installed binary configs (configs.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axvm_util.h"
#include "configs.h"

#define MAX_CELL_CONFIGS	16

void *config_read(const char *name, size_t *size)
{
	char path[256];
	size_t len = 0;
	void *data;

	snprintf(path, sizeof(path), CONFIGS "%s.bin", name);
	data = read_whole_file(path, size ? size : &len);
	if (!data)
		fprintf(stderr, "# cannot read %s\n", path);
	return data;
}

/* The blob's magic is @magic and its size covers what it says it holds. */
static int blob_is(const void *data, size_t size, const char *magic)
{
	const struct axvm_config_header *h = data;

	return data && size >= sizeof(*h) && h->total_size <= size &&
	       !memcmp(h->magic, magic, AXVM_CONFIG_MAGIC_SIZE);
}

const struct axvm_system_config *system_config(void)
{
	static struct axvm_system_config *sys;
	size_t size = 0;

	if (!sys) {
		sys = config_read("root", &size);
		if (sys && !blob_is(sys, size, AXVM_SYSTEM_MAGIC)) {
			free(sys);
			sys = NULL;
		}
	}
	return sys;
}

const struct axvm_cell_desc *cell_config(const char *name)
{
	static struct {
		char name[64];
		struct axvm_cell_config *cfg;
	} cache[MAX_CELL_CONFIGS];
	static unsigned int used;
	struct axvm_cell_config *cfg;
	size_t size = 0;

	for (unsigned int i = 0; i < used; i++)
		if (!strcmp(cache[i].name, name))
			return &cache[i].cfg->cell;
	cfg = config_read(name, &size);
	if (!blob_is(cfg, size, AXVM_CELL_MAGIC)) {
		free(cfg);
		return NULL;
	}
	if (used < MAX_CELL_CONFIGS) {
		snprintf(cache[used].name, sizeof(cache[used].name), "%s", name);
		cache[used++].cfg = cfg;
	}
	return &cfg->cell;
}

__u64 hypervisor_phys(void)
{
	const struct axvm_system_config *sys = system_config();

	return sys ? sys->system.hypervisor_phys : 0;
}

/* The first region of @cell with every flag of @flags, or NULL. */
static const struct axvm_memory_region *region_with(const struct axvm_cell_desc *cell,
						    __u32 flags)
{
	const struct axvm_memory_region *r;

	if (!cell)
		return NULL;
	r = axvm_cell_memory_regions(cell);
	for (__u32 i = 0; i < cell->num_memory_regions; i++)
		if ((r[i].flags & flags) == flags)
			return &r[i];
	return NULL;
}

__u64 linux_ram(void)
{
	const struct axvm_system_config *sys = system_config();
	const struct axvm_memory_region *r =
		region_with(sys ? &sys->root_cell : NULL, AXVM_MEM_EXECUTE);

	return r ? r->phys_start : 0;
}

__u64 cell_region(const char *name, __u32 flags, __u64 *size)
{
	const struct axvm_memory_region *r = region_with(cell_config(name), flags);

	if (size)
		*size = r ? r->size : 0;
	return r ? r->phys_start : 0;
}

__u32 cell_irq(const char *name)
{
	const struct axvm_cell_desc *cell = cell_config(name);

	return cell && cell->num_irq_ranges ? axvm_cell_irq_ranges(cell)[0].first : 0;
}
