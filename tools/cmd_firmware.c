// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl firmware check FILE: the driver's own header check, run before
 * an image is installed (and by the build on every image it makes).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <axvm/arch.h>
#include <axvm/firmware_check.h>

#include "axvm-ctl.h"
#include "config.h"

static int run(int argc, char **argv)
{
	const struct axvm_firmware_header *hdr;
	int status = EXIT_OK;

	if (argc < 2)
		return usage_error(&verb_firmware_check, "no file given");
	for (int i = 1; i < argc; i++) {
		struct axvm_report report = stderr_report(argv[i]);
		size_t size;
		void *image = read_file(argv[i], AXVM_FIRMWARE_MAX_SIZE * 2,
					&size);

		if (!image) {
			status = EXIT_INVALID;
			continue;
		}
		/* The image's own arch: a host may check a target's image. */
		hdr = image;
		if (axvm_firmware_check(image, size,
					size >= sizeof(*hdr) ? hdr->arch : 0,
					&report)) {
			status = EXIT_INVALID;
		} else {
			printf("%s: axvm firmware %s for %s, %zu bytes, %llu bytes in memory, ABI %u\n",
			       argv[i], hdr->version, axvm_arch_name(hdr->arch),
			       size, (unsigned long long)hdr->memory_size,
			       hdr->abi_revision);
		}
		free(image);
	}
	return status;
}

const struct verb verb_firmware_check = {
	.name = "firmware check",
	.args = "FILE...",
	.summary = "check firmware images as the driver would",
	.help = "Checks the header of each firmware image (magic, ABI revision,\n"
		"architecture, sizes, entry point) with the same code the driver\n"
		"runs before loading it. Exits 3 if any image is not usable.\n",
	.run = run,
};
