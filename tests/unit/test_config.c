// SPDX-License-Identifier: GPL-2.0
/*
 * The config pipeline on the host: JSON to binary (tools/config_json.c)
 * and the shared validator (include/axvm/config_check.c). Every rule has a
 * case that breaks it and a near miss that passes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "kselftest_harness.h"
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/config_check.h>
#include "config.h"
#include "collect.h"
#include "riscv64_reference.h"
#include "x86_64_reference.h"

/* The reference platform, as in configs/qemu-arm64/root.json. */
static const char system_json[] =
	"{ \"type\": \"system\", \"arch\": \"arm64\","
	"  \"hypervisor\": { \"memory\": { \"phys\": \"0x70000000\", \"size\": \"4M\" } },"
	"  \"debug_console\": { \"type\": \"pl011\", \"address\": \"0x09000000\" },"
	"  \"platform\": { \"cpus\": 4, \"gic\": { \"distributor\": \"0x08000000\","
	"      \"redistributors\": \"0x080a0000\", \"its\": \"0x08080000\" } },"
	"  \"root_cell\": { \"name\": \"linux\", \"cpus\": \"0-3\", \"memory\": ["
	"    { \"phys\": \"0x40000000\", \"size\": \"768M\", \"flags\": [\"read\", \"write\", \"execute\", \"dma\"] },"
	"    { \"phys\": \"0x70400000\", \"size\": \"252M\", \"flags\": [\"read\", \"write\", \"loadable\"] },"
	"    { \"phys\": \"0x09000000\", \"size\": \"0x40000\", \"flags\": [\"read\", \"write\", \"io\"] },"
	"    { \"phys\": \"0x0a000000\", \"size\": \"16K\", \"flags\": [\"read\", \"write\", \"io\"] } ] } }";

/* A cell that exists while others are checked (CPU 3, 0x71000000, SPI 48-51). */
static const char rtos_json[] =
	"{ \"type\": \"cell\", \"arch\": \"arm64\", \"name\": \"rtos\", \"cpus\": [3],"
	"  \"memory\": [ { \"phys\": \"0x71000000\", \"virt\": \"0x40000000\", \"size\": \"16M\","
	"                \"flags\": [\"read\", \"write\", \"execute\", \"loadable\", \"shared\"] } ],"
	"  \"interrupts\": [\"48-51\"] }";

static int convert(const char *json, struct config_blob *blob, struct messages *m)
{
	struct axvm_report r = reporter(m);

	return config_from_json(json, strlen(json), blob, &r);
}

/* ---- JSON form ------------------------------------------------------ */

TEST(reference_configs_convert)
{
	struct config_blob sys, cell;
	struct messages m;

	ASSERT_EQ(0, convert(system_json, &sys, &m)) TH_LOG("%s", m.text);
	EXPECT_TRUE(sys.is_system);
	ASSERT_EQ(0, convert(rtos_json, &cell, &m)) TH_LOG("%s", m.text);
	EXPECT_FALSE(cell.is_system);
	EXPECT_EQ(sizeof(struct axvm_cell_config) + sizeof(struct axvm_memory_region) +
		  sizeof(struct axvm_irq_range), cell.size);
	free(sys.data);
	free(cell.data);
}

TEST(riscv64_platform_and_defaults)
{
	struct config_blob blob;
	const struct axvm_system_config *s;
	struct messages m;

	ASSERT_EQ(0, convert(riscv_system_json, &blob, &m)) TH_LOG("%s", m.text);
	s = blob.data;
	EXPECT_EQ(AXVM_ARCH_RISCV64, s->header.arch);
	EXPECT_EQ(AXVM_CONSOLE_SBI, s->system.debug_console.type);
	EXPECT_EQ(AXVM_IRQCHIP_PLIC, s->system.platform.irqchip);
	EXPECT_EQ(0x0c000000ull, s->system.platform.arch.plic.base);
	EXPECT_EQ(0x600000ull, s->system.platform.arch.plic.size);
	EXPECT_EQ(96, s->system.platform.arch.plic.num_sources);
	EXPECT_EQ(2, s->system.platform.arch.plic.hart_contexts);	/* M, S */
	EXPECT_EQ(1, s->system.platform.arch.plic.s_context);
	EXPECT_EQ(10000000ull, s->system.platform.arch.plic.timebase_hz);
	free(blob.data);
}

TEST(x86_64_platform_and_defaults)
{
	struct config_blob blob;
	const struct axvm_system_config *s;
	struct messages m;

	ASSERT_EQ(0, convert(x86_system_json, &blob, &m)) TH_LOG("%s", m.text);
	s = blob.data;
	EXPECT_EQ(AXVM_ARCH_X86_64, s->header.arch);
	EXPECT_EQ(AXVM_CONSOLE_8250_PIO, s->system.debug_console.type);
	EXPECT_EQ(0x3f8ull, s->system.debug_console.address);
	EXPECT_EQ(AXVM_IRQCHIP_IOAPIC, s->system.platform.irqchip);
	EXPECT_EQ(0xfec00000ull, s->system.platform.arch.ioapic.ioapic_base);
	EXPECT_EQ(24, s->system.platform.arch.ioapic.ioapic_pins);	/* a PC's */
	EXPECT_EQ(0xfee00000ull, s->system.platform.arch.ioapic.lapic_base);
	free(blob.data);
}

TEST(numbers_sizes_cpus_and_defaults)
{
	const char *json =
		"{ \"type\": \"cell\", \"name\": \"n\", \"cpus\": [1, \"3-5\", 7],"
		"  \"memory\": [ { \"phys\": 1048576, \"size\": \"2M\", \"flags\": [\"read\", \"execute\"] },"
		"                { \"phys\": \"0x10000000\", \"virt\": \"0x20000000\", \"size\": \"1GiB\", \"flags\": [\"write\"] } ],"
		"  \"interrupts\": [40, \"60-61\"], \"comment\": \"ignored\" }";
	struct config_blob blob;
	struct axvm_cell_config *c;
	struct axvm_memory_region *mem;
	struct messages m;

	ASSERT_EQ(0, convert(json, &blob, &m)) TH_LOG("%s", m.text);
	c = blob.data;
	mem = axvm_cell_memory_regions(&c->cell);
	EXPECT_EQ(AXVM_ARCH_NATIVE, c->header.arch);
	EXPECT_EQ(0xbaull, c->cell.cpus[0]);
	EXPECT_EQ(0x100000ull, mem[0].phys_start);
	EXPECT_EQ(mem[0].phys_start, mem[0].virt_start);	/* virt defaults to phys */
	EXPECT_EQ(2ull << 20, mem[0].size);
	EXPECT_EQ(AXVM_MEM_READ | AXVM_MEM_EXECUTE, mem[0].flags);
	EXPECT_EQ(1ull << 30, mem[1].size);
	EXPECT_EQ(0x20000000ull, mem[1].virt_start);
	EXPECT_EQ(2, c->cell.num_irq_ranges);
	EXPECT_EQ(60, axvm_cell_irq_ranges(&c->cell)[1].first);
	EXPECT_EQ(2, axvm_cell_irq_ranges(&c->cell)[1].count);
	EXPECT_EQ(AXVM_CONSOLE_HYPERCALL, c->cell.console.type);	/* default */
	EXPECT_EQ(0x100000ull, c->cell.entry);	/* first executable region */
	EXPECT_EQ(blob.size, c->header.total_size);
	free(blob.data);
}

