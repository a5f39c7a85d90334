/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86_64 reference platform as a JSON string, as in
 * configs/qemu-x86_64/root.json with fewer root regions and the IOAPIC's
 * pins and the local APICs' address left to their defaults: for the unit
 * tests and the fuzzers.
 */
#ifndef AXVM_TESTS_X86_64_REFERENCE_H
#define AXVM_TESTS_X86_64_REFERENCE_H

static const char x86_system_json[] =
	"{ \"type\": \"system\", \"arch\": \"x86_64\","
	"  \"hypervisor\": { \"memory\": { \"phys\": \"0x30000000\", \"size\": \"4M\" } },"
	"  \"debug_console\": { \"type\": \"8250-pio\", \"address\": \"0x3f8\" },"
	"  \"platform\": { \"cpus\": 4, \"ioapic\": { \"base\": \"0xfec00000\" } },"
	"  \"root_cell\": { \"name\": \"linux\", \"cpus\": \"0-3\", \"memory\": ["
	"    { \"phys\": \"0x00100000\", \"size\": \"767M\", \"flags\": [\"read\", \"write\", \"execute\", \"dma\"] },"
	"    { \"phys\": \"0x30400000\", \"size\": \"0xfbe0000\", \"flags\": [\"read\", \"write\", \"loadable\"] },"
	"    { \"phys\": \"0x40000000\", \"size\": \"0xbec00000\", \"flags\": [\"read\", \"write\", \"io\"] },"
	"    { \"phys\": \"0xfed00000\", \"size\": \"4K\", \"flags\": [\"read\", \"write\", \"io\"] } ] } }";

#endif
