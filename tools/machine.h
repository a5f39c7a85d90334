/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running machine as axvm sees it (machine.c): RAM, Linux's part of
 * it, reservations, the GICv3, the console and the device regions.
 */
#ifndef AXVM_CTL_MACHINE_H
#define AXVM_CTL_MACHINE_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "ranges.h"

#define PAGE		0x1000ull

/*
 * @gic:       the GICv3 node; @gicd, @gicr(+@gicr_size), @its its frames;
 *             @gicr_regions how many redistributor regions it has.
 * @console:   base of the PL011 that /chosen/stdout-path names, or 0;
 *             @console_node is that node whatever it is.
 * @dt_ram:    the device tree's memory nodes.
 * @linux_ram: "System RAM" in /proc/iomem.
 * @reserved, @axvm_reserved: reserved-memory nodes, others' and axvm's.
 * @devices:   every other memory-mapped region and PCI window.
 */
struct machine {
	char gic[PATH_MAX];
	uint64_t gicd, gicr, gicr_size, its;
	unsigned int gicr_regions;
	unsigned int maintenance, cpus;
	uint64_t console;	/* PL011 base, 0: none */
	char console_node[PATH_MAX];
	struct range_list dt_ram, linux_ram, reserved, axvm_reserved, devices;
};

struct arch_ops;

/*
 * The architecture of the machine whose files axvm-ctl reads (arch.h): the
 * kernel's (uname) on the machine itself, the device tree's CPUs' for a
 * copy of another one's (sysroot) or a kernel of no architecture axvm has;
 * NULL if neither says.
 */
const struct arch_ops *machine_arch(void);

/*
 * Fills @m as far as the machine allows; 0, or -1 when something is
 * missing or unreadable (said on stderr if @report).
 */
int machine_survey(struct machine *m, bool report);
/* RAM that is neither Linux's nor reserved by others, whole pages. */
int machine_free_ram(const struct machine *m, struct range_list *free_ram);
void machine_release(struct machine *m);

#endif /* AXVM_CTL_MACHINE_H */
