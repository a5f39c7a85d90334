# SPDX-License-Identifier: GPL-2.0
# axvm-ctl: built for the host (tests, `config check` on a workstation) and
# statically for the target (it runs inside the guest's initramfs).

# One file per architecture (arch.h), every one in every build: a host's
# axvm-ctl handles the configs of all of them.
TOOL_ARCH_SRCS := arch_arm64.c arch_riscv64.c arch_x86_64.c
# The config pipeline with the architectures' tables, and what the tables
# read machines with: the unit tests and the fuzzers link these too.
TOOL_CONFIG_SRCS := json_parse.c json_scan.c suggest.c config_json.c acpi.c \
	config_print.c config_check.c arch.c $(TOOL_ARCH_SRCS) devicetree.c \
	machine.c ranges.c checklist.c util.c
TOOL_SRCS := main.c device.c firmware_check.c config_file.c \
	cmd_firmware.c cmd_enable.c cmd_cell.c cmd_info.c cmd_config.c \
	cmd_hardware.c exits.c cmd_config_create.c $(TOOL_CONFIG_SRCS)
TOOL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wmissing-prototypes \
	-Wstrict-prototypes -Wshadow -Wformat=2 -D_GNU_SOURCE \
	-DAXVM_VERSION='"$(VERSION)"' -I$(TOP)/include -I$(TOP)/tools

# riscv64's libjson-c.a is trixie's (bookworm has no riscv64), compiled
# against glibc 2.41: it calls strtoll and strtoull by their C23 names,
# which bookworm's riscv64 libc (2.36) lacks. json-c parses base 10 only,
# where C23 changed nothing, so the old functions stand in for them.
TOOL_LDFLAGS_riscv64 := -Wl,--defsym=__isoc23_strtoll=strtoll \
	-Wl,--defsym=__isoc23_strtoull=strtoull

HOST_AXVM_CTL := $(HOST_OUT)/tools/axvm-ctl
TARGET_AXVM_CTL := $(OUT)/tools/axvm-ctl

tools: $(HOST_AXVM_CTL) $(TARGET_AXVM_CTL)

$(HOST_OUT)/tools/%.o: $(TOP)/tools/%.c
	@mkdir -p $(@D)
	$(Q)gcc $(TOOL_CFLAGS) -MMD -MP -c $< -o $@
$(HOST_AXVM_CTL): $(addprefix $(HOST_OUT)/tools/,$(TOOL_SRCS:.c=.o))
	$(Q)gcc -o $@ $^ -ljson-c

$(OUT)/tools/%.o: $(TOP)/tools/%.c $(DEPS_MK)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(TOOL_CFLAGS) -I$(JSONC_INC) -MMD -MP \
		-c $< -o $@
$(TARGET_AXVM_CTL): $(addprefix $(OUT)/tools/,$(TOOL_SRCS:.c=.o))
	$(Q)$(CROSS_COMPILE)gcc -static -o $@ $^ -L$(JSONC_LIB) -ljson-c \
		$(TOOL_LDFLAGS_$(ARCH))
	@echo "  TOOL     $(patsubst $(TOP)/%,%,$@)"

# The version is compiled in: follow git.
$(HOST_OUT)/tools/main.o $(OUT)/tools/main.o: $(VERSION_STAMP)

-include $(HOST_OUT)/tools/*.d $(OUT)/tools/*.d