FIXTURE(json) {};
FIXTURE_SETUP(json) {}
FIXTURE_TEARDOWN(json) {}
FIXTURE_VARIANT(json) {
	const char *json;
	const char *message;
};

#define JSON_BAD(_name, _json, _msg)					\
	FIXTURE_VARIANT_ADD(json, _name) { .json = _json, .message = _msg }
#define CELL(...) "{ \"type\": \"cell\", \"name\": \"c\", \"cpus\": [1], " __VA_ARGS__ " }"
#define MEM(...) "\"memory\": [ { \"phys\": \"0x71000000\", \"size\": \"1M\", " __VA_ARGS__ " } ]"
#define RW "\"flags\": [\"read\", \"write\", \"execute\"]"

JSON_BAD(syntax, "{ \"type\": \"cell\",\n \"name\" 5 }", "line 2, column 9: invalid JSON");
JSON_BAD(trailing_text, "{ \"type\": \"cell\" } x", "line 1, column 20: invalid JSON");
JSON_BAD(not_an_object, "[1, 2]", "expected a JSON object at the top, got an array");
JSON_BAD(no_type, "{ \"name\": \"x\" }", "missing key \"type\"");
JSON_BAD(empty_object, "{}", "missing key \"type\"");
JSON_BAD(bad_type, "{ \"type\": \"vm\" }", "type: \"vm\" is not a config type");
JSON_BAD(duplicate_key, CELL(MEM(RW) ", \"cpus\": [2]"), "line 1, column 138: duplicate key \"cpus\"");
JSON_BAD(duplicate_nested_key, CELL("\"memory\": [ { \"phys\": 1, \"phys\": 2 } ]"),
	 "memory[0]: duplicate key \"phys\"");
JSON_BAD(nul_in_string, "{ \"type\": \"cell\", \"name\": \"a\\u0000b\" }",
	 "name: a string may not contain NUL (\\u0000)");
JSON_BAD(number_beyond_64_bits, CELL("\"entry\": 99999999999999999999999"),
	 "entry: 99999999999999999999999 is out of range (at most 18446744073709551615)");
JSON_BAD(number_below_64_bits, CELL("\"entry\": -99999999999999999999"),
	 "entry: -99999999999999999999 is out of range (at least -9223372036854775808)");
JSON_BAD(u32_reported_as_written, CELL(MEM(RW) ", \"interrupts\": [18446744073709551615]"),
	 "18446744073709551615");
JSON_BAD(unknown_key, CELL(MEM(RW) ", \"memroy\": 1"), "unknown key \"memroy\" (expected one of: type, arch, name, cpus, memory, interrupts, console, entry); did you mean \"memory\"?");
JSON_BAD(unknown_flag, CELL(MEM("\"flags\": [\"read\", \"wirte\"]")), "memory[0].flags[1]: unknown flag \"wirte\" (expected one of: read, write, execute, io, loadable, shared, dma); did you mean \"write\"?");
JSON_BAD(flags_not_array, CELL(MEM("\"flags\": \"rw\"")), "memory[0].flags: expected an array of flag names, got a string");
JSON_BAD(flag_not_string, CELL(MEM("\"flags\": [1]")), "memory[0].flags[0]: expected a flag name, got a number");
JSON_BAD(missing_flags, CELL(MEM("\"virt\": 0")), "memory[0]: missing key \"flags\"");
JSON_BAD(missing_size, CELL("\"memory\": [ { \"phys\": 0, " RW " } ]"), "memory[0]: missing key \"size\"");
JSON_BAD(bad_suffix, CELL("\"memory\": [ { \"phys\": 0, \"size\": \"16Q\", " RW " } ]"), "memory[0].size: \"16Q\" is not a number");
JSON_BAD(size_overflows, CELL("\"memory\": [ { \"phys\": 0, \"size\": \"99999999999T\", " RW " } ]"), "memory[0].size: \"99999999999T\" is not a number");
JSON_BAD(negative, CELL("\"memory\": [ { \"phys\": -4096, \"size\": 4096, " RW " } ]"), "memory[0].phys: -4096 is negative");
JSON_BAD(fraction, CELL("\"memory\": [ { \"phys\": 1.5, \"size\": 4096, " RW " } ]"), "memory[0].phys: expected a number or a string like \"0x1000\" or \"16M\", got a fractional number");
JSON_BAD(boolean, CELL(MEM(RW) ", \"entry\": true"), "entry: expected a number or a string like");
JSON_BAD(region_not_object, CELL("\"memory\": [ 5 ]"), "memory[0]: expected an object, got a number");
JSON_BAD(too_many_regions, CELL("\"memory\": [" "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"), "memory: 65 regions, at most 64");
JSON_BAD(cpu_range_backwards, "{ \"type\": \"cell\", \"name\": \"c\", \"cpus\": [\"3-1\"], " MEM(RW) " }", "cpus[0]: \"3-1\" is not a CPU or a range like \"2-3\"");
JSON_BAD(cpu_too_large, "{ \"type\": \"cell\", \"name\": \"c\", \"cpus\": [300], " MEM(RW) " }", "cpus[0]: CPU 300 is beyond the 256 CPUs axvm supports");
JSON_BAD(missing_cpus, "{ \"type\": \"cell\", \"name\": \"c\", " MEM(RW) " }", "missing key \"cpus\"");
JSON_BAD(name_too_long, "{ \"type\": \"cell\", \"name\": \"abcdefghijklmnopqrstuvwxyz0123456\", \"cpus\": [1], " MEM(RW) " }", "name: \"abcdefghijklmnopqrstuvwxyz0123456\" is longer than 31 characters");
JSON_BAD(name_not_string, "{ \"type\": \"cell\", \"name\": 7, \"cpus\": [1], " MEM(RW) " }", "name: expected a string, got a number");
JSON_BAD(irq_bad, CELL(MEM(RW) ", \"interrupts\": [\"forty\"]"), "interrupts[0]: \"forty\" is not a interrupt or a range");
JSON_BAD(console_type, CELL(MEM(RW) ", \"arch\": \"arm64\", \"console\": \"hypercal\""), "console: unknown console type \"hypercal\" (expected one of: none, hypercall, pl011); did you mean \"hypercall\"?");
JSON_BAD(console_key, CELL(MEM(RW) ", \"console\": { \"type\": \"pl011\", \"adress\": 1 }"), "console: unknown key \"adress\" (expected one of: type, address); did you mean \"address\"?");
JSON_BAD(arch_unknown, CELL(MEM(RW) ", \"arch\": \"sparc\""), "arch: unknown architecture \"sparc\"");
JSON_BAD(system_missing_platform, "{ \"type\": \"system\", \"hypervisor\": { \"memory\": { \"phys\": 0, \"size\": 0 } }, \"root_cell\": { \"name\": \"r\", \"cpus\": [0], \"memory\": [] } }", "missing key \"platform\"");
JSON_BAD(system_gic_key, "{ \"type\": \"system\", \"arch\": \"arm64\", \"hypervisor\": { \"memory\": { \"phys\": 0, \"size\": 0 } }, \"platform\": { \"cpus\": 1, \"gic\": { \"distributer\": 0, \"redistributors\": 0 } }, \"root_cell\": { \"name\": \"r\", \"cpus\": [0], \"memory\": [] } }", "platform.gic: unknown key \"distributer\"");
#define RV_SYSTEM(plat) "{ \"type\": \"system\", \"arch\": \"riscv64\", \"hypervisor\": { \"memory\": { \"phys\": 0, \"size\": 0 } }, \"platform\": { \"cpus\": 1, " plat " }, \"root_cell\": { \"name\": \"r\", \"cpus\": [0], \"memory\": [] } }"
#define RV_PLIC "\"plic\": { \"base\": 0, \"size\": 0, \"sources\": 1 }"
JSON_BAD(riscv_plic_key, RV_SYSTEM("\"timebase_frequency\": 1, \"plic\": { \"base\": 0, \"size\": 0, \"source\": 1 }"),
	 "platform.plic: unknown key \"source\" (expected one of: base, size, sources, hart_contexts, s_context); did you mean \"sources\"?");
