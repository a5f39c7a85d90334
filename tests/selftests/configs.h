/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The platform's facts as the selftests learn them: from the installed
 * configs (/etc/axvm/configs: the platform's own and the tests' own, each
 * as JSON and compiled to NAME.bin by tests/qemu/initramfs.sh), not from
 * constants, so that one test serves every platform.
 */
#ifndef AXVM_SELFTEST_CONFIGS_H
#define AXVM_SELFTEST_CONFIGS_H

#include <stddef.h>

#include <axvm/config.h>

#define CONFIGS		"/etc/axvm/configs/"
#define INMATES		"/usr/lib/axvm/inmates/"

/* CONFIGS NAME.bin, malloc'ed; NULL (said on stderr) if it cannot be read. */
void *config_read(const char *name, size_t *size);

/* root.bin, read once; NULL if it cannot be read. */
const struct axvm_system_config *system_config(void);
/* The cell of CONFIGS NAME.bin, read once per name; NULL if none. */
const struct axvm_cell_desc *cell_config(const char *name);

/* Where the hypervisor's memory starts (root.bin); 0 if unknown. */
__u64 hypervisor_phys(void);
/* The RAM Linux runs in: the root's first executable region; 0 if none. */
__u64 linux_ram(void);
/*
 * The first region of cell config @name with every flag of @flags (its RAM:
 * AXVM_MEM_LOADABLE, a device: AXVM_MEM_IO): its physical start and, if
 * @size is not NULL, its size. 0 if it has none.
 */
__u64 cell_region(const char *name, __u32 flags, __u64 *size);
/* The first interrupt cell config @name owns; 0 if it owns none. */
__u32 cell_irq(const char *name);

#endif /* AXVM_SELFTEST_CONFIGS_H */
