#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""The JSON Schema for editors (docs/config.schema.json) agrees with
axvm-ctl: every shipped config passes it, and configs axvm-ctl rejects for
their form fail it too. Prints check.sh lines."""
import copy
import glob
import json
import os
import sys

import jsonschema

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = json.load(open(os.path.join(top, "docs", "config.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
status = 0


def report(ok, name, detail=""):
    global status
    print(("ok" if ok else "not ok") + " - schema/" + name)
    if not ok:
        status = 1
        for line in detail.splitlines():
            print("# " + line)


configs = sorted(glob.glob(os.path.join(top, "configs", "*", "*.json")))
for path in configs:
    errors = list(validator.iter_errors(json.load(open(path))))
    report(not errors, "accepts " + os.path.relpath(path, top),
           "\n".join(e.message for e in errors))



def shipped(platform, name):
    return json.load(open(os.path.join(top, "configs", platform, name + ".json")))


rtos = shipped("qemu-arm64", "rtos")
root = shipped("qemu-arm64", "root")
rv_rtos = shipped("qemu-riscv64", "rtos")
rv_root = shipped("qemu-riscv64", "root")
x86_rtos = shipped("qemu-x86_64", "rtos")
x86_root = shipped("qemu-x86_64", "root")


def broken(base, change):
    doc = copy.deepcopy(base)
    change(doc)
    return doc


bad = {
    "unknown_flag": broken(rtos, lambda d: d["memory"][0]["flags"].append("wirte")),
    "unknown_key": broken(rtos, lambda d: d.update(memroy=[])),
    "bad_size": broken(rtos, lambda d: d["memory"][0].update(size="16Q")),
    "bad_name": broken(rtos, lambda d: d.update(name="rt os")),
    "bad_console": broken(rtos, lambda d: d.update(console="serial")),
    "missing_cpus": broken(rtos, lambda d: d.pop("cpus")),
    "root_with_entry": broken(root, lambda d: d["root_cell"].update(entry=0)),
    "gic_typo": broken(root, lambda d: d["platform"]["gic"].update(distributer=0)),
    "arm64_sbi_console": broken(root, lambda d: d.update(debug_console="sbi")),
    "arm64_with_plic": broken(root, lambda d: d["platform"].update(plic=rv_root["platform"]["plic"])),
    "riscv64_with_gic": broken(rv_root, lambda d: d["platform"].update(gic=root["platform"]["gic"])),
    "riscv64_gic_only": broken(rv_root, lambda d: d.update(platform=root["platform"])),
    "riscv64_no_timebase": broken(rv_root, lambda d: d["platform"].pop("timebase_frequency")),
    "riscv64_plic_typo": broken(rv_root, lambda d: d["platform"]["plic"].update(source=96)),
    "riscv64_pl011_debug_console": broken(rv_root, lambda d: d.update(
        debug_console={"type": "pl011", "address": "0x10000000"})),
    "riscv64_pl011_cell_console": broken(rv_rtos, lambda d: d.update(console="pl011")),
    "riscv64_sbi_cell_console": broken(rv_rtos, lambda d: d.update(console={"type": "sbi"})),
    "riscv64_8250_debug_console": broken(rv_root, lambda d: d.update(debug_console="8250-pio")),
    "arm64_8250_debug_console": broken(root, lambda d: d.update(
        debug_console={"type": "8250-pio", "address": "0x3f8"})),
    "x86_64_with_gic": broken(x86_root, lambda d: d["platform"].update(gic=root["platform"]["gic"])),
    "x86_64_gic_only": broken(x86_root, lambda d: d.update(platform=root["platform"])),
    "x86_64_no_ioapic": broken(x86_root, lambda d: d["platform"].pop("ioapic")),
    "x86_64_ioapic_typo": broken(x86_root, lambda d: d["platform"]["ioapic"].update(pin=24)),
    "x86_64_lapic_without_base": broken(x86_root, lambda d: d["platform"].update(lapic={})),
    "x86_64_with_timebase": broken(x86_root, lambda d: d["platform"].update(timebase_frequency=1)),
    "x86_64_pl011_debug_console": broken(x86_root, lambda d: d.update(
        debug_console={"type": "pl011", "address": "0x3f8"})),
    "x86_64_8250_cell_console": broken(x86_rtos, lambda d: d.update(
        console={"type": "8250-pio", "address": "0x2f8"})),
    "x86_64_sbi_cell_console": broken(x86_rtos, lambda d: d.update(console="sbi")),
}
for name, doc in bad.items():
    report(not validator.is_valid(doc), "rejects " + name)
sys.exit(status)
