/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Error numbers for code shared by all sides. axvm passes negative Linux
 * errno values end to end, firmware included, so a hypercall result can go
 * straight back to user space. The firmware has no libc: it gets the
 * asm-generic values, which arm64, x86-64 and riscv64 all use.
 */
#ifndef _AXVM_ERRNO_H
#define _AXVM_ERRNO_H

#if defined(__KERNEL__)
#include <linux/errno.h>
#elif defined(AXVM_FREESTANDING)
#define EPERM		1
#define ENOENT		2
#define EIO		5
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define ENOSYS		38
#define EPROTO		71
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ETIMEDOUT	110
#else
#include <errno.h>
#endif

#endif /* _AXVM_ERRNO_H */
