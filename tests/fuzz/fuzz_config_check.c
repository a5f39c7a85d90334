// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: arbitrary bytes as a binary config, as the driver and
 * the firmware receive them from user space. The first byte chooses the
 * architecture (arm64, riscv64 or x86_64) and the check: a system config, a cell
 * alone, or a cell against the reference system (on arm64 with one cell
 * existing). The validator must never read outside
 * the blob, loop, or accept a blob whose counts disagree with its size.
 */
#include <stdlib.h>
#include <string.h>

#include <axvm/arch.h>
#include <axvm/config_check.h>

#include "config.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct config_blob system, riscv_system, x86_system, rtos;
	struct axvm_report report = { .message = quiet };
	const struct axvm_cell_desc *cells[1];
	struct axvm_check_context ctx = { 0 };
	unsigned char mode;
	__u32 arch;
	void *blob;
	int err;

	if (!system.data &&
	    (config_from_json(reference_system, strlen(reference_system),
			      &system, &report) ||
	     config_from_json(riscv_system_json, strlen(riscv_system_json),
			      &riscv_system, &report) ||
	     config_from_json(x86_system_json, strlen(x86_system_json),
			      &x86_system, &report) ||
	     config_from_json(reference_cell, strlen(reference_cell), &rtos,
			      &report)))
		abort();
	if (size < 1)
		return 0;
	arch = data[0] % 9 < 3 ? AXVM_ARCH_ARM64 :
	       data[0] % 9 < 6 ? AXVM_ARCH_RISCV64 : AXVM_ARCH_X86_64;
	mode = data[0] % 3;
	size--;
	/* The driver's and the firmware's copies are aligned; so is this. */
	blob = malloc(size ? size : 1);
	if (!blob)
		abort();
	memcpy(blob, data + 1, size);

	if (mode == 0) {
		err = axvm_check_system_config(blob, size, arch, &report);
	} else {
		if (mode == 2 && arch == AXVM_ARCH_ARM64) {
			cells[0] = &((struct axvm_cell_config *)rtos.data)->cell;
			ctx.system = system.data;
			ctx.cells = cells;
			ctx.num_cells = 1;
		} else if (mode == 2) {
			ctx.system = arch == AXVM_ARCH_RISCV64 ?
				     riscv_system.data : x86_system.data;
		}
		err = axvm_check_cell_config(blob, size, arch, &ctx, &report);
	}
	if (!err) {
		const struct axvm_config_header *h = blob;

		if (size < sizeof(*h) || h->total_size != size)
			abort();	/* accepted a blob of the wrong size */
	}
	free(blob);
	return 0;
}
