// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl cell ... and console: the life cycle of cells. Cells are named
 * by name or by id everywhere.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <axvm/cell.h>
#include <axvm/ioctl.h>

#include "arch.h"
#include "axvm-ctl.h"
#include "machine.h"

#define MAX_LIST 64

/* The cells that exist; returns how many (at most MAX_LIST), -1 on error. */
static int list_cells(int fd, struct axvm_cell_info *cells)
{
	struct axvm_cell_list list = {
		.cells = (uintptr_t)cells, .max_entries = MAX_LIST,
	};

	if (device_ioctl(fd, AXVM_IOCTL_CELL_LIST, &list, "cell list") < 0)
		return -1;
	return list.num_cells < MAX_LIST ? (int)list.num_cells : MAX_LIST;
}

/* A cell's id from its name or id; -1 after a message. */
static long resolve_cell(int fd, const char *what)
{
	struct axvm_cell_info cells[MAX_LIST];
	int n = list_cells(fd, cells);
	char *end;
	unsigned long id = strtoul(what, &end, 10);

	for (int i = 0; i < n; i++) {
		if (!strcmp(cells[i].name, what) ||
		    (*what && !*end && cells[i].id == id))
			return cells[i].id;
	}
	if (n >= 0)
		error("no cell named \"%s\" (axvm-ctl cell list shows the cells)",
		      what);
	return -1;
}

