/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of the arm64 firmware image, linked at 0 as a position
 * independent executable (asm/layout.h). Run through cpp so that it shares
 * its constants with the C code.
 *
 * The header comes first, then the entry vectors (2 KiB aligned, as
 * VBAR_EL2 requires). Read-only and read-write parts start on their own
 * pages. The relocations stay in the image: bootstrap_entry applies them
 * at whatever address the driver loaded the image to.
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
	.rela.dyn : {
		__rela_start = .;
		*(.rela .rela.*)
		__rela_end = .;
	}
	.dynsym : { *(.dynsym) }
	.dynstr : { *(.dynstr) }
	.hash : { *(.hash) }
	.gnu.hash : { *(.gnu.hash) }

	. = ALIGN(AXVM_PAGE_SIZE);
	.data : {
		*(.data .data.*)
		*(.got .got.*)
		/* Never empty, so that the flat binary reaches __image_end. */
		LONG(0x4d565841)
	}
	.dynamic : { *(.dynamic) }
	. = ALIGN(8);
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