JSON_BAD(riscv_plic_missing_sources, RV_SYSTEM("\"timebase_frequency\": 1, \"plic\": { \"base\": 0, \"size\": 0 }"),
	 "platform.plic: missing key \"sources\"");
JSON_BAD(riscv_missing_timebase, RV_SYSTEM(RV_PLIC), "platform: missing key \"timebase_frequency\"");
JSON_BAD(riscv_has_no_gic, RV_SYSTEM("\"timebase_frequency\": 1, " RV_PLIC ", \"gic\": {}"),
	 "platform: unknown key \"gic\" (expected one of: cpus, timebase_frequency, plic)");
JSON_BAD(riscv_has_no_pl011, CELL(MEM(RW) ", \"arch\": \"riscv64\", \"console\": \"pl011\""),
	 "console: unknown console type \"pl011\" (expected one of: none, hypercall, sbi)");
JSON_BAD(arm64_has_no_sbi, CELL(MEM(RW) ", \"arch\": \"arm64\", \"console\": \"sbi\""),
	 "console: unknown console type \"sbi\" (expected one of: none, hypercall, pl011)");
#define X86_SYSTEM(plat) "{ \"type\": \"system\", \"arch\": \"x86_64\", \"hypervisor\": { \"memory\": { \"phys\": 0, \"size\": 0 } }, \"platform\": { \"cpus\": 1" plat " }, \"root_cell\": { \"name\": \"r\", \"cpus\": [0], \"memory\": [] } }"
JSON_BAD(x86_missing_ioapic, X86_SYSTEM(""), "platform: missing key \"ioapic\"");
JSON_BAD(x86_ioapic_key, X86_SYSTEM(", \"ioapic\": { \"base\": 0, \"pin\": 24 }"),
	 "platform.ioapic: unknown key \"pin\" (expected one of: base, pins); did you mean \"pins\"?");
JSON_BAD(x86_ioapic_missing_base, X86_SYSTEM(", \"ioapic\": { \"pins\": 24 }"),
	 "platform.ioapic: missing key \"base\"");
JSON_BAD(x86_lapic_missing_base, X86_SYSTEM(", \"ioapic\": { \"base\": 0 }, \"lapic\": {}"),
	 "platform.lapic: missing key \"base\"");
JSON_BAD(x86_has_no_gic, X86_SYSTEM(", \"ioapic\": { \"base\": 0 }, \"gic\": {}"),
	 "platform: unknown key \"gic\" (expected one of: cpus, ioapic, lapic)");
JSON_BAD(x86_has_no_pl011, CELL(MEM(RW) ", \"arch\": \"x86_64\", \"console\": \"pl011\""),
	 "console: unknown console type \"pl011\" (expected one of: none, hypercall, 8250-pio)");
JSON_BAD(arm64_has_no_8250, CELL(MEM(RW) ", \"arch\": \"arm64\", \"console\": \"8250-pio\""),
	 "console: unknown console type \"8250-pio\" (expected one of: none, hypercall, pl011)");
JSON_BAD(root_cell_key, "{ \"type\": \"system\", \"arch\": \"arm64\", \"hypervisor\": { \"memory\": { \"phys\": 0, \"size\": 0 } }, \"platform\": { \"cpus\": 1, \"gic\": { \"distributor\": 0, \"redistributors\": 0 } }, \"root_cell\": { \"name\": \"r\", \"cpus\": [0], \"memory\": [], \"type\": \"x\" } }", "root_cell: unknown key \"type\"");

TEST_F(json, is_refused_with_path_and_value)
{
	struct config_blob blob = { 0 };
	struct messages m;

	EXPECT_EQ(-1, convert(variant->json, &blob, &m));
	EXPECT_EQ(NULL, blob.data);
	EXPECT_NE(NULL, strstr(m.text, variant->message)) TH_LOG("got:\n%s", m.text);
}

TEST(every_form_problem_is_reported_at_once)
{
	struct config_blob blob;
	struct messages m;

	EXPECT_EQ(-1, convert(CELL("\"memory\": [ { \"phys\": -1, \"size\": \"x\", \"flags\": [\"y\"] } ], \"z\": 1"),
			      &blob, &m));
	EXPECT_EQ(4, m.count) TH_LOG("%s", m.text);
}

/* ---- the validator ---------------------------------------------------- */

static struct config_blob system_blob, riscv_system_blob, x86_system_blob, rtos_blob;

static void load_system(struct __test_metadata *_metadata, const char *json,
			struct config_blob *blob, __u32 arch)
{
	struct axvm_report r;
	struct messages m;

	ASSERT_EQ(0, convert(json, blob, &m)) TH_LOG("%s", m.text);
	r = reporter(&m);
	ASSERT_EQ(0, axvm_check_system_config(blob->data, blob->size, arch, &r))
		TH_LOG("%s", m.text);
}

static void load_references(struct __test_metadata *_metadata)
{
	struct messages m;

	if (system_blob.data)
		return;
	load_system(_metadata, system_json, &system_blob, AXVM_ARCH_ARM64);
	load_system(_metadata, riscv_system_json, &riscv_system_blob,
		    AXVM_ARCH_RISCV64);
	load_system(_metadata, x86_system_json, &x86_system_blob,
		    AXVM_ARCH_X86_64);
	ASSERT_EQ(0, convert(rtos_json, &rtos_blob, &m));
}

