// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl config check / config show: the whole config pipeline without
 * the device, for writing configs on any machine.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axvm/config_check.h>

#include "axvm-ctl.h"
#include "config.h"

static void describe(const char *name, const struct config_blob *blob)
{
	const struct axvm_cell_desc *cell;
	unsigned int cpus = 0;
	__u64 bytes = 0;

	if (blob->is_system)
		cell = &((const struct axvm_system_config *)blob->data)->root_cell;
	else
		cell = &((const struct axvm_cell_config *)blob->data)->cell;
	for (unsigned int c = 0; c < AXVM_MAX_CPUS_ABI; c++)
		cpus += (unsigned int)axvm_cpu_in_set(cell->cpus, c);
	for (unsigned int i = 0; i < cell->num_memory_regions; i++)
		if (!(axvm_cell_memory_regions(cell)[i].flags & AXVM_MEM_IO))
			bytes += axvm_cell_memory_regions(cell)[i].size;
	printf("%s: ok: %s \"%s\", %u CPU%s, %llu MiB of memory, %u interrupt range%s\n",
	       name, blob->is_system ? "system config, root cell" : "cell",
	       cell->name, cpus,
	       cpus == 1 ? "" : "s", (unsigned long long)(bytes >> 20),
	       cell->num_irq_ranges, cell->num_irq_ranges == 1 ? "" : "s");
}

/*
 * Cells are checked against the system (from --system or an earlier
 * argument) and against the cells before them, as if created in order.
 */
static int run_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "system", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct config_blob system = { 0 }, *blobs;
	const struct axvm_cell_desc **cells;
	struct axvm_check_context ctx = { 0 };
	int opt, status = EXIT_OK;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "s:", opts, NULL)) != -1) {
		if (opt != 's')
			return usage_error(&verb_config_check, "unknown option");
		if (config_load(optarg, &system) ||
		    config_check_blob(optarg, &system, NULL))
			return EXIT_INVALID;
		if (!system.is_system) {
			error("%s: --system needs a system config, this is a cell config",
			      optarg);
			return EXIT_USAGE;
		}
		ctx.system = system.data;
	}
	if (optind >= argc)
		return usage_error(&verb_config_check, "no file given");

	blobs = calloc((size_t)argc, sizeof(*blobs));
	cells = calloc((size_t)argc, sizeof(*cells));
	if (!blobs || !cells) {
		error("out of memory");
		return EXIT_FAILED;
	}
	ctx.cells = cells;
	for (int i = optind; i < argc; i++) {
		struct config_blob *b = &blobs[i];

		if (config_load(argv[i], b)) {
			status = EXIT_INVALID;
			continue;
		}
		if (b->is_system && ctx.system && ctx.system != system.data) {
			error("%s: a second system config; check one machine at a time",
			      argv[i]);
			status = EXIT_USAGE;
			continue;
		}
		if (config_check_blob(argv[i], b, &ctx)) {
			status = EXIT_INVALID;
			continue;
		}
		describe(argv[i], b);
		if (b->is_system && !ctx.system)
			ctx.system = b->data;
		else if (!b->is_system)
			cells[ctx.num_cells++] =
				&((const struct axvm_cell_config *)b->data)->cell;
	}
	for (int i = 0; i < argc; i++)
		free(blobs[i].data);
	free(blobs);
	free(cells);
	free(system.data);
	return status;
}

static int run_show(int argc, char **argv)
{
	struct config_blob blob;
	int status;

	if (argc != 2)
		return usage_error(&verb_config_show, "expected one config file");
	if (config_load(argv[1], &blob))
		return EXIT_INVALID;
	status = config_check_blob(argv[1], &blob, NULL) ? EXIT_INVALID : EXIT_OK;
	if (status == EXIT_OK)
		config_print_json(stdout, &blob);
	free(blob.data);
	return status;
}

const struct verb verb_config_check = {
	.name = "config check",
	.args = "[--system SYSTEM.json] CONFIG.json...",
	.summary = "check configs without touching the machine",
	.help = "Converts each JSON config and runs the validator the driver and\n"
		"the firmware run. Cells are checked against the system config\n"
		"(given with --system or earlier on the command line) and against\n"
		"the cells before them, as if created in that order. Exit status:\n"
		"0 all valid, 3 a config is invalid, 2 usage error.\n",
	.run = run_check,
};

const struct verb verb_config_show = {
	.name = "config show",
	.args = "CONFIG.json",
	.summary = "print a config with every default filled in",
	.help = "Prints the config as the hypervisor will see it: defaults filled\n"
		"in, addresses in hex, sizes with K/M/G suffixes. The output is\n"
		"itself a valid config.\n",
	.run = run_show,
};

static int run_compile(int argc, char **argv)
{
	struct config_blob blob;
	const char *out = NULL, *in = NULL;
	FILE *f;
	int status = EXIT_OK;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!in && argv[i][0] != '-')
			in = argv[i];
		else
			return usage_error(&verb_config_compile,
					   "unexpected argument \"%s\"", argv[i]);
	}
	if (!in || !out)
		return usage_error(&verb_config_compile,
				   "expected a config and -o OUTPUT");
	if (config_load(in, &blob))
		return EXIT_INVALID;
	if (config_check_blob(in, &blob, NULL)) {
		free(blob.data);
		return EXIT_INVALID;
	}
	f = fopen(out, "wb");
	if (!f || fwrite(blob.data, 1, blob.size, f) != blob.size) {
		error("%s: cannot write: %s", out, strerror(errno));
		status = EXIT_FAILED;
	}
	if (f && fclose(f) && status == EXIT_OK) {
		error("%s: cannot write: %s", out, strerror(errno));
		status = EXIT_FAILED;
	}
	free(blob.data);
	return status;
}

const struct verb verb_config_compile = {
	.name = "config compile",
	.args = "CONFIG.json -o OUTPUT",
	.summary = "write a config's binary form (as the driver receives it)",
	.help = "Converts and checks CONFIG.json and writes the binary blob of\n"
		"include/axvm/config.h to OUTPUT: for tests, other tools, and\n"
		"looking at what the driver is handed.\n",
	.run = run_compile,
};
