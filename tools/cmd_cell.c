// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl cell ...: the life cycle of cells.
 */
#include <stdio.h>

#include <axvm/ioctl.h>

#include "axvm-ctl.h"

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

const struct verb verb_cell_create = {
	.name = "cell create",
	.args = "CELL-CONFIG",
	.summary = "carve a cell out of the root cell",
	.help = "Checks CELL-CONFIG (JSON, see docs/config.md) and creates the\n"
		"cell: its CPUs leave Linux, its memory and interrupts become its\n"
		"own. Prints the new cell's id.\n",
	.run = run_create,
};
