/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Cell states, as the firmware keeps them and CELL_LIST reports them.
 *
 *   CREATED --load--> CREATED --start--> RUNNING --shutdown--> SHUT_DOWN
 *      ^                                    |                     |
 *      |                                    +--fault--> FAILED    |
 *      +--------------- load (again) -----------------------------+
 * destroy is allowed from every state.
 */
#ifndef _AXVM_CELL_H
#define _AXVM_CELL_H

#define AXVM_CELL_STATE_CREATED		1	/* CPUs parked, loadable */
#define AXVM_CELL_STATE_RUNNING		2
#define AXVM_CELL_STATE_SHUT_DOWN	3
#define AXVM_CELL_STATE_FAILED		4	/* stopped by a fault */

/** axvm_cell_state_name() - "created", "running", ... or "unknown". */
static inline const char *axvm_cell_state_name(unsigned int state)
{
	switch (state) {
	case AXVM_CELL_STATE_CREATED:
		return "created";
	case AXVM_CELL_STATE_RUNNING:
		return "running";
	case AXVM_CELL_STATE_SHUT_DOWN:
		return "shut-down";
	case AXVM_CELL_STATE_FAILED:
		return "failed";
	default:
		return "unknown";
	}
}

#endif /* _AXVM_CELL_H */
