#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""apply-relocs.py ELF BIN: write each R_*_RELATIVE relocation's link-time
value (its addend: the image is linked at 0) into the flat image BIN.

The firmware is a position-independent executable that relocates itself at
run time, but the driver reads its header (sizes, entry offset) before
that. aarch64's ld writes those values into the sections anyway; riscv64's
(binutils 2.40) leaves zeros there for RELA relocations, even against
absolute symbols. After this step every image holds what it would hold
loaded at address 0, on every architecture.
"""
import struct
import sys

RELATIVE = {1027, 3, 8}	# aarch64, riscv, x86_64


def sections(elf):
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', elf, 0x3a)
    for i in range(shnum):
        yield struct.unpack_from('<IIQQQQIIQQ', elf, shoff + i * shentsize)


def main(elf_path, bin_path):
    elf = open(elf_path, 'rb').read()
    if elf[:4] != b'\x7fELF' or elf[4] != 2 or elf[5] != 1:
        sys.exit(f'{elf_path}: not a little-endian 64-bit ELF file')
    image = bytearray(open(bin_path, 'rb').read())
    for _, sh_type, _, _, off, size, _, _, _, entsize in sections(elf):
        if sh_type != 4:	# SHT_RELA
            continue
        for at in range(off, off + size, entsize):
            r_offset, r_info, r_addend = struct.unpack_from('<QQq', elf, at)
            if r_info & 0xffffffff == 0:	# R_*_NONE: nothing
                continue
            if r_info & 0xffffffff not in RELATIVE:
                sys.exit(f'{elf_path}: relocation type {r_info & 0xffffffff} '
                         f'at 0x{r_offset:x} is not a relative one')
            if r_offset + 8 <= len(image):
                struct.pack_into('<q', image, r_offset, r_addend)
    open(bin_path, 'wb').write(image)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: apply-relocs.py ELF BIN')
    main(sys.argv[1], sys.argv[2])
