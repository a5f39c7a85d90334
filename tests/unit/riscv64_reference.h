/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv64 reference platform as a JSON string, as in
 * configs/qemu-riscv64/root.json with fewer root devices and the PLIC's
 * contexts per hart and S-mode context left to their defaults: for the
 * unit tests and the fuzzers.
 */
#ifndef AXVM_TESTS_RISCV64_REFERENCE_H
#define AXVM_TESTS_RISCV64_REFERENCE_H

static const char riscv_system_json[] =
	"{ \"type\": \"system\", \"arch\": \"riscv64\","
	"  \"hypervisor\": { \"memory\": { \"phys\": \"0xb0000000\", \"size\": \"4M\" } },"
	"  \"debug_console\": \"sbi\","
	"  \"platform\": { \"cpus\": 4, \"timebase_frequency\": 10000000,"
	"      \"plic\": { \"base\": \"0x0c000000\", \"size\": \"6M\", \"sources\": 96 } },"
	"  \"root_cell\": { \"name\": \"linux\", \"cpus\": \"0-3\", \"memory\": ["
	"    { \"phys\": \"0x80000000\", \"size\": \"768M\", \"flags\": [\"read\", \"write\", \"execute\", \"dma\"] },"
	"    { \"phys\": \"0xb0400000\", \"size\": \"252M\", \"flags\": [\"read\", \"write\", \"loadable\"] },"
	"    { \"phys\": \"0x10000000\", \"size\": \"36K\", \"flags\": [\"read\", \"write\", \"io\"] } ] } }";

#endif
