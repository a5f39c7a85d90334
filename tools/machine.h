/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running machine as axvm sees it (machine.c): RAM, Linux's part of
 * it, reservations, the interrupt controller and the console as its
 * architecture reads them (arch.h), and the device regions. A machine
 * describes itself with a device tree (arm64, riscv64) or with ACPI tables
 * and its firmware's memory map (x86_64: arch.h's @acpi):
 *
 *             device tree                      ACPI
 *   ram       memory nodes                     /sys/firmware/memmap's
 *                                              "System RAM" (not cut by mem=)
 *   reserved  reserved-memory nodes            the memory map's and
 *                                              /proc/iomem's other types
 *   devices   every other node's "reg",        /proc/iomem's other
 *             PCI windows                      top-level lines
 *   console   /chosen/stdout-path              console= on the command line
 */
#ifndef AXVM_CTL_MACHINE_H
#define AXVM_CTL_MACHINE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <axvm/config.h>

#include "ranges.h"

#define PAGE		0x1000ull

struct arch_ops;

/*
 * @arch:          its architecture; machine_survey() needs it set.
 * @irqchip:       the interrupt controller's node (on an ACPI machine its
 *                 table's file), "" if none was found.
 * @platform:      the CPUs and what the architecture read of its
 *                 interrupt controller, as a system config has them.
 * @debug_console: the console the hypervisor can use, as the architecture
 *                 chose it (type none: none); @console_node is the node
 *                 /chosen/stdout-path names, whatever it is (on an ACPI
 *                 machine the device of console=, e.g. "ttyS0").
 * @ram:           all the RAM the machine has, Linux's or not.
 * @linux_ram:     "System RAM" in /proc/iomem.
 * @reserved, @axvm_reserved: reserved memory, others' (the root keeps it)
 *                 and axvm's (a reserved-memory node named axvm*).
 * @firmware:      memory of the platform's firmware that nobody else may
 *                 touch (e.g. OpenSBI's, or RAM the firmware calls
 *                 unusable): neither the root's nor free.
 * @devices:       every other memory-mapped region and PCI window.
 */
struct machine {
	const struct arch_ops *arch;
	char irqchip[PATH_MAX];
	struct axvm_platform platform;
	struct axvm_console debug_console;
	char console_node[PATH_MAX];
	struct range_list ram, linux_ram, reserved, axvm_reserved, firmware,
		devices;
};

/* What an architecture's visit() makes of a device tree node. */
enum machine_node {
	NODE_COMMON,	/* not the architecture's: sorted as any node */
	NODE_SKIP,	/* the architecture's; no device, nor its children */
	NODE_DESCEND,	/* the architecture's; its children are sorted */
};

/*
 * The architecture of the machine whose files axvm-ctl reads (arch.h): the
 * kernel's (uname) on the machine itself, the device tree's CPUs' for a
 * copy of another one's (sysroot) or a kernel of no architecture axvm has;
 * NULL if neither says.
 */
const struct arch_ops *machine_arch(void);
struct verb;
/*
 * The architecture --arch @name gives (NULL: the machine's); NULL after a
 * usage message for @verb when there is none.
 */
const struct arch_ops *machine_arch_or_usage(const char *name,
					     const struct verb *verb);

/*
 * Fills @m as far as the machine allows; 0, or -1 when something is
 * missing or unreadable (said on stderr if @report).
 */
int machine_survey(struct machine *m, bool report);
/* For the architectures' survey(): says it on stderr if @report; 1. */
int machine_problem(bool report, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Adds every memory-mapped reg entry of @node to @list. */
void machine_add_regs(const char *node, struct range_list *list);
/*
 * The first line of the machine's file @path (below the sysroot), without
 * its newline; false if it cannot be read.
 */
bool machine_read_line(const char *path, char *buf, size_t size);
/* The number in the machine's file @path (decimal, or hex with 0x). */
bool machine_read_number(const char *path, uint64_t *value);
/* RAM that is neither Linux's nor reserved by others, whole pages. */
int machine_free_ram(const struct machine *m, struct range_list *free_ram);
void machine_release(struct machine *m);

#endif /* AXVM_CTL_MACHINE_H */
