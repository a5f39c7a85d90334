#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""dtb-to-sysfs.py DTB DIR: unpack a flattened device tree into DIR the way
Linux shows it under /sys/firmware/devicetree/base (a directory per node, a
file per property holding its raw bytes), so that `axvm-ctl config create
--sysroot` can be tested on the host with a real machine's tree."""
import os
import struct
import sys

FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9


def unpack(blob, out):
    magic, _, off_struct, off_strings = struct.unpack_from(">IIII", blob, 0)
    if magic != 0xD00DFEED:
        sys.exit("dtb-to-sysfs: not a flattened device tree")
    pos, path = off_struct, []
    while True:
        (token,) = struct.unpack_from(">I", blob, pos)
        pos += 4
        if token == FDT_BEGIN_NODE:
            end = blob.index(b"\0", pos)
            name = blob[pos:end].decode()
            pos = (end + 4) & ~3
            path.append(name)
            os.makedirs(os.path.join(out, *path[1:]), exist_ok=True)
        elif token == FDT_END_NODE:
            path.pop()
        elif token == FDT_PROP:
            length, name_off = struct.unpack_from(">II", blob, pos)
            pos += 8
            name = blob[off_strings + name_off:blob.index(b"\0", off_strings + name_off)]
            with open(os.path.join(out, *path[1:], name.decode()), "wb") as f:
                f.write(blob[pos:pos + length])
            pos = (pos + length + 3) & ~3
        elif token == FDT_NOP:
            continue
        elif token == FDT_END:
            return
        else:
            sys.exit("dtb-to-sysfs: bad token %d" % token)


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        unpack(f.read(), sys.argv[2])
