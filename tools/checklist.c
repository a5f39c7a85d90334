// SPDX-License-Identifier: GPL-2.0
/* `hardware check`'s items and the machine's files it reads (checklist.h). */
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "axvm-ctl.h"
#include "checklist.h"
#include "devicetree.h"

struct item {
	const char *name;
	bool ok;
	char detail[256];
	const char *fix;
};

#define MAX_ITEMS 24
static struct item items[MAX_ITEMS];
static int num_items;

void item(const char *name, bool ok, const char *fix, const char *fmt, ...)
{
	struct item *it = &items[num_items];
	va_list args;

	if (num_items == MAX_ITEMS)
		return;
	num_items++;
	it->name = name;
	it->ok = ok;
	it->fix = ok ? "" : fix;
	va_start(args, fmt);
	vsnprintf(it->detail, sizeof(it->detail), fmt, args);
	va_end(args);
}

bool print_items(bool json)
{
	bool all_ok = true;

	for (int i = 0; i < num_items; i++)
		all_ok &= items[i].ok;
	if (json) {
		printf("{\"ok\": %s, \"items\": [", all_ok ? "true" : "false");
		for (int i = 0; i < num_items; i++) {
			printf("%s{\"name\": ", i ? ", " : "");
			print_json_string(stdout, items[i].name);
			printf(", \"ok\": %s, \"detail\": ", items[i].ok ? "true" : "false");
			print_json_string(stdout, items[i].detail);
			printf(", \"fix\": ");
			print_json_string(stdout, items[i].fix);
			printf("}");
		}
		printf("]}\n");
		return all_ok;
	}
	for (int i = 0; i < num_items; i++) {
		printf("%-5s %-44s %s\n", items[i].ok ? "ok" : "FAIL", items[i].name,
		       items[i].detail);
		if (!items[i].ok)
			printf("      fix: %s\n", items[i].fix);
	}
	printf("%s\n", all_ok ? "this machine can host axvm" :
				"this machine cannot host axvm yet (see the fixes above)");
	return all_ok;
}

int file_line(const char *path, const char *needle, char *found, size_t size)
{
	char line[1024], full[PATH_MAX];
	FILE *f;
	int hit = 0;

	snprintf(full, sizeof(full), "%s%s", sysroot, path);
	f = fopen(full, "r");
	if (!f)
		return -1;
	fcntl(fileno(f), F_SETFL, O_NONBLOCK);
	while (!hit && fgets(line, sizeof(line), f))
		hit = strstr(line, needle) != NULL;
	fclose(f);
	if (hit && size)
		snprintf(found, size, "%s", strstr(line, needle));
	return hit;
}

int file_has(const char *path, const char *needle)
{
	return file_line(path, needle, NULL, 0);
}
