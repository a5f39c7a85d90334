# SPDX-License-Identifier: GPL-2.0
# Host unit tests of pure code: each tests/unit/test_NAME.c is a kselftest
# program linked with the pieces it tests, built with sanitizers.

UNIT_OUT := $(HOST_OUT)/unit
UNIT_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-format-zero-length -D_GNU_SOURCE \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-I$(TOP)/include -I$(TOP)/hypervisor/include -I$(TOP)/lib/include -I$(TOP)/tools \
	-isystem $(KSELFTEST_INC)

# test name -> the sources it links
UNIT_SRCS_format := $(TOP)/lib/format.c
UNIT_SRCS_firmware_check := $(TOP)/tests/unit/firmware_check.c
UNIT_SRCS_config := $(addprefix $(TOP)/tools/,$(TOOL_CONFIG_SRCS))
UNIT_LIBS_config := -ljson-c
UNIT_SRCS_paging := $(TOP)/hypervisor/paging.c
UNIT_SRCS_page_pool := $(TOP)/hypervisor/page_pool.c
UNIT_SRCS_ranges := $(TOP)/tools/ranges.c
UNIT_SRCS_acpi := $(TOP)/tools/acpi.c $(TOP)/tools/devicetree.c
UNIT_SRCS_x86_decode := $(TOP)/arch/x86/mmio_decode.c
# an arch's pure code, with its own headers
UNIT_CFLAGS_x86_decode := -I$(TOP)/arch/x86/include
UNIT_SRCS_riscv_decode := $(TOP)/arch/riscv/mmio_decode.c
UNIT_CFLAGS_riscv_decode := -I$(TOP)/arch/riscv/include

UNIT_TESTS := $(basename $(notdir $(wildcard $(TOP)/tests/unit/test_*.c)))
UNIT_BINS := $(addprefix $(UNIT_OUT)/,$(UNIT_TESTS))

unit: $(UNIT_BINS)

.SECONDEXPANSION:
$(UNIT_OUT)/test_%: $(TOP)/tests/unit/test_%.c $$(UNIT_SRCS_$$*) $(DEPS_MK) \
		$(wildcard $(TOP)/include/axvm/* $(TOP)/tools/*.h $(TOP)/tests/unit/*.h)
	@mkdir -p $(@D)
	$(Q)gcc $(UNIT_CFLAGS) $(UNIT_CFLAGS_$*) -o $@ $< $(UNIT_SRCS_$*) $(UNIT_LIBS_$*)
