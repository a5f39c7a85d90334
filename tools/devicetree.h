/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running machine's flattened device tree as Linux shows it under
 * /sys/firmware/devicetree/base: a directory per node, a file per property
 * (big-endian cells). Nodes are named by their path, e.g. "/intc@8000000".
 */
#ifndef AXVM_CTL_DEVICETREE_H
#define AXVM_CTL_DEVICETREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where files are read from: "" (the machine) or a copy of its files. */
extern const char *sysroot;

/* The tree's base directory with the sysroot applied. */
const char *dt_base(void);
/* Reads property @prop of @node; its length, or -1 if it is absent. */
int dt_prop(const char *node, const char *prop, void *buf, size_t size);
bool dt_has_prop(const char *node, const char *prop);
/* A string property, or "" (NUL-terminated in @buf). */
const char *dt_string(const char *node, const char *prop, char *buf, size_t size);
/* Does the node's string list @prop contain @s? */
bool dt_strings_have(const char *node, const char *prop, const char *s);
/* Does the node's "compatible" list contain @compat? */
bool dt_compatible(const char *node, const char *compat);
/* The path of the node whose "phandle" is @phandle; false if none. */
bool dt_find_phandle(uint32_t phandle, char *path, size_t size);
/* Is the node usable ("status" absent, "okay" or "ok")? */
bool dt_enabled(const char *node);
/* The node's parent path ("/" for top-level nodes). */
void dt_parent(const char *node, char *parent, size_t size);
/* @n big-endian cells as a number (the low 64 bits of wider ones). */
uint64_t dt_read_cells(const void *cells, unsigned int n);
/* A property of one or two cells as a number; @def if absent. */
uint64_t dt_number(const char *node, const char *prop, uint64_t def);
/* #address-cells / #size-cells of @node, with the spec's defaults (2, 1). */
unsigned int dt_address_cells(const char *node);
unsigned int dt_size_cells(const char *node);

/*
 * Entry @index of the node's "reg", translated through every parent's
 * "ranges" into a CPU physical address. Returns 1 on success, 0 when there
 * is no such entry, -1 when the address is not memory-mapped (a parent
 * without "ranges", e.g. an I2C bus, or one whose ranges do not cover it).
 */
int dt_reg(const char *node, unsigned int index, uint64_t *addr, uint64_t *size);
/* Translates @addr, an address on @bus (a node's own address space). */
int dt_translate(const char *bus, uint64_t addr, uint64_t *out);

/*
 * Calls @fn for every node below @node (depth first, @node excluded);
 * @fn returns false to skip the node's children.
 */
void dt_walk(const char *node, bool (*fn)(const char *path, void *arg), void *arg);

#endif /* AXVM_CTL_DEVICETREE_H */
