// SPDX-License-Identifier: GPL-2.0
/*
 * Talking to /dev/axvm.
 *
 * The driver explains each refusal in one kernel log line starting with
 * "axvm: ". A bare errno tells a user little, so when a command fails we
 * read the lines the driver logged meanwhile from /dev/kmsg and print them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "axvm-ctl.h"

#define DEVICE_PATH "/dev/axvm"

int device_open(void)
{
	int fd = open(DEVICE_PATH, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	switch (errno) {
	case ENOENT:
		error("%s does not exist: load the driver first (modprobe axvm, or insmod axvm.ko)",
		      DEVICE_PATH);
		break;
	case EACCES:
	case EPERM:
		error("%s: permission denied: axvm-ctl needs root (CAP_SYS_ADMIN)",
		      DEVICE_PATH);
		break;
	default:
		error("%s: %s", DEVICE_PATH, strerror(errno));
	}
	return -1;
}

static int kmsg_open_at_end(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/* Print the driver's messages logged since kmsg_open_at_end(). */
static void kmsg_print_driver_lines(int fd)
{
	char rec[1024];
	ssize_t n;

	while ((n = read(fd, rec, sizeof(rec) - 1)) > 0 || (n < 0 && errno == EPIPE)) {
		char *msg;

		if (n <= 0)
			continue;	/* EPIPE: records were overwritten */
		rec[n] = '\0';
		/* "prio,seq,time,flags;message\n" */
		msg = strchr(rec, ';');
		if (!msg || strncmp(msg + 1, "axvm: ", 6))
			continue;
		msg[strcspn(msg, "\n")] = '\0';
		fprintf(stderr, "  %s\n", msg + 1);
	}
}

/**
 * device_ioctl() - issue one command and explain a failure
 * @fd:   from device_open().
 * @cmd:  AXVM_IOCTL_*.
 * @arg:  its argument.
 * @what: the verb, for the message.
 *
 * Return: the ioctl's result; on failure errno is kept.
 */
int device_ioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	int kmsg = kmsg_open_at_end();
	int ret, err;

	ret = ioctl(fd, cmd, arg);
	err = errno;
	if (ret < 0) {
		error("%s: %s", what, strerror(err));
		if (kmsg >= 0)
			kmsg_print_driver_lines(kmsg);
	}
	if (kmsg >= 0)
		close(kmsg);
	errno = err;
	return ret;
}
