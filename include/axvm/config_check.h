/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The one validator of binary configs, compiled into axvm-ctl, the driver
 * and the firmware (each from its own one-line wrapper that includes
 * config_check.c). Plain C, no library calls.
 *
 * Messages name the field with the same path the JSON uses, e.g.
 * "root_cell.memory[2]: size is 0", so that the tool can show them against
 * the file a person wrote.
 */
#ifndef _AXVM_CONFIG_CHECK_H
#define _AXVM_CONFIG_CHECK_H

#include <axvm/config.h>
#include <axvm/report.h>

/**
 * struct axvm_check_context - what a cell config is checked against
 * @system:    a system config that passed axvm_check_system_config(), or
 *             NULL to check a cell on its own (the rules that need the
 *             machine are then skipped).
 * @cells:     the cells that exist, each a desc followed by its arrays,
 *             each having passed axvm_check_cell_config().
 * @num_cells: entries in @cells.
 */
struct axvm_check_context {
	const struct axvm_system_config *system;
	const struct axvm_cell_desc *const *cells;
	unsigned int num_cells;
};

/**
 * axvm_check_system_config() - check a system config blob
 * @blob:   the bytes, already copied out of reach of whoever wrote them.
 * @size:   their number.
 * @arch:   the AXVM_ARCH_* the config must be for.
 * @report: receives one message per problem.
 *
 * Return: 0, or the negative errno of the first problem: -E2BIG for a blob
 * over AXVM_CONFIG_MAX_SIZE, -EINVAL for anything else malformed.
 */
int axvm_check_system_config(const void *blob, __u64 size, __u32 arch,
			     struct axvm_report *report);

/**
 * axvm_check_cell_config() - check a cell config blob
 * @blob:    the bytes, already copied.
 * @size:    their number.
 * @arch:    the AXVM_ARCH_* the config must be for; a @context with a
 *           system replaces it with the system's.
 * @context: the system and the cells that exist; NULL or a context with
 *           a NULL system checks the blob alone.
 * @report:  receives one message per problem.
 *
 * Return: 0, or the negative errno of the first problem: -E2BIG, -EINVAL
 * for a malformed blob or one that does not fit the machine, -EEXIST for
 * a name in use, -EBUSY for CPUs, memory or interrupts another cell owns
 * or for the root's last CPU.
 */
int axvm_check_cell_config(const void *blob, __u64 size, __u32 arch,
			   const struct axvm_check_context *context,
			   struct axvm_report *report);

#endif /* _AXVM_CONFIG_CHECK_H */
