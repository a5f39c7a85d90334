/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device register access at EL2 (the firmware's tables map devices 1:1)
 * and system registers named by encoding, which any assembler takes.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <hv/types.h>

static inline u32 mmio_read32(u64 addr)
{
	return *(volatile u32 *)(uintptr_t)addr;
}

static inline void mmio_write32(u64 addr, u32 v)
{
	*(volatile u32 *)(uintptr_t)addr = v;
}

static inline u64 mmio_read64(u64 addr)
{
	return *(volatile u64 *)(uintptr_t)addr;
}

static inline void mmio_write64(u64 addr, u64 v)
{
	*(volatile u64 *)(uintptr_t)addr = v;
}

static inline u8 mmio_read8(u64 addr)
{
	return *(volatile u8 *)(uintptr_t)addr;
}

static inline void mmio_write8(u64 addr, u8 v)
{
	*(volatile u8 *)(uintptr_t)addr = v;
}

#define sysreg_read_s(name) ({ u64 __v; asm volatile("mrs %0, " name : "=r"(__v)); __v; })
#define sysreg_write_s(v, name) asm volatile("msr " name ", %0" : : "r"((u64)(v)) : "memory")

#endif /* _ASM_IO_H */
