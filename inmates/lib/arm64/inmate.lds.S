/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmates are linked at the start of a cell's RAM, which a cell sees at the
 * same guest-physical address QEMU virt gives RAM (0x40000000). The same
 * image thus runs inside a cell and on the bare platform.
 */
OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
	. = 0x40000000;
	.text : {
		KEEP(*(.text.start))
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
	.data : { *(.data .data.*) }
	. = ALIGN(16);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	. = ALIGN(16);
	. = . + 0x4000;
	__stack_top = .;
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
