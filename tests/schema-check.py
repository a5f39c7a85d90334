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

rtos = json.load(open(os.path.join(top, "configs", "qemu-arm64", "rtos.json")))
root = json.load(open(os.path.join(top, "configs", "qemu-arm64", "root.json")))


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
}
for name, doc in bad.items():
    report(not validator.is_valid(doc), "rejects " + name)
sys.exit(status)
