// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: a management hypercall (destroy the root cell, with an
 * absurd argument too). Only the root cell may manage cells: the cell must
 * be stopped in state "failed".
 */
#include <axvm/hypercall.h>
#include <inmate.h>

void inmate_main(void)
{
	long ret;

	printk("probe: AXVM_HC_CELL_DESTROY(0) from a cell\n");
	ret = hypercall(AXVM_HC_CELL_DESTROY, 0, ~0ul);
	printk("probe: the hypercall returned %ld\n", ret);
	printk("Test result: FAILURE\n");
}
