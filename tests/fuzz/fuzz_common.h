/* SPDX-License-Identifier: GPL-2.0 */
/* What the fuzz targets share: a silent reporter and reference configs. */
#ifndef AXVM_FUZZ_COMMON_H
#define AXVM_FUZZ_COMMON_H

#include <stddef.h>

#include <axvm/report.h>

#include "../unit/riscv64_reference.h"
#include "../unit/x86_64_reference.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Messages are not what a fuzz target checks; drop them. */
static inline void quiet(struct axvm_report *r, const char *fmt, va_list args)
{
	(void)r;
	(void)fmt;
	(void)args;
}

/* The reference platform's system and one cell. */
static const char reference_system[] =
	"{ \"type\": \"system\", \"arch\": \"arm64\","
	"  \"hypervisor\": { \"memory\": { \"phys\": \"0x70000000\", \"size\": \"4M\" } },"
	"  \"debug_console\": { \"type\": \"pl011\", \"address\": \"0x09000000\" },"
	"  \"platform\": { \"cpus\": 4, \"gic\": { \"distributor\": \"0x08000000\","
	"      \"redistributors\": \"0x080a0000\" } },"
	"  \"root_cell\": { \"name\": \"linux\", \"cpus\": \"0-3\", \"memory\": ["
	"    { \"phys\": \"0x40000000\", \"size\": \"768M\", \"flags\": [\"read\", \"write\", \"execute\"] },"
	"    { \"phys\": \"0x70400000\", \"size\": \"252M\", \"flags\": [\"read\", \"write\"] },"
	"    { \"phys\": \"0x09000000\", \"size\": \"4K\", \"flags\": [\"read\", \"write\", \"io\"] } ] } }";

static const char reference_cell[] =
	"{ \"type\": \"cell\", \"arch\": \"arm64\", \"name\": \"rtos\", \"cpus\": [3],"
	"  \"memory\": [ { \"phys\": \"0x71000000\", \"virt\": \"0x40000000\", \"size\": \"16M\","
	"                \"flags\": [\"read\", \"write\", \"execute\", \"loadable\"] } ],"
	"  \"interrupts\": [\"48-51\"] }";

#endif
