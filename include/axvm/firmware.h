/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Layout of the firmware image (axvm-<arch>.bin) as the driver loads it.
 *
 * The image is a flat binary whose first bytes are struct
 * axvm_firmware_header. The driver checks the header with
 * axvm_firmware_check() before it copies a single byte into hypervisor memory.
 */
#ifndef _AXVM_FIRMWARE_H
#define _AXVM_FIRMWARE_H

#include <axvm/types.h>

/* "AXVM-FW" followed by a NUL: eight bytes, compared with memcmp. */
#define AXVM_FIRMWARE_MAGIC		"AXVM-FW"
#define AXVM_FIRMWARE_MAGIC_SIZE	8
#define AXVM_FIRMWARE_VERSION_SIZE	32
/* The largest image a driver accepts: far above what we ship (< 64 KiB). */
#define AXVM_FIRMWARE_MAX_SIZE		(16u << 20)

/**
 * struct axvm_firmware_header - the first bytes of every firmware image
 * @magic:        AXVM_FIRMWARE_MAGIC, NUL-padded to 8 bytes.
 * @abi_revision: AXVM_ABI_REVISION the image was built against.
 * @arch:         AXVM_ARCH_* the image runs on.
 * @image_size:   bytes of the image file: code and initialised data.
 * @memory_size:  bytes the image needs in hypervisor memory once loaded
 *                (image plus zero-initialised data); >= @image_size.
 * @entry_offset: offset from the image start of the architecture's entry
 *                (on arm64: the bootstrap exception vectors, 2 KiB aligned).
 * @link_address: virtual address the image is linked at in the
 *                hypervisor's own address space (0: position independent,
 *                runs wherever it is loaded).
 * @max_cpus:     how many CPUs the image has per-CPU space for.
 * @header_size:  sizeof(struct axvm_firmware_header) as built.
 * @version:      NUL-terminated version string, e.g. "0.1.0-3-gabcdef0".
 * @config_offset: where in hypervisor memory the driver puts the system
 *                config before entering; page aligned, >= @memory_size.
 * @reserved:     must be zero.
 */
struct axvm_firmware_header {
	__u8 magic[AXVM_FIRMWARE_MAGIC_SIZE];
	__u32 abi_revision;
	__u32 arch;
	__u64 image_size;
	__u64 memory_size;
	__u64 entry_offset;
	__u64 link_address;
	__u32 max_cpus;
	__u32 header_size;
	char version[AXVM_FIRMWARE_VERSION_SIZE];
	__u64 config_offset;
	__u64 reserved[4];
};

_Static_assert(sizeof(struct axvm_firmware_header) == 128,
	       "firmware header layout changed: bump AXVM_ABI_REVISION");

#endif /* _AXVM_FIRMWARE_H */
