/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface between the files of the axvm driver.
 */
#ifndef _AXVM_DRIVER_H
#define _AXVM_DRIVER_H

#include <linux/firmware.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <axvm/report.h>

#ifdef CONFIG_ARM64
#include "arm64.h"
#endif
#ifdef CONFIG_RISCV
#include "riscv64.h"
#endif
#ifdef CONFIG_X86_64
#include "x86_64.h"
#endif

struct irq_data;
struct axvm_platform;

#ifndef AXVM_VERSION
#define AXVM_VERSION "unknown"
#endif

/**
 * struct axvm_symbol - a kernel symbol the driver needs but Linux does not
 * export
 * @name:    the symbol's name in kallsyms.
 * @why:     what it is needed for, for the error message.
 * @address: filled in by axvm_resolve_symbols().
 */
struct axvm_symbol {
	const char *name;
	const char *why;
	unsigned long address;
};

/* symbols.c */
int axvm_resolve_symbols(struct axvm_symbol *symbols, unsigned int count);

/**
 * struct axvm_hv_layout - where the firmware was put, for entering it
 * @phys:        start of hypervisor memory.
 * @mem:         Linux's mapping of it.
 * @entry:       physical address of the firmware's entry.
 * @config_size: bytes of the system config at header.config_offset.
 */
struct axvm_hv_layout {
	u64 phys;
	void *mem;
	u64 entry;
	u32 config_size;
};

/* Pages the firmware needs beyond image, per-CPU areas and config. */
#define AXVM_HV_MIN_POOL (64 * PAGE_SIZE)

/* arm64.c, riscv64.c, x86_64.c: the architecture's part */
extern struct axvm_symbol axvm_arch_symbols[];
extern const unsigned int axvm_arch_symbol_count;
extern const u32 axvm_arch_id;
/*
 * Before the first CPU enters (process context): what the architecture
 * needs to enter @layout's firmware of @size bytes; and its undoing, after
 * the last CPU left.
 */
int axvm_arch_prepare(const struct axvm_hv_layout *layout, u64 size);
void axvm_arch_release(void);
/* Each runs on the CPU it is about to move, interrupts off. */
long axvm_arch_enter_cpu(unsigned int cpu, const struct axvm_hv_layout *layout);
long axvm_arch_leave_cpu(unsigned int cpu, const struct axvm_hv_layout *layout);
long axvm_arch_hypercall(u64 code, u64 arg1, u64 arg2);
void axvm_arch_flush(void *addr, size_t size);
/* The bench's probes (counter ticks, instructions retired): arm64_bench.c, riscv64.c */
u64 axvm_arch_ticks(void);
int axvm_arch_count_instructions(void (*fn)(void), u32 *counts, unsigned int n);

/*
 * modules.c: while enabled, the modules named in the arch's
 * axvm_arch_conflicting_modules (NULL-terminated) may not load.
 */
extern const char *const axvm_arch_conflicting_modules[];
int axvm_modules_guard(void);
void axvm_modules_unguard(void);

/* hypervisor.c */
struct axvm_system_config;
int axvm_hypervisor_enable(const struct axvm_system_config *cfg,
			   u32 config_size, const struct firmware *fw);
void axvm_hypervisor_disable(void);
long axvm_hypervisor_call(u64 code, u64 arg1, u64 arg2);

/* firmware.c */
#define AXVM_FIRMWARE_NAME_MAX 32
const char *axvm_firmware_name(void);
void axvm_firmware_set_device(struct device *dev);
int axvm_firmware_load(const struct firmware **fw);

/* report.c: a reporter whose messages read "axvm: @what: ..." */
struct axvm_report axvm_kernel_report(const char *what);

/* uapi.c: copying arguments in, once */
void *axvm_copy_blob(const void __user *arg, u32 max_size, const char *what,
		     u32 *size);
int axvm_copy_cell_id(const void __user *arg, const char *what, u32 *id);

/* control.c: the commands, called with axvm_state.lock held */
long axvm_cmd_enable(const void __user *arg);
long axvm_cmd_disable(void);
long axvm_cmd_cell_create(const void __user *arg);
long axvm_cmd_cell_load(const void __user *arg);
long axvm_cmd_cell_simple(const void __user *arg, unsigned int cmd);
long axvm_cmd_info(void __user *arg);
long axvm_cmd_cell_list(void __user *arg);
long axvm_cmd_console_read(void __user *arg);

/* sysfs.c */
int axvm_sysfs_init(void);
struct device *axvm_sysfs_device(void);
void axvm_sysfs_exit(void);

/**
 * struct axvm_state - what the driver knows about the hypervisor
 * @lock:             serialises every command and every sysfs read that
 *                    asks the firmware; taken interruptibly.
 * @enabled:          the firmware runs under Linux.
 * @firmware_version: the running firmware's version string.
 * @system_config:    the enabled system config (cells are checked
 *                    against it).
 * @cells:            the cells that exist (struct axvm_cell).
 * @num_cells:        how many.
 */
struct axvm_state {
	struct mutex lock;
	bool enabled;
	char firmware_version[32];
	struct axvm_system_config *system_config;
	struct list_head cells;
	unsigned int num_cells;
};

/* control.c */
int axvm_not_enabled(const char *what);

/* cells.c */
void axvm_cells_disabled(void);

/* bench.c: debugfs figures for make bench */
void axvm_bench_init(void);
void axvm_bench_exit(void);

/* devices.c */
struct axvm_cell_desc;
int axvm_check_devices_free(const struct axvm_cell_desc *cell);
/* machine.c: configs against the machine (device tree, System RAM). */
int axvm_check_machine(const struct axvm_system_config *cfg);
int axvm_check_not_linux_ram(const struct axvm_cell_desc *cell);
/*
 * Does the machine have memory at [@start, @start + @size), whether Linux
 * uses it or not (mem=)? machine_of.c (the device tree's memory nodes,
 * where the three are one), x86_64_machine.c (the e820 map, which also
 * describes firmware memory that is no RAM to write to).
 */
enum axvm_ram_query {
	AXVM_RAM_ALL_USABLE,	/* all of it RAM to put the hypervisor in */
	AXVM_RAM_ALL,		/* all of it memory (a root's non-io region) */
	AXVM_RAM_ANY,		/* any of it (what an io region must not be) */
};
bool axvm_arch_machine_ram(u64 start, u64 size, enum axvm_ram_query query);
/* Where the machine's RAM is described, for messages. */
extern const char axvm_arch_ram_source[];
/* The architecture's interrupt controller against the device tree. */
int axvm_arch_check_platform(const struct axvm_platform *p);
/*
 * Devices of the machine no cell may ever map, not even the root (riscv64:
 * M-mode's CLINT), against the root's regions (cells take theirs from the
 * root's).
 */
int axvm_arch_check_root_regions(const struct axvm_cell_desc *root);
/* The shared interrupt @irq of Linux, as the config numbers it, or -1. */
int axvm_arch_irq_line(struct irq_data *d);

extern struct axvm_state axvm_state;

#endif /* _AXVM_DRIVER_H */
