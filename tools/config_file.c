// SPDX-License-Identifier: GPL-2.0
/*
 * Config files for the verbs: load, convert, validate, with every message
 * on stderr naming the file.
 */
#include <stdio.h>
#include <stdlib.h>

#include <axvm/arch.h>
#include <axvm/config_check.h>

#include "axvm-ctl.h"
#include "config.h"

static void stderr_message(struct axvm_report *report, const char *fmt,
			   va_list args)
{
	fprintf(stderr, "%s: ", (const char *)report->priv);
	vfprintf(stderr, fmt, args);
	fputc('\n', stderr);
}

struct axvm_report stderr_report(const char *prefix)
{
	struct axvm_report r = { .message = stderr_message,
				 .priv = (void *)prefix };

	return r;
}

int config_load(const char *path, struct config_blob *out)
{
	struct axvm_report report = stderr_report(path);
	size_t size;
	char *text = read_file(path, AXVM_CONFIG_MAX_SIZE, &size);
	int ret;

	if (!text)
		return -1;
	ret = config_from_json(text, size, out, &report);
	free(text);
	return ret;
}

int config_check_blob(const char *name, const struct config_blob *blob,
		      const struct axvm_check_context *context)
{
	const struct axvm_config_header *h = blob->data;
	struct axvm_report report = stderr_report(name);

	if (blob->is_system)
		return axvm_check_system_config(blob->data, blob->size, h->arch,
						&report);
	return axvm_check_cell_config(blob->data, blob->size, h->arch, context,
				      &report);
}
