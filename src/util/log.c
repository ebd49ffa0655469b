/*
 * log.c - syslog or file logging (see log.h).
 *
 * Syslog is spoken directly (a datagram to /dev/log, facility mail) rather
 * than through syslog(3), so the socket can be connected before a session
 * is confined and tests can point it elsewhere ($IMAPD_SYSLOG_SOCKET).
 */
#include "util/log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static int log_fd = -1;        /* $IMAPD_LOG_FILE, or -1 for syslog */
static int syslog_fd = -1;     /* datagram socket to the syslog daemon */
static char syslog_path[108] = "/dev/log";
static bool also_stderr;
static char log_ident[32] = "imapd";

/* Connect to the syslog socket now, so that logging still works after
 * the session is confined to its mail root (privs.c). */
static void syslog_connect(void)
{
	if (syslog_fd >= 0)
		close(syslog_fd);
	syslog_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (syslog_fd < 0)
		return;
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", syslog_path);
	if (connect(syslog_fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		close(syslog_fd);
		syslog_fd = -1;
	}
}

void log_open(const char *ident)
{
	snprintf(log_ident, sizeof(log_ident), "%s", ident);
	const char *file = getenv("IMAPD_LOG_FILE");
	if (log_fd >= 0) {
		close(log_fd);
		log_fd = -1;
	}
	if (file != NULL && file[0] != '\0')
		log_fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (log_fd < 0) {
		/* $IMAPD_SYSLOG_SOCKET replaces /dev/log (tests listen there). */
		const char *sock = getenv("IMAPD_SYSLOG_SOCKET");
		if (sock != NULL && sock[0] != '\0')
			snprintf(syslog_path, sizeof(syslog_path), "%s", sock);
		syslog_connect();
	}
}

/* RFC 3164 as /dev/log takes it: "<PRI>Mmm dd hh:mm:ss ident[pid]: msg",
 * facility mail. */
static void syslog_send(int prio, const char *level, const char *msg)
{
	char line[2300];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char ts[32];
	strftime(ts, sizeof(ts), "%b %e %H:%M:%S", &tm);
	int n = snprintf(line, sizeof(line), "<%d>%s %s[%ld]: %s: %s", LOG_MAIL | prio, ts,
			 log_ident, (long)getpid(), level, msg);
	if (n < 0)
		return;
	size_t len = (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1;
	for (int attempt = 0; attempt < 2; attempt++) {
		if (syslog_fd < 0)
			syslog_connect();
		if (syslog_fd < 0)
			return;
		if (send(syslog_fd, line, len, MSG_NOSIGNAL) >= 0)
			return;
		/* The daemon restarted: reconnect once. */
		close(syslog_fd);
		syslog_fd = -1;
	}
}

void log_to_stderr(bool on)
{
	also_stderr = on;
}

size_t log_escape(const char *s, char *out, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	if (size == 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		char esc[4];
		size_t n;
		if (*p >= 0x20 && *p < 0x7f && *p != '\\') {
			esc[0] = (char)*p;
			n = 1;
		} else if (*p == '\\') {
			esc[0] = esc[1] = '\\';
			n = 2;
		} else {
			esc[0] = '\\';
			esc[1] = 'x';
			esc[2] = hex[*p >> 4];
			esc[3] = hex[*p & 15];
			n = 4;
		}
		if (o + n >= size)
			break;  /* cut before an escape, never inside one */
		memcpy(out + o, esc, n);
		o += n;
	}
	out[o] = '\0';
	return o;
}

static void log_v(int prio, const char *level, const char *fmt, va_list ap)
{
	char raw[1024], msg[2048];
	vsnprintf(raw, sizeof(raw), fmt, ap);
	/* The one choke point for client-supplied text on its way to the
	 * log: a user name with ESC or CR LF must neither drive the
	 * administrator's terminal nor forge a line. */
	log_escape(raw, msg, sizeof(msg));
	if (log_fd >= 0) {
		char line[2200];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		char ts[32];
		strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
		int n = snprintf(line, sizeof(line), "%s %s[%ld]: %s: %s\n", ts, log_ident,
				 (long)getpid(), level, msg);
		if (n > 0) {
			size_t len = (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1;
			if (write(log_fd, line, len) < 0) {
				/* nowhere else to report it */
			}
		}
	} else {
		syslog_send(prio, level, msg);
	}
	if (also_stderr)
		fprintf(stderr, "%s: %s: %s\n", log_ident, level, msg);
}

#define LOG_FN(name, prio, level)                      \
	void name(const char *fmt, ...)                \
	{                                              \
		va_list ap;                            \
		va_start(ap, fmt);                     \
		log_v(prio, level, fmt, ap);           \
		va_end(ap);                            \
	}

LOG_FN(log_debug, LOG_DEBUG, "debug")
LOG_FN(log_info, LOG_INFO, "info")
LOG_FN(log_notice, LOG_NOTICE, "notice")
LOG_FN(log_warn, LOG_WARNING, "warning")
LOG_FN(log_err, LOG_ERR, "error")

void log_fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_v(LOG_CRIT, "fatal", fmt, ap);
	va_end(ap);
	exit(75);
}
