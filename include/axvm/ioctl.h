/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The /dev/axvm ioctl interface.
 *
 * Every argument is a fixed-layout struct of __u32/__u64 fields; user
 * pointers travel as __u64. Reserved fields must be zero (-EINVAL otherwise)
 * so that they can gain a meaning later. A new behaviour gets a new command
 * number, never a new layout behind an old one. Every command requires
 * CAP_SYS_ADMIN (-EPERM); an unknown command gets -ENOTTY.
 */
#ifndef _AXVM_IOCTL_H
#define _AXVM_IOCTL_H

#include <axvm/config.h>
#include <axvm/types.h>
#if !defined(AXVM_FREESTANDING)
#include <linux/ioctl.h>
#endif

/* Our own ioctl type; the kernel's ioctl-number.rst lists no user of 0xA8. */
#define AXVM_IOCTL_TYPE		0xA8

/**
 * struct axvm_blob - a buffer handed to the driver
 * @address:  user-space address of the first byte.
 * @size:     number of bytes; at most the command's limit.
 * @reserved: must be zero.
 */
struct axvm_blob {
	__u64 address;
	__u32 size;
	__u32 reserved;
};
_Static_assert(sizeof(struct axvm_blob) == 16, "struct axvm_blob");

/**
 * struct axvm_cell_id - names a cell in a command
 * @id:       the cell's id, as CELL_CREATE returned and CELL_LIST lists.
 * @reserved: must be zero.
 */
struct axvm_cell_id {
	__u32 id;
	__u32 reserved;
};
_Static_assert(sizeof(struct axvm_cell_id) == 8, "struct axvm_cell_id");

/* Images per CELL_LOAD, and the largest image. */
#define AXVM_MAX_IMAGES		16
#define AXVM_IMAGE_MAX_SIZE	(256u << 20)

/**
 * struct axvm_image - one image to copy into a cell's memory
 * @source:   user-space address of the image's bytes.
 * @size:     bytes; 1 to AXVM_IMAGE_MAX_SIZE.
 * @address:  guest-physical address in the cell where the image goes; the
 *            whole image must fall into one loadable region.
 * @reserved: must be zero.
 */
struct axvm_image {
	__u64 source;
	__u64 size;
	__u64 address;
	__u64 reserved;
};
_Static_assert(sizeof(struct axvm_image) == 32, "struct axvm_image");

/**
 * struct axvm_cell_load - CELL_LOAD's argument
 * @cell:       the cell; it must be created and not running.
 * @num_images: entries at @images; 1 to AXVM_MAX_IMAGES.
 * @reserved:   must be zero.
 * @images:     user-space address of struct axvm_image[@num_images].
 */
struct axvm_cell_load {
	struct axvm_cell_id cell;
	__u32 num_images;
	__u32 reserved;
	__u64 images;
};
_Static_assert(sizeof(struct axvm_cell_load) == 24, "struct axvm_cell_load");

/**
 * struct axvm_info - INFO's answer
 * @abi_revision:   AXVM_ABI_REVISION of the driver.
 * @enabled:        1 while the hypervisor runs.
 * @num_cells:      cells that exist, the root cell not counted.
 * @num_cpus:       CPUs the machine has.
 * @memory_total:   bytes of hypervisor memory (0 while disabled).
 * @memory_used:    bytes of it in use.
 * @version:        the driver's version, NUL-terminated.
 * @reserved:       zero.
 */
struct axvm_info {
	__u32 abi_revision;
	__u32 enabled;
	__u32 num_cells;
	__u32 num_cpus;
	__u64 memory_total;
	__u64 memory_used;
	char version[32];
	__u64 reserved[4];
};
_Static_assert(sizeof(struct axvm_info) == 96, "struct axvm_info");

/**
 * struct axvm_cell_info - one entry of CELL_LIST's answer
 * @id:       the cell's id.
 * @state:    AXVM_CELL_STATE_*.
 * @name:     NUL-terminated.
 * @cpus:     the CPUs it owns (bitmap as in struct axvm_cell_desc).
 * @fail_syndrome, @fail_address: for a cell in AXVM_CELL_STATE_FAILED,
 *            what stopped it (the exception syndrome, ESR on arm64, and the
 *            faulting address); zero otherwise.
 */
