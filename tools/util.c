// SPDX-License-Identifier: GPL-2.0
/*
 * Error output and file reading for axvm-ctl.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "axvm-ctl.h"

const char *progname = "axvm-ctl";

void verror(const char *fmt, va_list args)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, args);
	fputc('\n', stderr);
}

void error(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	verror(fmt, args);
	va_end(args);
}

int usage_error(const struct verb *verb, const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "%s %s: ", progname, verb->name);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\nusage: %s %s %s\n", progname, verb->name, verb->args);
	return EXIT_USAGE;
}

/**
 * read_file() - read a whole file into memory
 * @path:     the file.
 * @max_size: larger files are refused.
 * @size:     receives the number of bytes read.
 *
 * Return: a malloc'ed buffer (one extra NUL byte after the data), or NULL
 * after an error message naming the file.
 */
void *read_file(const char *path, size_t max_size, size_t *size)
{
	struct stat st;
	char *buf = NULL;
	size_t done = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		error("%s: not a regular file", path);
		goto fail;
	}
	if ((size_t)st.st_size > max_size) {
		error("%s: %lld bytes, larger than the limit of %zu",
		      path, (long long)st.st_size, max_size);
		goto fail;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		error("%s: out of memory", path);
		goto fail;
	}
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + done, (size_t)st.st_size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			error("%s: read failed: %s", path,
			      n ? strerror(errno) : "file shrank");
			goto fail;
		}
		done += (size_t)n;
	}
	buf[done] = '\0';
	*size = done;
	close(fd);
	return buf;
fail:
	free(buf);
	close(fd);
	return NULL;
}

void print_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}
