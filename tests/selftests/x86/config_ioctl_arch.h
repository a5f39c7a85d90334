/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config_ioctl_test's variants for x86-64's APICs (included by
 * config_ioctl_test.c among its own, with its BAD() and blob helpers).
 */
BAD(platform_more_cpus_than_machine, SYSTEM, EN, EINVAL, "platform.cpus is 8 but this machine has 4 possible CPUs",
    SYS(b)->system.platform.num_cpus = 8);
BAD(lapic_elsewhere, SYSTEM, EN, EINVAL, "platform.lapic.base 0xfee01000 is not this machine's",
    SYS(b)->system.platform.arch.ioapic.lapic_base += 0x1000);
