/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmates link where a cell sees the start of its image, which is where
 * QEMU virt's firmware starts a payload on the bare machine: the same image
 * runs in both places. inmates.mk gives the architecture's name for the
 * linker (INMATE_LDS_ARCH) and the address (INMATE_LINK_ADDRESS: arm64
 * 0x40000000, the start of RAM; riscv64 0x80200000, 2 MiB into it, after
 * OpenSBI; x86_64 1 MiB, above the real-mode area). __image_end is where
 * the loaded image ends (x86_64's multiboot header names it).
 */
OUTPUT_ARCH(INMATE_LDS_ARCH)
ENTRY(_start)

SECTIONS
{
	. = INMATE_LINK_ADDRESS;
	.text : {
		KEEP(*(.text.start))
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) *(.srodata .srodata.*) }
	.data : { *(.data .data.*) *(.sdata .sdata.*) }
	__image_end = .;
	. = ALIGN(16);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss .bss.*)
		*(.sbss .sbss.*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	. = ALIGN(16);
	. = . + 0x4000;
	__stack_top = .;
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
