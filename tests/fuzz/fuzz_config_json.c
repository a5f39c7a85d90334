// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: arbitrary bytes as a JSON config. The converter must
 * never crash or leak, and whatever it accepts must go through the
 * validator and the printer without harm; a config the validator accepts
 * must print to JSON that converts back to the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axvm/arch.h>
#include <axvm/config_check.h>

#include "config.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct axvm_report report = { .message = quiet };
	struct config_blob blob, again;
	const struct axvm_config_header *h;
	char *text = NULL;
	size_t text_size = 0;
	FILE *out;
	int err;

	if (config_from_json((const char *)data, size, &blob, &report))
		return 0;
	h = blob.data;
	if (blob.is_system)
		err = axvm_check_system_config(blob.data, blob.size, h->arch, &report);
	else
		err = axvm_check_cell_config(blob.data, blob.size, h->arch, NULL,
					     &report);
	if (!err) {
		out = open_memstream(&text, &text_size);
		if (!out)
			abort();
		config_print_json(out, &blob);
		fclose(out);
		if (config_from_json(text, text_size, &again, &report))
			abort();	/* printed a config we cannot read */
		if (again.size != blob.size ||
		    memcmp(again.data, blob.data, blob.size))
			abort();	/* the round trip changed it */
		free(again.data);
		free(text);
	}
	free(blob.data);
	return 0;
}