static int open_and_resolve(const char *name, long *id)
{
	int fd = device_open();

	if (fd < 0)
		return -1;
	*id = resolve_cell(fd, name);
	if (*id < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int run_create(int argc, char **argv)
{
	int id = -1, status;

	if (argc != 2)
		return usage_error(&verb_cell_create, "expected one cell config");
	status = send_config(argv[1], false, AXVM_IOCTL_CELL_CREATE,
			     "cell create", &id);
	if (status == EXIT_OK)
		printf("created cell %d from %s\n", id, argv[1]);
	return status;
}

/*
 * IMAGE[@ADDR]: without an address, the image goes where the machine's
 * architecture links its inmates.
 */
static int load_images(int fd, long id, int count, char **specs)
{
	struct axvm_image images[AXVM_MAX_IMAGES];
	void *data[AXVM_MAX_IMAGES] = { 0 };
	struct axvm_cell_load load = { .cell.id = (__u32)id };
	const struct arch_ops *arch = machine_arch();
	int status = EXIT_OK, i;

	if (count > AXVM_MAX_IMAGES) {
		error("cell load: at most %d images", AXVM_MAX_IMAGES);
		return EXIT_USAGE;
	}
	memset(images, 0, sizeof(images));
	for (i = 0; i < count; i++) {
		char *at = strrchr(specs[i], '@');
		size_t size;

		if (!at && !arch) {
			error("%s: give IMAGE@ADDRESS: axvm-ctl does not know this machine's architecture",
			      specs[i]);
			status = EXIT_USAGE;
			goto out;
		}
		images[i].address = arch ? arch->image_address : 0;
		if (at) {
			char *end;

			*at = '\0';
			errno = 0;
			images[i].address = strtoull(at + 1, &end, 0);
			if (errno || *end || end == at + 1) {
				error("%s: \"%s\" is not an address", specs[i], at + 1);
				status = EXIT_USAGE;
				goto out;
			}
		}
		data[i] = read_file(specs[i], AXVM_IMAGE_MAX_SIZE, &size);
		if (!data[i]) {
			status = EXIT_INVALID;
			goto out;
		}
		images[i].source = (uintptr_t)data[i];
		images[i].size = size;
	}
	load.num_images = (__u32)count;
	load.images = (uintptr_t)images;
	if (device_ioctl(fd, AXVM_IOCTL_CELL_LOAD, &load, "cell load") < 0)
		status = EXIT_FAILED;
out:
	for (i = 0; i < count; i++)
		free(data[i]);
	return status;
}

static int run_load(int argc, char **argv)
{
	long id;
	int fd, status;

	if (argc < 3)
		return usage_error(&verb_cell_load, "expected a cell and at least one image");
	fd = open_and_resolve(argv[1], &id);
	if (fd < 0)
		return EXIT_FAILED;
	status = load_images(fd, id, argc - 2, argv + 2);
	close(fd);
	return status;
}

static int simple(const struct verb *verb, unsigned long cmd, int argc,
		  char **argv)
{
	struct axvm_cell_id cell = { 0 };
	long id;
	int fd, ret;

	if (argc != 2)
		return usage_error(verb, "expected one cell (name or id)");
	fd = open_and_resolve(argv[1], &id);
	if (fd < 0)
		return EXIT_FAILED;
	cell.id = (__u32)id;
	ret = device_ioctl(fd, cmd, &cell, verb->name);
	close(fd);
	return ret < 0 ? EXIT_FAILED : EXIT_OK;
}

static int run_start(int argc, char **argv)
{
	return simple(&verb_cell_start, AXVM_IOCTL_CELL_START, argc, argv);
}

static int run_shutdown(int argc, char **argv)
{
	return simple(&verb_cell_shutdown, AXVM_IOCTL_CELL_SHUTDOWN, argc, argv);
}

static int run_destroy(int argc, char **argv)
{
	return simple(&verb_cell_destroy, AXVM_IOCTL_CELL_DESTROY, argc, argv);
}

static void cpu_list(const __u64 *set, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int c = 0; c < AXVM_MAX_CPUS_ABI && len < size; c++)
		if (axvm_cpu_in_set(set, c))
			len += (size_t)snprintf(buf + len, size - len, "%s%u",
						len ? "," : "", c);
}

static int run_list(int argc, char **argv)
{
	struct axvm_cell_info cells[MAX_LIST];
	bool json = argc == 2 && !strcmp(argv[1], "--json");
	char cpus[128];
	int fd, n;

	if (argc > 2 || (argc == 2 && !json))
		return usage_error(&verb_cell_list, "only --json is allowed");
	fd = device_open();
	if (fd < 0)
		return EXIT_FAILED;
	n = list_cells(fd, cells);
	close(fd);
	if (n < 0)
		return EXIT_FAILED;
	if (json)
		printf("[");
	else
		printf("%-4s %-24s %-10s %s\n", "id", "name", "state", "cpus");
	for (int i = 0; i < n; i++) {
		cpu_list(cells[i].cpus, cpus, sizeof(cpus));
		if (json) {
			printf("%s{\"id\": %u, \"name\": \"%s\", \"state\": \"%s\", \"cpus\": [%s]",
			       i ? ", " : "", cells[i].id, cells[i].name,
			       axvm_cell_state_name(cells[i].state), cpus);
			if (cells[i].state == AXVM_CELL_STATE_FAILED)
				printf(", \"fail_syndrome\": %llu, \"fail_address\": %llu",
				       (unsigned long long)cells[i].fail_syndrome,
				       (unsigned long long)cells[i].fail_address);
			printf("}");
			continue;
		}
		printf("%-4u %-24s %-10s %s", cells[i].id, cells[i].name,
		       axvm_cell_state_name(cells[i].state), cpus);
		if (cells[i].state == AXVM_CELL_STATE_FAILED)
			printf("  (syndrome 0x%llx at 0x%llx)",
			       (unsigned long long)cells[i].fail_syndrome,
			       (unsigned long long)cells[i].fail_address);
		printf("\n");
	}
	if (json)
		printf("]\n");
	return EXIT_OK;
}

/* Exits of the cell's CPUs since enable, by reason, from sysfs. */
static int run_stats(int argc, char **argv)
{
	struct axvm_cell_info cells[MAX_LIST];
	const struct axvm_cell_info *cell = NULL;
	unsigned long long total[MAX_EXIT_NAMES] = { 0 };
	unsigned long long exits[MAX_EXIT_NAMES];
	long id;
	int fd, n;

	if (argc != 2)
		return usage_error(&verb_cell_stats, "expected one cell (name or id)");
	fd = open_and_resolve(argv[1], &id);
	if (fd < 0)
		return EXIT_FAILED;
	n = list_cells(fd, cells);
	close(fd);
	for (int i = 0; i < n; i++)
		if (cells[i].id == (__u32)id)
			cell = &cells[i];
	if (!cell)
		return EXIT_FAILED;
	printf("cell %u \"%s\" (%s): exits since enable\n", cell->id,
	       cell->name, axvm_cell_state_name(cell->state));
	print_exits_header();
	for (unsigned int c = 0; c < AXVM_MAX_CPUS_ABI; c++) {
		char label[8];

		if (!axvm_cpu_in_set(cell->cpus, c) || read_cpu_exits(c, exits))
			continue;
		for (unsigned int r = 0; r < num_exit_names(); r++)
			total[r] += exits[r];
		snprintf(label, sizeof(label), "%u", c);
		print_exits_row(label, exits);
	}
	print_exits_row("all", total);
	return EXIT_OK;
}

/* Print a console from the start of what it holds; -f: keep following. */
static int run_console(int argc, char **argv)
{
	struct axvm_console_read req = { .cell = AXVM_CONSOLE_OF_HYPERVISOR };
	bool follow = false;
	const char *name = NULL;
	char buf[4096];
	long id;
	int fd;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-f") || !strcmp(argv[i], "--follow"))
			follow = true;
		else if (argv[i][0] == '-')
			return usage_error(&verb_console, "unknown option \"%s\"", argv[i]);
		else if (!name)
			name = argv[i];
		else
			return usage_error(&verb_console, "unexpected \"%s\"", argv[i]);
	}
	if (name) {
		fd = open_and_resolve(name, &id);
		req.cell = (__u32)id;
	} else {
		fd = device_open();
	}
	if (fd < 0)
		return EXIT_FAILED;
	req.buffer = (uintptr_t)buf;
	req.size = sizeof(buf);
	for (;;) {
		int n = device_ioctl(fd, AXVM_IOCTL_CONSOLE_READ, &req, "console");

		if (n < 0) {
			close(fd);
			return EXIT_FAILED;
		}
		if (n > 0) {
			fwrite(buf, 1, (size_t)n, stdout);
			fflush(stdout);
			continue;
		}
		if (!follow)
			break;
		usleep(100000);
	}
	close(fd);
	return EXIT_OK;
}

