/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of the firmware image, linked at 0 as a position independent
 * executable (asm/layout.h), the same on every architecture: the
 * architecture's <asm/layout.h> names it (AXVM_LDS_ARCH), its entry symbol
 * (AXVM_LDS_ENTRY) and the entry's alignment (AXVM_ENTRY_ALIGN: arm64's
 * bootstrap vectors need 2 KiB). Run through cpp so that it shares its
 * constants with the C code.
 *
 * The header comes first, then the entry. Read-only and read-write parts
 * start on their own pages. The relocations stay in the image: the entry
 * applies them at whatever address the driver loaded the image to.
 */
#include <asm/layout.h>

OUTPUT_ARCH(AXVM_LDS_ARCH)
ENTRY(AXVM_LDS_ENTRY)

SECTIONS
{
	. = AXVM_LINK_ADDRESS;
	__image_start = .;

	.header : { KEEP(*(.header)) }

	. = ALIGN(AXVM_ENTRY_ALIGN);
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
		*(.sdata .sdata.*)
		/* Never empty, so that the flat binary reaches __image_end. */
		LONG(0x4d565841)
	}
	.dynamic : { *(.dynamic) }
	. = ALIGN(8);
	__image_end = .;

	. = ALIGN(AXVM_PAGE_SIZE);
	.bss (NOLOAD) : {
		/* Page-aligned parts (riscv64's boot page table) first. */
		*(.bss.boot)
		*(.bss .bss.*)
		*(.sbss .sbss.*)
		*(COMMON)
	}
	. = ALIGN(AXVM_PAGE_SIZE);
	__memory_end = .;

	__image_size = __image_end - __image_start;
	__memory_size = __memory_end - __image_start;
	__entry_offset = __entry_start - __image_start;

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) *(.interp) }
}
