/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The firmware image check, shared by the driver (before loading an image)
 * and the tools (axvm-ctl firmware check, unit tests).
 */
#ifndef _AXVM_FIRMWARE_CHECK_H
#define _AXVM_FIRMWARE_CHECK_H

#include <axvm/firmware.h>
#include <axvm/report.h>

/**
 * axvm_firmware_check() - check that a firmware image fits this side
 * @image:  the image bytes as read from the file.
 * @size:   number of bytes at @image.
 * @arch:   the AXVM_ARCH_* the caller expects.
 * @report: receives one message per problem.
 *
 * Checks, in order: the size holds a header, the magic, the ABI revision,
 * the architecture, the header size, the image and memory sizes against the
 * file size and AXVM_FIRMWARE_MAX_SIZE, the entry offset, the version string
 * and the reserved fields.
 *
 * Return: 0 when the image is usable, -ENOEXEC when it is not (after at
 * least one message through @report).
 */
int axvm_firmware_check(const void *image, __u64 size, __u32 arch,
			struct axvm_report *report);

#endif /* _AXVM_FIRMWARE_CHECK_H */
