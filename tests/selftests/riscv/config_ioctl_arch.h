/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config_ioctl_test's variants for riscv64's PLIC (included by
 * config_ioctl_test.c among its own, with its BAD() and blob helpers).
 */
BAD(platform_more_cpus_than_machine, SYSTEM, EN, EINVAL, "platform.cpus is 8 but this machine has 4 possible CPUs",
    SYS(b)->system.platform.num_cpus = 8);
BAD(irqchip_not_plic, SYSTEM, EN, EINVAL, "platform.irqchip is 3: a riscv64 machine has a PLIC (16)",
    SYS(b)->system.platform.irqchip = AXVM_IRQCHIP_GICV3);
BAD(plic_misaligned, SYSTEM, EN, EINVAL, "platform.plic: base 0x%llx and size",
    return SYS(b)->system.platform.arch.plic.base += 0x800);
BAD(plic_no_sources, SYSTEM, EN, EINVAL, "platform.plic.sources is 0, expected 1 to 1023",
    SYS(b)->system.platform.arch.plic.num_sources = 0);
BAD(plic_s_context_beyond_hart, SYSTEM, EN, EINVAL, "platform.plic.s_context 2 is not one of a hart's 2 contexts",
    SYS(b)->system.platform.arch.plic.s_context = 2);
BAD(plic_too_small_for_cpus, SYSTEM, EN, EINVAL, "ends before the registers of CPU 3's S-mode context",
    SYS(b)->system.platform.arch.plic.size = 0x200000);
BAD(timebase_zero, SYSTEM, EN, EINVAL, "platform.timebase_frequency is 0",
    SYS(b)->system.platform.arch.plic.timebase_hz = 0);
BAD(cell_irq_source_zero, CELL_CFG, CC, EINVAL, "interrupts[0]: 0-0 is outside the PLIC's sources",
    add_irq(b, &CELL(b)->cell, 0, 1));
BAD(cell_console_pl011, CELL_CFG, CC, EINVAL, "console.type: a PL011 console is arm64's, this config is for riscv64",
    CELL(b)->cell.console.type = AXVM_CONSOLE_PL011;
    CELL(b)->cell.console.address = 0x10000000);
