// SPDX-License-Identifier: GPL-2.0
/* Reading the device tree from /sys/firmware/devicetree/base (devicetree.h). */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devicetree.h"

const char *sysroot = "";

const char *dt_base(void)
{
	static char base[PATH_MAX];

	snprintf(base, sizeof(base), "%s/sys/firmware/devicetree/base", sysroot);
	return base;
}

int dt_prop(const char *node, const char *prop, void *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	if (snprintf(path, sizeof(path), "%s%s/%s", dt_base(), strcmp(node, "/") ? node : "",
		     prop) >= (int)sizeof(path))
		return -1;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size);
	close(fd);
	return n < 0 ? -1 : (int)n;
}

bool dt_has_prop(const char *node, const char *prop)
{
	char c;

	return dt_prop(node, prop, &c, 1) >= 0;
}

const char *dt_string(const char *node, const char *prop, char *buf, size_t size)
{
	int n = dt_prop(node, prop, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

bool dt_strings_have(const char *node, const char *prop, const char *s)
{
	char list[1024];
	int n = dt_prop(node, prop, list, sizeof(list) - 1);

	/* A list of NUL-terminated strings. */
	for (int i = 0; i < n; i += (int)strlen(list + i) + 1) {
		list[n] = '\0';
		if (!strcmp(list + i, s))
			return true;
	}
	return false;
}

bool dt_compatible(const char *node, const char *compat)
{
	return dt_strings_have(node, "compatible", compat);
}

struct phandle_search {
	uint32_t phandle;
	char *path;
	size_t size;
	bool found;
};

static bool match_phandle(const char *node, void *arg)
{
	struct phandle_search *s = arg;
	uint8_t b[4];

	if (!s->found && dt_prop(node, "phandle", b, 4) == 4 &&
	    dt_read_cells(b, 1) == s->phandle) {
		snprintf(s->path, s->size, "%s", node);
		s->found = true;
	}
	return !s->found;
}

bool dt_find_phandle(uint32_t phandle, char *path, size_t size)
{
	struct phandle_search s = { phandle, path, size, false };

	dt_walk("/", match_phandle, &s);
	return s.found;
}

bool dt_enabled(const char *node)
{
	char status[32];

	dt_string(node, "status", status, sizeof(status));
	return !*status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

void dt_parent(const char *node, char *parent, size_t size)
{
	const char *slash = strrchr(node, '/');
	size_t len = slash && slash != node ? (size_t)(slash - node) : 1;

	snprintf(parent, size, "%.*s", (int)len, node);
}

unsigned int dt_address_cells(const char *node)
{
	return (unsigned int)dt_number(node, "#address-cells", 2);
}

unsigned int dt_size_cells(const char *node)
{
	return (unsigned int)dt_number(node, "#size-cells", 1);
}

uint64_t dt_read_cells(const void *cells, unsigned int n)
{
	const uint8_t *p = cells;
	uint64_t v = 0;

	for (unsigned int i = 0; i < n; i++, p += 4)
		v = v << 32 | (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 |
		    (uint64_t)p[2] << 8 | p[3];
	return v;
}

uint64_t dt_number(const char *node, const char *prop, uint64_t def)
{
	uint8_t b[8];
	int n = dt_prop(node, prop, b, sizeof(b));

	return n == 4 || n == 8 ? dt_read_cells(b, (unsigned int)n / 4) : def;
}

int dt_translate(const char *bus, uint64_t addr, uint64_t *out)
{
	static uint8_t ranges[4096];
	char cur[PATH_MAX], parent[PATH_MAX];
	unsigned int ca, pa, cs, entry;
	int len;

	snprintf(cur, sizeof(cur), "%s", bus);
	while (strcmp(cur, "/")) {
		dt_parent(cur, parent, sizeof(parent));
		len = dt_prop(cur, "ranges", ranges, sizeof(ranges));
		if (len < 0)
			return -1;	/* not a memory-mapped bus */
		if (len > 0) {
			ca = dt_address_cells(cur);
			cs = dt_size_cells(cur);
			pa = dt_address_cells(parent);
			entry = (ca + pa + cs) * 4;
			for (int i = 0; i + (int)entry <= len; i += (int)entry) {
				uint64_t child = dt_read_cells(ranges + i, ca);
				uint64_t to = dt_read_cells(ranges + i + ca * 4, pa);
				uint64_t size = dt_read_cells(ranges + i + (ca + pa) * 4, cs);

				if (addr >= child && addr - child < size) {
					addr = to + (addr - child);
					goto next;
				}
			}
			return -1;	/* the bus does not pass it on */
		}
next:
		memcpy(cur, parent, sizeof(cur));
	}
	*out = addr;
	return 0;
}

int dt_reg(const char *node, unsigned int index, uint64_t *addr, uint64_t *size)
{
	uint8_t reg[1024];
	char parent[PATH_MAX];
	unsigned int ac, sc, entry;
	int len;

	dt_parent(node, parent, sizeof(parent));
	ac = dt_address_cells(parent);
	sc = dt_size_cells(parent);
	entry = (ac + sc) * 4;
	len = dt_prop(node, "reg", reg, sizeof(reg));
	if (len < 0 || !entry || (index + 1) * entry > (unsigned int)len)
		return 0;
	*size = dt_read_cells(reg + index * entry + ac * 4, sc);
	return dt_translate(parent, dt_read_cells(reg + index * entry, ac), addr) ? -1 : 1;
}

static void walk(char *path, size_t len, bool (*fn)(const char *, void *), void *arg)
{
	char dir[PATH_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s%s", dt_base(), path);
	d = opendir(dir);
	while (d && (e = readdir(d))) {
		struct stat st;
		char full[PATH_MAX];

		if (e->d_name[0] == '.' || len + 1 + strlen(e->d_name) >= PATH_MAX ||
		    snprintf(full, sizeof(full), "%s/%s", dir, e->d_name) >= (int)sizeof(full))
			continue;
		if (lstat(full, &st) || !S_ISDIR(st.st_mode))
			continue;	/* a property */
		snprintf(path + len, PATH_MAX - len, "%s%s", len == 1 ? "" : "/", e->d_name);
		if (fn(path, arg))
			walk(path, strlen(path), fn, arg);
		path[len] = '\0';
	}
	if (d)
		closedir(d);
}

void dt_walk(const char *node, bool (*fn)(const char *path, void *arg), void *arg)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s", node);
	walk(path, strlen(path), fn, arg);
}
