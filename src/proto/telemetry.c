/*
 * telemetry.c - per-user protocol log (see telemetry.h).
 */
#include "proto/telemetry.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "proto/session.h"
#include "proto/redact.h"
#include "util/log.h"
#include "util/sbuf.h"

struct telemetry {
	int fd;                  /* log/<user>/<pid>, or -1 until started */
	bool at_line_start[2];   /* [incoming]: next octet starts a line */
	struct sbuf pending;     /* masked authentication lines, prefixed */
	struct redact redact;    /* drops secrets sent after login */
};

static struct telemetry *get(struct session *s)
{
	if (s->telemetry == NULL) {
		s->telemetry = calloc(1, sizeof(*s->telemetry));
		if (s->telemetry == NULL)
			return NULL;
		s->telemetry->fd = -1;
		s->telemetry->at_line_start[0] = s->telemetry->at_line_start[1] = true;
		sbuf_init(&s->telemetry->pending, NULL);
		redact_init(&s->telemetry->redact);
	}
	return s->telemetry;
}

void telemetry_note(struct session *s, bool incoming, const char *line)
{
	struct telemetry *t = get(s);
	if (t == NULL || t->fd >= 0)
		return;
	/* Bounded: a client looping through AUTHENTICATE must not grow it. */
	if (t->pending.len > 8192)
		return;
	sbuf_printf(&t->pending, "%c%lld%c%s\r\n", incoming ? '<' : '>', (long long)time(NULL),
		    incoming ? '<' : '>', line);
}

void telemetry_forget(struct session *s)
{
	if (s->telemetry != NULL)
		sbuf_reset(&s->telemetry->pending);
}

static void write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

/* Write what may be logged, each line prefixed with its direction and
 * time. */
static void log_out(void *ctx, bool incoming, const char *data, size_t len)
{
	struct telemetry *t = ctx;
	char prefix[32];
	int plen = snprintf(prefix, sizeof(prefix), "%c%lld%c", incoming ? '<' : '>',
			    (long long)time(NULL), incoming ? '<' : '>');
	while (len > 0) {
		if (t->at_line_start[incoming])
			write_all(t->fd, prefix, (size_t)plen);
		const char *lf = memchr(data, '\n', len);
		size_t take = lf != NULL ? (size_t)(lf - data) + 1 : len;
		write_all(t->fd, data, take);
		t->at_line_start[incoming] = lf != NULL;
		data += take;
		len -= take;
	}
}

/* The connection's tap: every octet read or written, through the filter
 * that drops a LOGIN's password or an AUTHENTICATE's initial response
 * sent after login (refused, but on the wire). */
static void tap(void *ctx, bool incoming, const unsigned char *data, size_t len)
{
	struct telemetry *t = ctx;
	redact_feed(&t->redact, incoming, data, len, log_out, t);
}

bool telemetry_start(struct session *s, const char *user)
{
	const char *dir = s->cfg->configdirectory;
	if (dir == NULL || dir[0] == '\0' || strchr(user, '/') != NULL || user[0] == '.')
		return false;
	char path[4096];
	snprintf(path, sizeof(path), "%s/log/%s", dir, user);
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		telemetry_forget(s);
		return false;
	}
	struct telemetry *t = get(s);
	if (t == NULL)
		return false;
	if (t->fd >= 0)
		return true;
	snprintf(path, sizeof(path), "%s/log/%s/%ld", dir, user, (long)getpid());
	t->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (t->fd < 0) {
		log_warn("telemetry: cannot open %s: %s", path, strerror(errno));
		return false;
	}
	time_t now = time(NULL);
	char date[64];
	ctime_r(&now, date);
	/* The header is text for the administrator, not protocol octets:
	 * the user name is escaped as the log escapes it. */
	char who[1100], header[1200];
	log_escape(user, who, sizeof(who));
	/* Behind a proxy, the client a PROXY header named (else the
	 * proxy would be all the log knows of). */
	char from[120] = "";
	if (s->peer != NULL)
		snprintf(from, sizeof(from), "from %.100s ", s->peer);
	int n = snprintf(header, sizeof(header), "---------- %s %s%s", who, from, date);
	if (n > 0)
		write_all(t->fd, header, (size_t)n < sizeof(header) ? (size_t)n : sizeof(header) - 1);
	if (t->pending.len > 0)
		write_all(t->fd, t->pending.data, t->pending.len);
	sbuf_free(&t->pending);
	/* Output already queued (a LOGIN's tagged OK) is written through
	 * the tap when it is flushed.  Input already read (commands the
	 * client pipelined after its LOGIN, in the same packet) went past
	 * the tap before it was set: it starts at the next command, and is
	 * logged now. */
	s->conn.tap = tap;
	s->conn.tap_ctx = t;
	size_t buffered = conn_buffered(&s->conn);
	if (buffered > 0)
		tap(t, true, s->conn.rbuf + s->conn.rpos, buffered);
	return true;
}

void telemetry_stop(struct session *s)
{
	struct telemetry *t = s->telemetry;
	if (t == NULL)
		return;
	if (s->conn.tap == tap) {
		s->conn.tap = NULL;
		s->conn.tap_ctx = NULL;
	}
	if (t->fd >= 0)
		close(t->fd);
	redact_free(&t->redact);
	sbuf_free(&t->pending);
	free(t);
	s->telemetry = NULL;
}
