/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The /dev/axvm ioctl interface.
 *
 * Every argument is a fixed-layout struct of __u32/__u64 fields; user
 * pointers travel as __u64. Reserved fields must be zero (-EINVAL otherwise)
 * so that they can gain a meaning later. A new behaviour gets a new command
 * number, never a new layout behind an old one. Every command requires
 * CAP_SYS_ADMIN (-EPERM); an unknown command gets -ENOTTY.
 */
#ifndef _AXVM_IOCTL_H
#define _AXVM_IOCTL_H

#include <axvm/types.h>
#if !defined(AXVM_FREESTANDING)
#include <linux/ioctl.h>
#endif

/* Our own ioctl type; the kernel's ioctl-number.rst lists no user of 0xA8. */
#define AXVM_IOCTL_TYPE		0xA8

/* The largest config blob any command accepts (-E2BIG above it). */
#define AXVM_CONFIG_MAX_SIZE	(1u << 20)

/**
 * struct axvm_blob - a buffer handed to the driver
 * @address:  user-space address of the first byte.
 * @size:     number of bytes; at most the command's limit.
 * @reserved: must be zero.
 */
struct axvm_blob {
	__u64 address;
	__u32 size;
	__u32 reserved;
};
_Static_assert(sizeof(struct axvm_blob) == 16, "struct axvm_blob");

/*
 * ENABLE: load the firmware, hand it the system config at @blob and enter it
 * on every online CPU. -EBUSY when already enabled.
 */
#define AXVM_IOCTL_ENABLE	_IOW(AXVM_IOCTL_TYPE, 0x00, struct axvm_blob)
/* DISABLE: leave the firmware on every CPU. -EBUSY while cells exist. */
#define AXVM_IOCTL_DISABLE	_IO(AXVM_IOCTL_TYPE, 0x01)

#endif /* _AXVM_IOCTL_H */