struct axvm_cell_info {
	__u32 id;
	__u32 state;
	char name[AXVM_CELL_NAME_SIZE];
	__u64 cpus[AXVM_CPU_SET_WORDS];
	__u64 fail_syndrome;
	__u64 fail_address;
};
_Static_assert(sizeof(struct axvm_cell_info) == 88, "struct axvm_cell_info");

/* The largest CELL_LIST buffer, in entries. */
#define AXVM_MAX_LIST_ENTRIES	256

/**
 * struct axvm_cell_list - CELL_LIST's argument
 * @cells:       user-space address of struct axvm_cell_info[@max_entries].
 * @max_entries: room at @cells; at most AXVM_MAX_LIST_ENTRIES.
 * @num_cells:   out: how many cells exist (may exceed @max_entries; only
 *               that many are written).
 */
struct axvm_cell_list {
	__u64 cells;
	__u32 max_entries;
	__u32 num_cells;
};
_Static_assert(sizeof(struct axvm_cell_list) == 16, "struct axvm_cell_list");

/* CONSOLE_READ of the hypervisor's own console instead of a cell's. */
#define AXVM_CONSOLE_OF_HYPERVISOR	0xffffffffu
/* The largest single CONSOLE_READ. */
#define AXVM_CONSOLE_READ_MAX		65536

/**
 * struct axvm_console_read - CONSOLE_READ's argument
 * @cell:     the cell id, or AXVM_CONSOLE_OF_HYPERVISOR.
 * @size:     bytes of room at @buffer; 1 to AXVM_CONSOLE_READ_MAX.
 * @buffer:   user-space address the text goes to.
 * @position: in: where to read from in the console's stream (0 is the
 *            oldest text still held); out: where the next read starts.
 * @reserved: must be zero.
 *
 * The ioctl returns the number of bytes written to @buffer.
 */
struct axvm_console_read {
	__u32 cell;
	__u32 size;
	__u64 buffer;
	__u64 position;
	__u64 reserved;
};
_Static_assert(sizeof(struct axvm_console_read) == 32,
	       "struct axvm_console_read");

/*
 * The commands. Those that need the hypervisor answer -ENODEV while it is
 * not enabled; those naming a cell answer -ENOENT for an unknown id.
 */
/* Load the firmware, hand it the system config, enter it on every CPU. */
#define AXVM_IOCTL_ENABLE	_IOW(AXVM_IOCTL_TYPE, 0x00, struct axvm_blob)
/* Leave the firmware on every CPU. -EBUSY while cells exist. */
#define AXVM_IOCTL_DISABLE	_IO(AXVM_IOCTL_TYPE, 0x01)
/* Create a cell from a cell config; returns the new cell's id. */
#define AXVM_IOCTL_CELL_CREATE	_IOW(AXVM_IOCTL_TYPE, 0x02, struct axvm_blob)
/* Copy images into a created cell's loadable memory. */
#define AXVM_IOCTL_CELL_LOAD	_IOW(AXVM_IOCTL_TYPE, 0x03, struct axvm_cell_load)
/* Start a loaded cell at its entry. */
#define AXVM_IOCTL_CELL_START	_IOW(AXVM_IOCTL_TYPE, 0x04, struct axvm_cell_id)
/* Stop a cell's CPUs; it can be loaded and started again. */
#define AXVM_IOCTL_CELL_SHUTDOWN _IOW(AXVM_IOCTL_TYPE, 0x05, struct axvm_cell_id)
/* Destroy a cell: CPUs, memory and interrupts go back to the root. */
#define AXVM_IOCTL_CELL_DESTROY	_IOW(AXVM_IOCTL_TYPE, 0x06, struct axvm_cell_id)
/* The hypervisor's state. */
#define AXVM_IOCTL_INFO		_IOR(AXVM_IOCTL_TYPE, 0x07, struct axvm_info)
/* The cells that exist. */
#define AXVM_IOCTL_CELL_LIST	_IOWR(AXVM_IOCTL_TYPE, 0x08, struct axvm_cell_list)
/* Read a cell's (or the hypervisor's) console. */
#define AXVM_IOCTL_CONSOLE_READ	_IOWR(AXVM_IOCTL_TYPE, 0x09, struct axvm_console_read)

#endif /* _AXVM_IOCTL_H */