/* The validator returned @err: @expected, and the message if it failed. */
static void expect_outcome(struct __test_metadata *_metadata, int expected,
			   const char *message, int err, const struct messages *m)
{
	EXPECT_EQ(expected, err) TH_LOG("%s", m->text);
	if (expected) {
		EXPECT_NE(NULL, strstr(m->text, message)) TH_LOG("got:\n%s", m->text);
	} else {
		EXPECT_EQ(0, m->count) TH_LOG("%s", m->text);
	}
}

FIXTURE(cell_rule) {};
FIXTURE_SETUP(cell_rule) { load_references(_metadata); }
FIXTURE_TEARDOWN(cell_rule) {}
FIXTURE_VARIANT(cell_rule) {
	const char *json;	/* a cell, checked against the system... */
	bool rtos_exists;	/* ...and the rtos cell if set */
	int expected;		/* 0: must pass */
	const char *message;
	bool riscv;		/* against the riscv64 system instead */
	bool x86;		/* against the x86_64 system instead */
	bool alone;		/* against no system at all */
};

/* JSON(a, b, ...): the string pieces joined with ", " */
#define JOIN1(a) a
#define JOIN2(a, b) a ", " b
#define JOIN3(a, b, c) a ", " b ", " c
#define JOIN4(a, b, c, d) a ", " b ", " c ", " d
#define PICK(_1, _2, _3, _4, n, ...) n
#define JSON(...) PICK(__VA_ARGS__, JOIN4, JOIN3, JOIN2, JOIN1)(__VA_ARGS__)
#define RULE(_name, _rtos, _err, _msg, ...)				\
	FIXTURE_VARIANT_ADD(cell_rule, _name) {				\
		.json = "{ \"type\": \"cell\", \"arch\": \"arm64\", " JSON(__VA_ARGS__) " }", \
		.rtos_exists = _rtos, .expected = _err, .message = _msg, \
	}
#define RV_RULE(_name, _alone, _err, _msg, ...)				\
	FIXTURE_VARIANT_ADD(cell_rule, _name) {				\
		.json = "{ \"type\": \"cell\", \"arch\": \"riscv64\", " JSON(__VA_ARGS__) " }", \
		.expected = _err, .message = _msg, .riscv = true,	\
		.alone = _alone,					\
	}
#define X86_RULE(_name, _alone, _err, _msg, ...)			\
	FIXTURE_VARIANT_ADD(cell_rule, _name) {				\
		.json = "{ \"type\": \"cell\", \"arch\": \"x86_64\", " JSON(__VA_ARGS__) " }", \
		.expected = _err, .message = _msg, .x86 = true,		\
		.alone = _alone,					\
	}
#define NAME_CPU(n, c) "\"name\": \"" n "\", \"cpus\": [" c "]"
#define REGION(phys, virt, size, flags) \
	"{ \"phys\": \"" phys "\", \"virt\": \"" virt "\", \"size\": \"" size "\", \"flags\": [" flags "] }"
#define RWXL "\"read\", \"write\", \"execute\", \"loadable\""
#define RAM_AT(phys) "\"memory\": [" REGION(phys, "0x40000000", "1M", RWXL) "]"

RULE(ok_beside_rtos, true, 0, "", NAME_CPU("b", "2"), RAM_AT("0x72000000"));
RULE(misaligned_region, false, -EINVAL, "memory[0]: phys 0x72000800, virt 0x40000000 and size 0x100000 must be multiples of the page size",
     NAME_CPU("b", "2"), RAM_AT("0x72000800"));
RULE(aligned_region_at_page, false, 0, "", NAME_CPU("b", "2"), RAM_AT("0x72001000"));
RULE(zero_size_region, false, -EINVAL, "memory[0].size is 0",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "0", RWXL) "]");
RULE(overlap_within_cell, false, -EINVAL, "memory[0] and memory[1] overlap in physical memory",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "2M", RWXL) ","
     REGION("0x72100000", "0x50000000", "1M", "\"read\"") "]");
RULE(virt_overlap_within_cell, false, -EINVAL, "memory[0] and memory[1] overlap at virt 0x40000000 and 0x40100000",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "2M", RWXL) ","
     REGION("0x73000000", "0x40100000", "1M", "\"read\"") "]");
RULE(adjacent_within_cell, false, 0, "",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x72100000", "0x40100000", "1M", "\"read\"") "]");
RULE(overlap_other_cell, true, -EBUSY, "memory[0] (0x71800000+0x100000) overlaps memory[0] of cell \"rtos\"",
     NAME_CPU("b", "2"), RAM_AT("0x71800000"));
RULE(adjacent_to_other_cell, true, 0, "", NAME_CPU("b", "2"), RAM_AT("0x72000000"));
RULE(shared_with_other_cell, true, 0, "",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x71000000", "0x50000000", "1M", "\"read\", \"write\", \"shared\"") "]");
RULE(overlap_hypervisor, false, -EINVAL, "memory[0] (0x70000000+0x100000) overlaps the hypervisor's memory",
     NAME_CPU("b", "2"), RAM_AT("0x70000000"));
RULE(just_after_hypervisor, false, 0, "", NAME_CPU("b", "2"), RAM_AT("0x70400000"));
RULE(not_donor_memory, false, -EINVAL, "memory[0] (0x90000000+0x100000) is not in the root cell's loadable memory",
     NAME_CPU("b", "2"), RAM_AT("0x90000000"));
RULE(end_of_donor_memory, false, 0, "", NAME_CPU("b", "2"), RAM_AT("0x7ff00000"));
RULE(past_end_of_donor_memory, false, -EINVAL, "is not in the root cell's loadable memory",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x7ff00000", "0x40000000", "2M", RWXL) "]");
RULE(shared_over_linux_ram, false, -EINVAL,
     "memory[0] (0x40000000+0x30000000) is not in the root cell's loadable memory",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x40000000", "0x40000000", "768M",
     "\"read\", \"write\", \"execute\", \"shared\"") "]");
RULE(io_over_debug_console, false, -EINVAL,
     "memory[1] (0x9000000+0x1000) covers the hypervisor's debug console at 0x9000000",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x09000000", "0x09000000", "4K", "\"read\", \"write\", \"io\"") "]");
