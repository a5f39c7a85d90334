// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The firmware image check. Plain C without any library: each side compiles
 * this file into itself (see firmware_check.h).
 */
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/check_helpers.h>
#include <axvm/errno.h>
#include <axvm/firmware_check.h>

/*
 * How the entry must be aligned: arm64's bootstrap vectors are installed
 * as VBAR_EL2 (2 KiB); elsewhere it is an instruction (4 bytes).
 */
static __u64 entry_alignment(__u32 arch)
{
	return arch == AXVM_ARCH_ARM64 ? 2048 : 4;
}

int axvm_firmware_check(const void *image, __u64 size, __u32 arch,
			struct axvm_report *report)
{
	const struct axvm_firmware_header *hdr = image;
	unsigned int i;
	int bad = 0;

	if (size < sizeof(*hdr)) {
		axvm_report_error(report,
			      "image is %llu bytes, smaller than its %u-byte header",
			      (unsigned long long)size, (unsigned int)sizeof(*hdr));
		return -ENOEXEC;
	}
	if (!axvm_bytes_equal(hdr->magic, AXVM_FIRMWARE_MAGIC,
			 AXVM_FIRMWARE_MAGIC_SIZE)) {
		axvm_report_error(report,
			      "bad magic: not an axvm firmware image (expected \"%s\" at offset 0)",
			      AXVM_FIRMWARE_MAGIC);
		return -ENOEXEC;
	}
	if (hdr->abi_revision != AXVM_ABI_REVISION) {
		axvm_report_error(report,
			      "abi_revision is %u, this side speaks %u: driver, firmware and tools must come from the same build",
			      hdr->abi_revision, AXVM_ABI_REVISION);
		return -ENOEXEC;
	}
	if (hdr->arch != arch) {
		axvm_report_error(report, "built for %s (arch %u), this machine is %s",
			      axvm_arch_name(hdr->arch), hdr->arch,
			      axvm_arch_name(arch));
		bad = 1;
	}
	if (hdr->header_size != sizeof(*hdr)) {
		axvm_report_error(report, "header_size is %u, expected %u",
			      hdr->header_size, (unsigned int)sizeof(*hdr));
		bad = 1;
	}
	if (hdr->image_size != size) {
		axvm_report_error(report,
			      "image_size is %llu but the file has %llu bytes (truncated or padded?)",
			      (unsigned long long)hdr->image_size,
			      (unsigned long long)size);
		bad = 1;
	}
	if (hdr->memory_size < hdr->image_size ||
	    hdr->memory_size > AXVM_FIRMWARE_MAX_SIZE) {
		axvm_report_error(report,
			      "memory_size is %llu, expected between image_size (%llu) and %u",
			      (unsigned long long)hdr->memory_size,
			      (unsigned long long)hdr->image_size,
			      AXVM_FIRMWARE_MAX_SIZE);
		bad = 1;
	}
	if (hdr->entry_offset < sizeof(*hdr) ||
	    hdr->entry_offset >= hdr->image_size ||
	    (hdr->entry_offset & (entry_alignment(arch) - 1))) {
		axvm_report_error(report,
			      "entry_offset 0x%llx is outside the image or not %llu-byte aligned",
			      (unsigned long long)hdr->entry_offset,
			      (unsigned long long)entry_alignment(arch));
		bad = 1;
	}
	if (hdr->config_offset < hdr->memory_size ||
	    hdr->config_offset > AXVM_FIRMWARE_MAX_SIZE ||
	    (hdr->config_offset & 0xfff)) {
		axvm_report_error(report,
				  "config_offset 0x%llx is not a page-aligned offset after the image's memory",
				  (unsigned long long)hdr->config_offset);
		bad = 1;
	}
	if (hdr->max_cpus == 0) {
		axvm_report_error(report, "max_cpus is 0");
		bad = 1;
	}
	if (!axvm_string_terminated(hdr->version, sizeof(hdr->version))) {
		axvm_report_error(report, "version string is not NUL-terminated");
		bad = 1;
	}
	for (i = 0; i < sizeof(hdr->reserved) / sizeof(hdr->reserved[0]); i++) {
		if (hdr->reserved[i]) {
			axvm_report_error(report, "reserved[%u] is 0x%llx, must be 0",
				      i, (unsigned long long)hdr->reserved[i]);
			bad = 1;
		}
	}
	return bad ? -ENOEXEC : 0;
}
