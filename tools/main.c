// SPDX-License-Identifier: GPL-2.0
/*
 * axvm-ctl: the command-line tool of axvm. Finds the verb (one or two
 * words) in the table and runs it.
 */
#include <stdio.h>
#include <string.h>

#include <axvm/abi.h>

#include "axvm-ctl.h"

static const struct verb *const verbs[] = {
	&verb_enable,
	&verb_disable,
	&verb_info,
	&verb_cell_create,
	&verb_cell_load,
	&verb_cell_start,
	&verb_cell_shutdown,
	&verb_cell_destroy,
	&verb_cell_list,
	&verb_cell_stats,
	&verb_cell_run,
	&verb_console,
	&verb_config_check,
	&verb_config_show,
	&verb_config_compile,
	&verb_config_create,
	&verb_firmware_check,
	&verb_hardware_check,
};

static void print_verbs(FILE *out)
{
	fprintf(out, "usage: %s [--help] [--version] VERB [ARGS...]\n\nverbs:\n",
		progname);
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		fprintf(out, "  %-20s %s\n", verbs[i]->name, verbs[i]->summary);
	fprintf(out, "\n`%s VERB --help` tells more about each.\n", progname);
}

static void print_verb_help(const struct verb *v)
{
	printf("usage: %s %s %s\n\n%s\n%s\n", progname, v->name, v->args,
	       v->summary, v->help);
}

/* Match argv against a verb name of one or two words; 0 if no match. */
static int match_verb(const struct verb *v, int argc, char **argv)
{
	const char *space = strchr(v->name, ' ');

	if (!space)
		return strcmp(v->name, argv[0]) ? 0 : 1;
	if (argc < 2 || strncmp(v->name, argv[0], (size_t)(space - v->name)) ||
	    argv[0][space - v->name] != '\0' || strcmp(space + 1, argv[1]))
		return 0;
	return 2;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	argc--;
	argv++;
	if (argc == 0) {
		print_verbs(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h") ||
	    !strcmp(argv[0], "help")) {
		print_verbs(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[0], "--version") || !strcmp(argv[0], "version")) {
		printf("axvm-ctl %s (ABI revision %u)\n", AXVM_VERSION,
		       AXVM_ABI_REVISION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		int words = match_verb(verbs[i], argc, argv);

		if (!words)
			continue;
		/* argv[0] becomes the verb's last word */
		argc -= words - 1;
		argv += words - 1;
		if (wants_help(argc, argv)) {
			print_verb_help(verbs[i]);
			return EXIT_OK;
		}
		return verbs[i]->run(argc, argv);
	}
	error("unknown verb \"%s\"", argv[0]);
	print_verbs(stderr);
	return EXIT_USAGE;
}