static int run_run(int argc, char **argv)
{
	int id = -1, status, fd;

	if (argc < 3)
		return usage_error(&verb_cell_run, "expected a cell config and images");
	status = send_config(argv[1], false, AXVM_IOCTL_CELL_CREATE,
			     "cell create", &id);
	if (status != EXIT_OK)
		return status;
	fd = device_open();
	if (fd < 0)
		return EXIT_FAILED;
	status = load_images(fd, id, argc - 2, argv + 2);
	if (status == EXIT_OK) {
		struct axvm_cell_id cell = { .id = (__u32)id };

		if (device_ioctl(fd, AXVM_IOCTL_CELL_START, &cell, "cell start") < 0)
			status = EXIT_FAILED;
	}
	if (status != EXIT_OK) {
		/* Nothing half-made stays behind: the CPUs and memory go back. */
		struct axvm_cell_id cell = { .id = (__u32)id };

		if (device_ioctl(fd, AXVM_IOCTL_CELL_DESTROY, &cell, "cell destroy") == 0)
			fprintf(stderr, "%s: cell %d destroyed again\n", progname, id);
	}
	close(fd);
	if (status == EXIT_OK)
		printf("cell %d from %s is running\n", id, argv[1]);
	return status;
}

const struct verb verb_cell_create = {
	.name = "cell create", .args = "CELL-CONFIG",
	.summary = "carve a cell out of the root cell",
	.help = "Checks CELL-CONFIG (JSON, see docs/config.md) against the system\n"
		"and the other cells and creates the cell: its CPUs leave Linux, its\n"
		"memory and interrupts become its own. Prints the new cell's id.\n",
	.run = run_create,
};
const struct verb verb_cell_load = {
	.name = "cell load", .args = "CELL IMAGE[@ADDRESS]...",
	.summary = "copy images into a cell's loadable memory",
	.help = "Each IMAGE goes to ADDRESS in the cell's guest-physical memory\n"
		"(default: where this architecture's inmates are linked, the start of\n"
		"RAM on QEMU virt), which must lie in one loadable region. A running\n"
		"cell must be shut down first.\n",
	.run = run_load,
};
const struct verb verb_cell_start = {
	.name = "cell start", .args = "CELL",
	.summary = "start a loaded cell at its entry",
	.help = "The cell's first CPU starts at the config's entry address.\n",
	.run = run_start,
};
const struct verb verb_cell_shutdown = {
	.name = "cell shutdown", .args = "CELL",
	.summary = "stop a cell's CPUs (it can be loaded and started again)",
	.help = "Every CPU of the cell stops; memory and CPUs stay the cell's.\n",
	.run = run_shutdown,
};
const struct verb verb_cell_destroy = {
	.name = "cell destroy", .args = "CELL",
	.summary = "destroy a cell; its CPUs and memory return to Linux",
	.help = "Works in every state, failed included.\n",
	.run = run_destroy,
};
const struct verb verb_cell_list = {
	.name = "cell list", .args = "[--json]",
	.summary = "list the cells: id, name, state, CPUs",
	.help = "A failed cell also shows what stopped it (syndrome, address).\n",
	.run = run_list,
};
const struct verb verb_cell_stats = {
	.name = "cell stats", .args = "CELL",
	.summary = "a cell's exits to the hypervisor, by CPU and reason",
	.help = "Counts since the hypervisor was enabled (a CPU's counts include\n"
		"its time in the root cell before the cell was created).\n",
	.run = run_stats,
};
const struct verb verb_cell_run = {
	.name = "cell run", .args = "CELL-CONFIG IMAGE[@ADDRESS]...",
	.summary = "create, load and start a cell in one step",
	.help = "cell create, cell load and cell start in one.\n",
	.run = run_run,
};
const struct verb verb_console = {
	.name = "console", .args = "[CELL] [-f]",
	.summary = "print a cell's console (or the hypervisor's)",
	.help = "Prints what the cell wrote through its console hypercall, or\n"
		"without CELL the hypervisor's own messages. -f keeps following.\n",
	.run = run_console,
};