RULE(io_over_its, false, -EINVAL, "memory[1] (0x8080000+0x20000) covers the GIC ITS",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x08080000", "0x08080000", "128K", "\"read\", \"write\", \"io\"") "]");
RULE(io_over_distributor, false, -EINVAL, "covers the GIC distributor",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x08000000", "0x08000000", "4K", "\"read\", \"write\", \"io\"") "]");
RULE(io_over_redistributors, false, -EINVAL, "covers the GIC redistributors",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x080c0000", "0x080c0000", "64K", "\"read\", \"write\", \"io\"") "]");
RULE(io_from_ram, false, -EINVAL, "memory[1] (0x72100000+0x1000) is not io memory of the root cell",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x72100000", "0x09000000", "4K", "\"read\", \"write\", \"io\"") "]");
RULE(io_from_root_io, false, 0, "",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x0a000000", "0x0a000000", "4K", "\"read\", \"write\", \"io\"") "]");
RULE(cpu_out_of_range, false, -EINVAL, "cpus: CPU 4 does not exist (the machine has CPUs 0-3)",
     NAME_CPU("b", "4"), RAM_AT("0x72000000"));
RULE(cpu_owned, true, -EBUSY, "cpus: CPU 3 is already owned by cell \"rtos\"",
     NAME_CPU("b", "3"), RAM_AT("0x72000000"));
RULE(root_last_cpu, false, -EBUSY, "cpus: the cell would take the root cell's last CPU",
     NAME_CPU("b", "\"0-3\""), RAM_AT("0x72000000"));
RULE(root_keeps_one_cpu, false, 0, "", NAME_CPU("b", "\"1-3\""), RAM_AT("0x72000000"));
RULE(root_last_cpu_with_rtos, true, -EBUSY, "would take the root cell's last CPU",
     NAME_CPU("b", "\"0-2\""), RAM_AT("0x72000000"));
RULE(duplicate_name, true, -EEXIST, "name \"rtos\" is taken by another cell",
     NAME_CPU("rtos", "2"), RAM_AT("0x72000000"));
RULE(root_name, false, -EEXIST, "name \"linux\" is the root cell's",
     NAME_CPU("linux", "2"), RAM_AT("0x72000000"));
RULE(similar_name, true, 0, "", NAME_CPU("rtos2", "2"), RAM_AT("0x72000000"));
RULE(bad_name, false, -EINVAL, "name \"a b\": character 2 is not a letter",
     NAME_CPU("a b", "2"), RAM_AT("0x72000000"));
