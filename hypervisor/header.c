// SPDX-License-Identifier: GPL-2.0
/*
 * The image header: the first bytes of axvm-<arch>.bin, checked by the
 * driver before it loads the image (include/axvm/firmware.h).
 */
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/firmware.h>

#include <asm/layout.h>

/* Defined by the linker script; their addresses are the values. */
extern const char __image_size[], __memory_size[], __entry_offset[];

/* The driver writes the system config right after the per-CPU areas. */
#define CONFIG_OFFSET_EXPR \
	((unsigned long)__memory_size + AXVM_MAX_CPUS * AXVM_PERCPU_SIZE)

const struct axvm_firmware_header firmware_header
	__attribute__((section(".header"), used)) = {
	.magic = AXVM_FIRMWARE_MAGIC,
	.abi_revision = AXVM_ABI_REVISION,
	.arch = AXVM_ARCH_NATIVE,
	.image_size = (unsigned long)__image_size,
	.memory_size = (unsigned long)__memory_size,
	.entry_offset = (unsigned long)__entry_offset,
	.link_address = AXVM_LINK_ADDRESS,
	.max_cpus = AXVM_MAX_CPUS,
	.header_size = sizeof(struct axvm_firmware_header),
	.version = AXVM_VERSION,
	.config_offset = CONFIG_OFFSET_EXPR,
};
