// SPDX-License-Identifier: GPL-2.0
/*
 * printf-style formatting without libc (see lib/format.h).
 */
#include <lib/format.h>

struct sink {
	char *buf;
	size_t size;
	size_t len;	/* what the full output would take */
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void pad(struct sink *s, char c, int count)
{
	while (count-- > 0)
		put(s, c);
}

struct spec {
	bool left;
	bool zero;
	int width;
	int precision;	/* -1: none */
};

static void put_string(struct sink *s, const char *str, const struct spec *sp)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while ((sp->precision < 0 || len < sp->precision) && str[len])
		len++;
	if (!sp->left)
		pad(s, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(s, str[i]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

static void put_number(struct sink *s, u64 value, bool negative,
		       unsigned int base, bool upper, const char *prefix,
		       const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len, prefix_len = 0;

	do {
		tmp[n++] = digits[value % base];
		value /= base;
	} while (value);

	if (negative)
		prefix = "-";
	while (prefix && prefix[prefix_len])
		prefix_len++;
	len = n + prefix_len;

	if (!sp->left && !sp->zero)
		pad(s, ' ', sp->width - len);
	for (int i = 0; i < prefix_len; i++)
		put(s, prefix[i]);
	if (!sp->left && sp->zero)
		pad(s, '0', sp->width - len);
	while (n)
		put(s, tmp[--n]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

static int parse_int(const char **fmt, va_list *args)
{
	int v = 0;

	if (**fmt == '*') {
		(*fmt)++;
		return va_arg(*args, int);
	}
	while (**fmt >= '0' && **fmt <= '9')
		v = v * 10 + (*(*fmt)++ - '0');
	return v;
}

/* Length modifier: number of 'l's (or 'z' as long), -1/-2 for h/hh. */
static int parse_length(const char **fmt)
{
	int l = 0;

	if (**fmt == 'z') {
		(*fmt)++;
		return 1;
	}
	while (**fmt == 'l' && l < 2) {
		(*fmt)++;
		l++;
	}
	while (**fmt == 'h' && l > -2) {
		(*fmt)++;
		l--;
	}
	return l;
}

static u64 fetch_unsigned(va_list *args, int length)
{
	switch (length) {
	case 2:
		return va_arg(*args, unsigned long long);
	case 1:
		return va_arg(*args, unsigned long);
	case -1:
		return (unsigned short)va_arg(*args, unsigned int);
	case -2:
		return (unsigned char)va_arg(*args, unsigned int);
	default:
		return va_arg(*args, unsigned int);
	}
}

static s64 fetch_signed(va_list *args, int length)
{
	switch (length) {
	case 2:
		return va_arg(*args, long long);
	case 1:
		return va_arg(*args, long);
	case -1:
		return (short)va_arg(*args, int);
	case -2:
		return (signed char)va_arg(*args, int);
	default:
		return va_arg(*args, int);
	}
}

static void convert(struct sink *s, char conv, int length, struct spec *sp,
		    va_list *args)
{
	s64 sv;
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		sv = fetch_signed(args, length);
		put_number(s, sv < 0 ? 0 - (u64)sv : (u64)sv, sv < 0, 10,
			   false, NULL, sp);
		break;
	case 'u':
		put_number(s, fetch_unsigned(args, length), false, 10, false,
			   NULL, sp);
		break;
	case 'x':
	case 'X':
		put_number(s, fetch_unsigned(args, length), false, 16,
			   conv == 'X', NULL, sp);
		break;
	case 'o':
		put_number(s, fetch_unsigned(args, length), false, 8, false,
			   NULL, sp);
		break;
	case 'p':
		put_number(s, (uintptr_t)va_arg(*args, void *), false, 16,
			   false, "0x", sp);
		break;
	case 's':
		put_string(s, va_arg(*args, const char *), sp);
		break;
	case 'c':
		c = (char)va_arg(*args, int);
		sp->precision = 1;
		put_string(s, &c, sp);
		break;
	case '%':
		put(s, '%');
		break;
	default:	/* unknown: print it as written so the bug is visible */
		put(s, '%');
		put(s, conv);
		break;
	}
}

size_t format_string(char *buf, size_t size, const char *fmt, va_list args)
{
	struct sink s = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		struct spec sp = { .precision = -1 };
		int length;

		if (*fmt != '%') {
			put(&s, *fmt++);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.zero = true;
			else
				break;
		}
		sp.width = parse_int(&fmt, &ap);
		if (sp.width < 0) {
			sp.left = true;
			sp.width = -sp.width;
		}
		if (*fmt == '.') {
			fmt++;
			sp.precision = parse_int(&fmt, &ap);
		}
		length = parse_length(&fmt);
		if (!*fmt)
			break;
		convert(&s, *fmt++, length, &sp, &ap);
	}
	va_end(ap);
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return s.len;
}

size_t format_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	size_t len;

	va_start(args, fmt);
	len = format_string(buf, size, fmt, args);
	va_end(args);
	return len;
}