RULE(irq_below_spis, false, -EINVAL, "interrupts[0]: 31-31 is outside the shared interrupts 32-1019",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [31]");
RULE(irq_past_end, false, -EINVAL, "interrupts[0]: 1019-1020 is outside",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [\"1019-1020\"]");
RULE(irq_first_and_last, false, 0, "",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [32, 1019]");
RULE(irq_twice_in_cell, false, -EINVAL, "interrupts[0] and interrupts[1] both name interrupt 41",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [\"40-41\", 41]");
RULE(irq_of_other_cell, true, -EBUSY, "interrupts[0] (50-53) overlaps interrupts 48-51 of cell \"rtos\"",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [\"50-53\"]");
RULE(irq_beside_other_cell, true, 0, "",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"interrupts\": [\"52-53\"]");
RULE(entry_outside, false, -EINVAL, "entry 0x50000000 is in none of the cell's executable regions",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"), "\"entry\": \"0x50000000\"");
RULE(entry_in_non_executable, false, -EINVAL, "entry 0x50000000 is in none",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x72100000", "0x50000000", "1M", "\"read\"") "]", "\"entry\": \"0x50000000\"");
RULE(io_region_loadable, false, -EINVAL, "memory[1]: an io region cannot be loadable or executable",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x0a000000", "0x0a000000", "4K", "\"read\", \"io\", \"loadable\"") "]");
RULE(pl011_console_in_io_region, false, 0, "",
     NAME_CPU("b", "2"), "\"memory\": [" REGION("0x72000000", "0x40000000", "1M", RWXL) ","
     REGION("0x0a000000", "0x09000000", "4K", "\"read\", \"write\", \"io\"") "]",
     "\"console\": { \"type\": \"pl011\", \"address\": \"0x09000000\" }");
RULE(pl011_console_unmapped, false, -EINVAL, "console.address 0x9000000 is in none of the cell's io regions",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"),
     "\"console\": { \"type\": \"pl011\", \"address\": \"0x09000000\" }");
#define RV_RAM "\"memory\": [" REGION("0xb1000000", "0x80000000", "1M", RWXL)
RV_RULE(riscv_cell, false, 0, "", NAME_CPU("b", "2"), RV_RAM "]");
RV_RULE(riscv_source_0, false, -EINVAL, "interrupts[0]: 0-0 is outside the PLIC's sources 1-96",
	NAME_CPU("b", "2"), RV_RAM "]", "\"interrupts\": [0]");
RV_RULE(riscv_past_last_source, false, -EINVAL, "interrupts[0]: 96-97 is outside the PLIC's sources 1-96",
	NAME_CPU("b", "2"), RV_RAM "]", "\"interrupts\": [\"96-97\"]");
RV_RULE(riscv_first_and_last_source, false, 0, "",
	NAME_CPU("b", "2"), RV_RAM "]", "\"interrupts\": [1, 96]");
RV_RULE(riscv_alone_past_any_plic, true, -EINVAL, "interrupts[0]: 1024-1024 is outside the PLIC's sources 1-1023",
	NAME_CPU("b", "2"), RV_RAM "]", "\"interrupts\": [1024]");
RV_RULE(riscv_alone_last_of_any_plic, true, 0, "",
	NAME_CPU("b", "2"), RV_RAM "]", "\"interrupts\": [1023]");
RV_RULE(riscv_io_over_plic, false, -EINVAL, "memory[1] (0xc200000+0x1000) covers the PLIC (the hypervisor emulates it) at 0xc000000",
	NAME_CPU("b", "2"), RV_RAM "," REGION("0x0c200000", "0x0c200000", "4K", "\"read\", \"write\", \"io\"") "]");
RV_RULE(riscv_io_from_root_io, false, 0, "",
	NAME_CPU("b", "2"), RV_RAM "," REGION("0x10008000", "0x10008000", "4K", "\"read\", \"write\", \"io\"") "]");
RV_RULE(riscv_sbi_console_is_the_hypervisors, false, -EINVAL,
	"console.type: the SBI console is the hypervisor's (debug_console)",
	NAME_CPU("b", "2"), RV_RAM "]", "\"console\": \"sbi\"");
#define X86_RAM "\"memory\": [" REGION("0x31000000", "0x100000", "1M", RWXL)
#define X86_IO(phys) REGION(phys, phys, "4K", "\"read\", \"write\", \"io\"")
X86_RULE(x86_cell, false, 0, "", NAME_CPU("b", "2"), X86_RAM "]");
X86_RULE(x86_first_and_last_pin, false, 0, "",
	 NAME_CPU("b", "2"), X86_RAM "]", "\"interrupts\": [0, 23]");
X86_RULE(x86_past_last_pin, false, -EINVAL, "interrupts[0]: 22-24 is outside the IOAPIC's pins 0-23",
	 NAME_CPU("b", "2"), X86_RAM "]", "\"interrupts\": [\"22-24\"]");
X86_RULE(x86_alone_past_any_ioapic, true, -EINVAL, "interrupts[0]: 240-240 is outside the IOAPIC's pins 0-239",
	 NAME_CPU("b", "2"), X86_RAM "]", "\"interrupts\": [240]");
X86_RULE(x86_alone_last_of_any_ioapic, true, 0, "",
	 NAME_CPU("b", "2"), X86_RAM "]", "\"interrupts\": [239]");
X86_RULE(x86_io_over_ioapic, false, -EINVAL,
	 "memory[1] (0xfec00000+0x1000) covers the IOAPIC (the hypervisor emulates it) at 0xfec00000",
	 NAME_CPU("b", "2"), X86_RAM "," X86_IO("0xfec00000") "]");
X86_RULE(x86_io_over_lapic, false, -EINVAL,
	 "memory[1] (0xfee00000+0x1000) covers the local APICs (the hypervisor's) at 0xfee00000",
	 NAME_CPU("b", "2"), X86_RAM "," X86_IO("0xfee00000") "]");
X86_RULE(x86_io_from_root_io, false, 0, "", NAME_CPU("b", "2"), X86_RAM "," X86_IO("0xfebf8000") "]");
X86_RULE(x86_io_beside_ioapic, false, -EINVAL, "memory[1] (0xfec01000+0x1000) is not io memory of the root cell",
	 NAME_CPU("b", "2"), X86_RAM "," X86_IO("0xfec01000") "]");
X86_RULE(x86_8250_console_is_the_hypervisors, false, -EINVAL,
	 "console.type: an 8250 at I/O ports is the hypervisor's (debug_console); a cell writes through its hypercall console",
	 NAME_CPU("b", "2"), X86_RAM "]", "\"console\": { \"type\": \"8250-pio\", \"address\": \"0x2f8\" }");
RULE(hypercall_console_with_address, false, -EINVAL, "console.address 0x9000000 given for a console without a UART",
     NAME_CPU("b", "2"), RAM_AT("0x72000000"),
     "\"console\": { \"type\": \"hypercall\", \"address\": \"0x09000000\" }");

TEST_F(cell_rule, checked_against_system_and_cells)
{
	const struct axvm_cell_desc *cells[1] = {
		&((struct axvm_cell_config *)rtos_blob.data)->cell,
	};
	struct axvm_check_context ctx = {
		.system = variant->riscv ? riscv_system_blob.data :
			  variant->x86 ? x86_system_blob.data : system_blob.data,
		.cells = cells, .num_cells = variant->rtos_exists ? 1 : 0,
	};
	struct config_blob blob;
	struct messages m;
	struct axvm_report r;
	int err;

	if (variant->alone)
		ctx.system = NULL;
	ASSERT_EQ(0, convert(variant->json, &blob, &m)) TH_LOG("%s", m.text);
	r = reporter(&m);
	err = axvm_check_cell_config(blob.data, blob.size, variant->riscv ?
				     AXVM_ARCH_RISCV64 : variant->x86 ?
				     AXVM_ARCH_X86_64 : AXVM_ARCH_ARM64, &ctx, &r);
	expect_outcome(_metadata, variant->expected, variant->message, err, &m);
	free(blob.data);
}

/* ---- the blob itself, where JSON cannot go ------------------------------ */

FIXTURE(blob_rule) {
	struct config_blob blob;
	unsigned char *data;
};
FIXTURE_VARIANT(blob_rule) {
	bool system;
	void (*mutate)(unsigned char *data, unsigned long long *size);
	int expected;
	const char *message;
	bool riscv;	/* the riscv64 system config */
	bool x86;	/* the x86_64 system config */
};
#define BLOB(_name, _sys, _err, _msg, body)				\
	static void blob_##_name(unsigned char *d, unsigned long long *size) \
	{								\
		struct axvm_system_config *s = (void *)d;		\
		struct axvm_cell_config *c = (void *)d;			\
		(void)s; (void)c; (void)size; body;			\
	}								\
	FIXTURE_VARIANT_ADD(blob_rule, _name) {				\
		.system = _sys, .mutate = blob_##_name, .expected = _err, \
		.message = _msg,					\
	}

BLOB(intact_system, true, 0, "", );
BLOB(intact_cell, false, 0, "", );
BLOB(abi_revision, true, -EINVAL, "abi_revision is 1, this side speaks 4", s->header.abi_revision = 1);
BLOB(arch, false, -EINVAL, "config is for riscv64 (arch 3), expected arm64", c->header.arch = AXVM_ARCH_RISCV64);
BLOB(magic, false, -EINVAL, "bad magic: not an axvm cell config", c->header.magic[7] = '!');
BLOB(kind, true, -EINVAL, "this is a cell config, not a system config", memcpy(s->header.magic, AXVM_CELL_MAGIC, 8));
BLOB(truncated, false, -EINVAL, "total_size is 184 but the blob has 183 bytes", *size -= 1);
BLOB(shorter_than_header, false, -EINVAL, "cell config is 10 bytes, shorter than its header", *size = 10);
BLOB(oversized, false, -E2BIG, "cell config is 1048577 bytes, the limit is 1048576", *size = AXVM_CONFIG_MAX_SIZE + 1);
BLOB(count_overflow, false, -EINVAL, "num_memory_regions is 4294967295, at most 64", c->cell.num_memory_regions = 0xffffffff);
BLOB(irq_count_overflow, true, -EINVAL, "root_cell.num_irq_ranges is 268435457, at most 64", s->root_cell.num_irq_ranges = 0x10000001);
BLOB(count_and_size_disagree, false, -EINVAL, "1 memory regions and 2 interrupt ranges need 200 bytes, the blob has 184", c->cell.num_irq_ranges = 2);
/* No CPUs at all: said once, not as CPUs 0-4294967295. */
BLOB(machine_without_cpus, true, -EINVAL, "root_cell.cpus: CPU 0 does not exist (platform.cpus is 0)",
     s->system.platform.num_cpus = 0);
BLOB(region_wraps, false, -EINVAL, "plus size 0x1000000 overflows",
     axvm_cell_memory_regions(&c->cell)[0].phys_start = 0xffffffffff800000ull);
BLOB(region_unknown_flag, false, -EINVAL, "memory[0].flags 0x80000037 has unknown bits 0x80000000",
     axvm_cell_memory_regions(&c->cell)[0].flags |= 0x80000000u);
BLOB(region_reserved, false, -EINVAL, "memory[0].reserved is 0x1", axvm_cell_memory_regions(&c->cell)[0].reserved = 1);
BLOB(irq_reserved, false, -EINVAL, "interrupts[0].reserved is 0x2", axvm_cell_irq_ranges(&c->cell)[0].reserved = 2);
BLOB(header_reserved, false, -EINVAL, "header reserved is 0x4", c->header.reserved = 4);
BLOB(cell_reserved, false, -EINVAL, "reserved[2] is 0x1, must be 0", c->cell.reserved[2] = 1);
BLOB(console_reserved, false, -EINVAL, "console.reserved is 0x1", c->cell.console.reserved = 1);
BLOB(platform_reserved, true, -EINVAL, "platform.gic.reserved[0] is 0x1", s->system.platform.arch.gicv3.reserved[0] = 1);
BLOB(system_reserved, true, -EINVAL, "reserved[0] is 0x1, must be 0", s->system.reserved[0] = 1);
BLOB(name_unterminated, false, -EINVAL, "name is not NUL-terminated within 32 bytes",
     memset(c->cell.name, 'x', sizeof(c->cell.name)));
BLOB(gicr_too_small, true, -EINVAL, "platform.gic.redistributor_size 0x20000 must be a multiple of 64 KiB holding 0x20000 bytes per CPU for 4 CPUs",
     s->system.platform.arch.gicv3.gicr_size = 0x20000);
BLOB(hypervisor_wraps, true, -EINVAL, "hypervisor.memory: phys 0xfffffffffff00000",
     s->system.hypervisor_phys = 0xfffffffffff00000ull);
BLOB(root_region_over_hypervisor, true, -EINVAL, "root_cell.memory[1] (0x70000000+0xfc00000) overlaps the hypervisor's memory",
     axvm_cell_memory_regions(&s->root_cell)[1].phys_start = 0x70000000;
     axvm_cell_memory_regions(&s->root_cell)[1].virt_start = 0x70000000);
BLOB(root_region_over_distributor, true, -EINVAL,
     "root_cell.memory[2] (0x8000000+0x1040000) covers the GIC distributor",
     axvm_cell_memory_regions(&s->root_cell)[2].phys_start = 0x08000000;
     axvm_cell_memory_regions(&s->root_cell)[2].virt_start = 0x08000000;
     axvm_cell_memory_regions(&s->root_cell)[2].size = 0x1040000);
BLOB(root_not_identity, true, -EINVAL, "root_cell.memory[0]: the root cell is identity-mapped",
     axvm_cell_memory_regions(&s->root_cell)[0].virt_start = 0);

/* A change to the riscv64 system config, where @plic is its PLIC. */
#define RV_BLOB(_name, _err, _msg, body)				\
	static void blob_##_name(unsigned char *d, unsigned long long *size) \
	{								\
		struct axvm_system_config *s = (void *)d;		\
		struct axvm_plic *plic = &s->system.platform.arch.plic;	\
		(void)plic; (void)size; body;				\
	}								\
	FIXTURE_VARIANT_ADD(blob_rule, _name) {				\
		.system = true, .riscv = true, .mutate = blob_##_name,	\
		.expected = _err, .message = _msg,			\
	}
#define RV_ROOT_MEM(i) axvm_cell_memory_regions(&s->root_cell)[i]

RV_BLOB(intact_riscv64_system, 0, "", );
RV_BLOB(plic_base_zero, -EINVAL, "platform.plic: base 0x0 and size 0x600000 must be non-zero multiples of the page size", plic->base = 0);
RV_BLOB(plic_base_unaligned, -EINVAL, "platform.plic: base 0xc000800 and size 0x600000 must be non-zero multiples", plic->base = 0x0c000800);
RV_BLOB(plic_base_next_page, 0, "", plic->base = 0x0c001000);
RV_BLOB(plic_size_unaligned, -EINVAL, "base 0xc000000 and size 0x600800 must be", plic->size = 0x600800);
RV_BLOB(plic_size_short_of_last_context, -EINVAL,
	"platform.plic.size 0x207000 ends before the registers of CPU 3's S-mode context (context 7, at 0xc000000+0x207000): it needs at least 0x208000",
	plic->size = 0x207000);
RV_BLOB(plic_size_up_to_last_context, 0, "", plic->size = 0x208000);
RV_BLOB(plic_no_sources, -EINVAL, "platform.plic.sources is 0, expected 1 to 1023", plic->num_sources = 0);
RV_BLOB(plic_too_many_sources, -EINVAL, "platform.plic.sources is 1024, expected 1 to 1023", plic->num_sources = 1024);
RV_BLOB(plic_most_sources, 0, "", plic->num_sources = 1023);
RV_BLOB(plic_no_contexts, -EINVAL, "platform.plic.hart_contexts is 0", plic->hart_contexts = 0);
RV_BLOB(plic_s_context_outside_hart, -EINVAL, "platform.plic.s_context 2 is not one of a hart's 2 contexts (0-1)", plic->s_context = 2);
RV_BLOB(plic_s_context_only, 0, "", plic->hart_contexts = 1; plic->s_context = 0);
RV_BLOB(plic_too_many_contexts, -EINVAL, "platform.plic: 4 CPUs with 3969 contexts each are 15876 contexts, a PLIC has at most 15872",
	plic->hart_contexts = 3969; plic->size = 0x4000000);
RV_BLOB(plic_most_contexts, 0, "", plic->hart_contexts = 3968; plic->size = 0x4000000);
RV_BLOB(plic_timebase_zero, -EINVAL, "platform.timebase_frequency is 0", plic->timebase_hz = 0);
RV_BLOB(plic_reserved0, -EINVAL, "platform.plic.reserved0 is 0x1, must be 0", plic->reserved0 = 1);
RV_BLOB(plic_reserved, -EINVAL, "platform.plic.reserved[0] is 0x2, must be 0", plic->reserved[0] = 2);
RV_BLOB(gic_on_riscv64, -EINVAL, "platform.irqchip is 3: a riscv64 machine has a PLIC (16)",
	s->system.platform.irqchip = AXVM_IRQCHIP_GICV3);
RV_BLOB(pl011_on_riscv64, -EINVAL, "debug_console.type: a PL011 console is arm64's, this config is for riscv64",
	s->system.debug_console.type = AXVM_CONSOLE_PL011;
	s->system.debug_console.address = 0x10000000);
RV_BLOB(sbi_console_with_address, -EINVAL, "debug_console.address 0x10000000 given for a console without a UART",
	s->system.debug_console.address = 0x10000000);
RV_BLOB(no_debug_console_on_riscv64, 0, "", s->system.debug_console.type = AXVM_CONSOLE_NONE);
RV_BLOB(root_region_over_plic, -EINVAL, "root_cell.memory[2] (0xc5ff000+0x9000) covers the PLIC (the hypervisor emulates it) at 0xc000000",
	RV_ROOT_MEM(2).phys_start = RV_ROOT_MEM(2).virt_start = 0x0c5ff000);
RV_BLOB(root_region_after_plic, 0, "",
	RV_ROOT_MEM(2).phys_start = RV_ROOT_MEM(2).virt_start = 0x0c600000);
/* A change to the x86_64 system config, where @io is its platform. */
#define X86_BLOB(_name, _err, _msg, body)				\
	static void blob_##_name(unsigned char *d, unsigned long long *size) \
	{								\
		struct axvm_system_config *s = (void *)d;		\
		struct axvm_ioapic *io = &s->system.platform.arch.ioapic; \
		struct axvm_console *con = &s->system.debug_console;	\
		(void)io; (void)con; (void)size; body;			\
	}								\
	FIXTURE_VARIANT_ADD(blob_rule, _name) {				\
		.system = true, .x86 = true, .mutate = blob_##_name,	\
		.expected = _err, .message = _msg,			\
	}
#define X86_ROOT_MEM(i) axvm_cell_memory_regions(&s->root_cell)[i]

X86_BLOB(intact_x86_64_system, 0, "", );
X86_BLOB(ioapic_base_zero, -EINVAL, "platform.ioapic.base 0x0 must be a non-zero multiple of the page size (0x1000)",
	 io->ioapic_base = 0);
X86_BLOB(ioapic_base_unaligned, -EINVAL, "platform.ioapic.base 0xfec00400 must be a non-zero multiple of the page size",
	 io->ioapic_base = 0xfec00400);
X86_BLOB(ioapic_base_next_page, 0, "", io->ioapic_base = 0xfec01000);
X86_BLOB(lapic_base_zero, -EINVAL, "platform.lapic.base 0x0 must be a non-zero multiple of the page size (0x1000)",
	 io->lapic_base = 0);
X86_BLOB(lapic_base_unaligned, -EINVAL, "platform.lapic.base 0xfee00800 must be a non-zero multiple",
	 io->lapic_base = 0xfee00800);
X86_BLOB(ioapic_at_lapic, -EINVAL,
	 "platform.ioapic.base and platform.lapic.base are both 0xfee00000: the IOAPIC and the local APICs are two devices",
	 io->ioapic_base = 0xfee00000);
X86_BLOB(ioapic_no_pins, -EINVAL, "platform.ioapic.pins is 0, expected 1 to 240", io->ioapic_pins = 0);
X86_BLOB(ioapic_too_many_pins, -EINVAL, "platform.ioapic.pins is 241, expected 1 to 240", io->ioapic_pins = 241);
X86_BLOB(ioapic_most_pins, 0, "", io->ioapic_pins = 240);
X86_BLOB(ioapic_one_pin, 0, "", io->ioapic_pins = 1);
X86_BLOB(ioapic_reserved, -EINVAL, "platform.ioapic.reserved[6] is 0x3, must be 0", io->reserved[6] = 3);
X86_BLOB(gic_on_x86_64, -EINVAL, "platform.irqchip is 3: an x86_64 machine has local APICs and an IOAPIC (32)",
	 s->system.platform.irqchip = AXVM_IRQCHIP_GICV3);
X86_BLOB(uart_port_zero, -EINVAL,
	 "debug_console.address 0x0: an 8250 at I/O ports needs its base port, 0x1 to 0xfff8 (COM1 is 0x3f8)",
	 con->address = 0);
X86_BLOB(uart_port_past_the_end, -EINVAL, "debug_console.address 0xfff9: an 8250 at I/O ports needs its base port",
	 con->address = 0xfff9);
X86_BLOB(uart_port_last, 0, "", con->address = 0xfff8);
X86_BLOB(uart_at_an_address, -EINVAL, "debug_console.address 0xfed00000: an 8250 at I/O ports needs its base port",
	 con->address = 0xfed00000);
X86_BLOB(pl011_on_x86_64, -EINVAL, "debug_console.type: a PL011 console is arm64's, this config is for x86_64",
	 con->type = AXVM_CONSOLE_PL011; con->address = 0x09000000);
X86_BLOB(sbi_on_x86_64, -EINVAL, "debug_console.type: the SBI console is riscv64's, this config is for x86_64",
	 con->type = AXVM_CONSOLE_SBI; con->address = 0);
X86_BLOB(no_debug_console_on_x86_64, 0, "", con->type = AXVM_CONSOLE_NONE; con->address = 0);
X86_BLOB(root_region_over_ioapic, -EINVAL,
	 "root_cell.memory[2] (0x40000000+0xbec01000) covers the IOAPIC (the hypervisor emulates it) at 0xfec00000",
	 X86_ROOT_MEM(2).size += 0x1000);
X86_BLOB(root_region_over_lapic, -EINVAL,
	 "root_cell.memory[3] (0xfee00000+0x1000) covers the local APICs (the hypervisor's) at 0xfee00000",
	 X86_ROOT_MEM(3).phys_start = X86_ROOT_MEM(3).virt_start = 0xfee00000);
X86_BLOB(root_region_after_lapic, 0, "",
	 X86_ROOT_MEM(3).phys_start = X86_ROOT_MEM(3).virt_start = 0xfee01000);
BLOB(eight250_on_arm64, true, -EINVAL, "debug_console.type: an 8250 at I/O ports is x86_64's, this config is for arm64",
     s->system.debug_console.type = AXVM_CONSOLE_8250_PIO; s->system.debug_console.address = 0x3f8);
BLOB(ioapic_on_arm64, true, -EINVAL, "platform.gic.version is 32, only GICv3 (3) is supported",
     s->system.platform.irqchip = AXVM_IRQCHIP_IOAPIC);
BLOB(sbi_console_on_arm64, true, -EINVAL, "debug_console.type: the SBI console is riscv64's, this config is for arm64",
     s->system.debug_console.type = AXVM_CONSOLE_SBI; s->system.debug_console.address = 0);
BLOB(plic_on_arm64, true, -EINVAL, "platform.gic.version is 16, only GICv3 (3) is supported",
     s->system.platform.irqchip = AXVM_IRQCHIP_PLIC);

FIXTURE_SETUP(blob_rule)
{
	load_references(_metadata);
	self->blob = variant->riscv ? riscv_system_blob :
		     variant->x86 ? x86_system_blob :
		     variant->system ? system_blob : rtos_blob;
	self->data = calloc(1, AXVM_CONFIG_MAX_SIZE + 1);
	ASSERT_NE(NULL, self->data);
	memcpy(self->data, self->blob.data, self->blob.size);
}
FIXTURE_TEARDOWN(blob_rule) { free(self->data); }

TEST_F(blob_rule, is_checked)
{
	unsigned long long size = self->blob.size;
	struct messages m;
	struct axvm_report r = reporter(&m);
	__u32 arch = variant->riscv ? AXVM_ARCH_RISCV64 :
		     variant->x86 ? AXVM_ARCH_X86_64 : AXVM_ARCH_ARM64;
	int err;

	variant->mutate(self->data, &size);
	if (variant->system)
		err = axvm_check_system_config(self->data, size, arch, &r);
	else
		err = axvm_check_cell_config(self->data, size, arch, NULL, &r);
	expect_outcome(_metadata, variant->expected, variant->message, err, &m);
}

TEST_HARNESS_MAIN
