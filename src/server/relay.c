/*
 * relay.c - TLS relay between a client and its session process (see
 * relay.h).
 */
#include "server/relay.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/tls.h"

/* How long the session's last words may take to reach the client. */
#define RELAY_FINAL_FLUSH_MS 2000

struct relay {
	struct ioloop *loop;
	struct conn c;                 /* the client, under TLS */
	int fd;                        /* the session process's socketpair end */
	struct io *cio, *pio;
	struct timer *timer;           /* the final flush's deadline */
	relay_end_fn *fn;
	void *ctx;
	bool client_gone;              /* EOF or error from the client */
	bool session_gone;             /* EOF from the session process */
	bool pair_wants_write;         /* the socketpair is full */
	bool client_wants_read;
	bool pumping, again, ended;
};

static void pump(struct relay *r);

static void on_io(void *ctx, unsigned events)
{
	(void)events;
	pump(ctx);
}

static void on_timer(void *ctx)
{
	struct relay *r = ctx;
	/* The client did not take the last words in time. */
	r->c.failed = true;
	pump(r);
}

/* Client to session: true when something moved. */
static bool client_to_session(struct relay *r)
{
	if (r->client_gone || r->session_gone)
		return false;
	const unsigned char *data;
	ssize_t n = conn_peek(&r->c, &data);
	if (n == CONN_AGAIN) {
		r->client_wants_read = true;
		return false;
	}
	if (n <= 0) {
		/* The session process reads EOF and ends. */
		r->client_gone = true;
		shutdown(r->fd, SHUT_WR);
		return true;
	}
	ssize_t w = write(r->fd, data, (size_t)n);
	if (w > 0) {
		conn_consume(&r->c, (size_t)w);
		return true;
	}
	if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
		r->pair_wants_write = true;
		return false;
	}
	r->session_gone = true;
	return true;
}

/* Session to client: true when something moved. */
static bool session_to_client(struct relay *r)
{
	if (r->session_gone || conn_output_full(&r->c))
		return false;
	unsigned char buf[16384];
	ssize_t n = read(r->fd, buf, sizeof(buf));
	if (n > 0) {
		conn_write(&r->c, buf, (size_t)n);
		return true;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return false;
	r->session_gone = true;
	timer_reset(r->timer, RELAY_FINAL_FLUSH_MS);
	return true;
}

static void pump(struct relay *r)
{
	if (r->ended)
		return;
	if (r->pumping) {
		r->again = true;
		return;
	}
	r->pumping = true;
	do {
		r->again = false;
		r->pair_wants_write = false;
		r->client_wants_read = false;
		bool moved;
		do {
			moved = client_to_session(r);
			moved |= session_to_client(r);
			if (conn_output_pending(&r->c) > 0 && conn_flush(&r->c) == CONN_ERROR)
				moved = true;
			if (r->c.failed && !r->client_gone) {
				r->client_gone = true;
				shutdown(r->fd, SHUT_WR);
			}
		} while (moved && !r->ended);
	} while (r->again);
	r->pumping = false;
	if (r->session_gone && (conn_output_pending(&r->c) == 0 || r->c.failed)) {
		r->ended = true;
		io_remove(&r->cio);
		io_remove(&r->pio);
		timer_remove(&r->timer);
		r->fn(r->ctx);
		return;
	}
	unsigned cev = conn_write_events(&r->c);
	if (r->client_wants_read)
		cev |= conn_read_events(&r->c);
	unsigned pev = 0;
	if (!r->session_gone && !conn_output_full(&r->c))
		pev |= IO_READ;
	if (r->pair_wants_write)
		pev |= IO_WRITE;
	io_set_events(r->cio, cev);
	io_set_events(r->pio, pev);
}

struct relay *relay_start(struct ioloop *loop, struct conn *client, int fd, relay_end_fn *fn,
			  void *ctx)
{
	struct relay *r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	r->loop = loop;
	r->fd = fd;
	r->fn = fn;
	r->ctx = ctx;
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	r->cio = io_add(loop, client->rfd, 0, on_io, r);
	r->pio = io_add(loop, fd, 0, on_io, r);
	/* Armed for real when the session ends. */
	r->timer = timer_add(loop, UINT32_MAX, on_timer, r);
	if (r->cio == NULL || r->pio == NULL || r->timer == NULL) {
		io_remove(&r->cio);
		io_remove(&r->pio);
		timer_remove(&r->timer);
		free(r);
		return NULL;
	}
	r->c = *client;
	memset(client, 0, sizeof(*client));
	client->rfd = client->wfd = -1;
	client->rfd_flags = client->wfd_flags = -1;
	pump(r);
	return r;
}

void relay_free(struct relay **rp)
{
	struct relay *r = *rp;
	if (r == NULL)
		return;
	io_remove(&r->cio);
	io_remove(&r->pio);
	timer_remove(&r->timer);
	close(r->fd);
	conn_deinit(&r->c);
	free(r);
	*rp = NULL;
}
