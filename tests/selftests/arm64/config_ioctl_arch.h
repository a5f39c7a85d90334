/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config_ioctl_test's variants for arm64's GICv3 (included by
 * config_ioctl_test.c among its own, with its BAD() and blob helpers).
 */
BAD(platform_more_cpus_than_machine, SYSTEM, EN, EINVAL, "platform.cpus is 8 but this machine has 4 possible CPUs",
    SYS(b)->system.platform.num_cpus = 8;
    SYS(b)->system.platform.arch.gicv3.gicr_size = 8 * 0x20000);
BAD(gic_v2, SYSTEM, EN, EINVAL, "platform.gic.version is 2",
    SYS(b)->system.platform.irqchip = 2);
BAD(gicd_misaligned, SYSTEM, EN, EINVAL, "platform.gic.distributor 0x%llx",
    return SYS(b)->system.platform.arch.gicv3.gicd_base += 0x1000);
BAD(maintenance_irq_not_ppi, SYSTEM, EN, EINVAL, "maintenance_interrupt 40",
    SYS(b)->system.platform.arch.gicv3.maintenance_irq = 40);
BAD(cell_irq_not_spi, CELL_CFG, CC, EINVAL, "interrupts[0]: 27-27 is outside the shared interrupts",
    add_irq(b, &CELL(b)->cell, 27, 1));
BAD(cell_console_uart_not_mapped, CELL_CFG, CC, EINVAL, "console.address 0x9000000 is in none of the cell's io regions",
    CELL(b)->cell.console.type = AXVM_CONSOLE_PL011;
    CELL(b)->cell.console.address = 0x09000000);
