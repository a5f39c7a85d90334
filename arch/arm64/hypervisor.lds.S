/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of the arm64 firmware image. Run through cpp so that it shares its
 * constants with the C code (asm/layout.h).
 *
 * The header comes first, then the entry vectors (2 KiB aligned, as
 * VBAR_EL2 requires). Read-only and read-write parts start on their own
 * pages so that the firmware can map them with different permissions.
 */
#include <asm/layout.h>

OUTPUT_ARCH(aarch64)
ENTRY(bootstrap_vectors)

SECTIONS
{
	. = AXVM_LINK_ADDRESS;
	__image_start = .;

	.header : { KEEP(*(.header)) }

	. = ALIGN(2048);
	.text : {
		__entry_start = .;
		KEEP(*(.text.entry))
		*(.text .text.*)
	}

	. = ALIGN(AXVM_PAGE_SIZE);
	.rodata : { *(.rodata .rodata.*) }

	. = ALIGN(AXVM_PAGE_SIZE);
	.data : {
		*(.data .data.*)
		/* Never empty, so that the flat binary reaches __image_end. */
		LONG(0x4d565841)
	}
	__image_end = .;

	. = ALIGN(AXVM_PAGE_SIZE);
	.bss (NOLOAD) : {
		*(.bss .bss.*)
		*(COMMON)
	}
	. = ALIGN(AXVM_PAGE_SIZE);
	__memory_end = .;

	__image_size = __image_end - __image_start;
	__memory_size = __memory_end - __image_start;
	__entry_offset = __entry_start - __image_start;

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) *(.interp) }
}
