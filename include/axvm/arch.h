/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Architecture identifiers carried in every binary blob (firmware image,
 * configs), so that one side never accepts a blob built for another.
 */
#ifndef _AXVM_ARCH_H
#define _AXVM_ARCH_H

#define AXVM_ARCH_ARM64		1
#define AXVM_ARCH_X86_64	2
#define AXVM_ARCH_RISCV64	3

#if defined(__aarch64__)
#define AXVM_ARCH_NATIVE	AXVM_ARCH_ARM64
#elif defined(__x86_64__)
#define AXVM_ARCH_NATIVE	AXVM_ARCH_X86_64
#elif defined(__riscv) && __riscv_xlen == 64
#define AXVM_ARCH_NATIVE	AXVM_ARCH_RISCV64
#endif

/**
 * axvm_arch_name() - human-readable name of an architecture identifier
 * @arch: one of AXVM_ARCH_*
 *
 * Return: "arm64", "x86_64", "riscv64", or "unknown".
 */
static inline const char *axvm_arch_name(unsigned int arch)
{
	switch (arch) {
	case AXVM_ARCH_ARM64:
		return "arm64";
	case AXVM_ARCH_X86_64:
		return "x86_64";
	case AXVM_ARCH_RISCV64:
		return "riscv64";
	default:
		return "unknown";
	}
}

#endif /* _AXVM_ARCH_H */
