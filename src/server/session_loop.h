/*
 * session_loop.h - serving a session on an event loop: greeting,
 * commands, commands that wait (IDLE, AUTHENTICATE, FETCH output the
 * client reads slowly), deadlines, BYE.
 *
 * A session is callbacks on a loop (net/ioloop.h) that may serve many
 * sessions at once (a login process of imapd-master); imapd serves one
 * on a loop of its own with session_loop_run().
 */
#ifndef IMAPD_SERVER_SESSION_LOOP_H
#define IMAPD_SERVER_SESSION_LOOP_H

#include <stdbool.h>

#include "net/ioloop.h"
#include "proto/session.h"

struct sloop;

/* Called once, from the loop, when the session is over and its last
 * output has left (or was given up on); it may sloop_free() the sloop. */
typedef void sloop_end_fn(void *ctx);

/*
 * Start serving s on `loop`: with implicit_tls, a TLS handshake comes
 * first (imaps), else the greeting is queued.  The login deadline counts
 * from now.  Returns NULL (logged) when the client's descriptors cannot
 * be watched; nothing is then registered.  Call sloop_kick() once to
 * start it moving.
 */
struct sloop *sloop_start(struct ioloop *loop, struct session *s, bool implicit_tls,
			  sloop_end_fn *on_end, void *ctx);

/* Something changed the session from outside its callbacks (a reply
 * from imapd-master): run what can run now. */
void sloop_kick(struct sloop *l);

/* End the session now: "* BYE <why>" (when why is not NULL and the
 * connection can still carry it), then the end as usual. */
void sloop_stop(struct sloop *l, const char *why);

/* Whether the end callback has run. */
bool sloop_ended(const struct sloop *l);

/* Stop watching and free; *l = NULL (no-op for NULL).  Does not touch
 * the session. */
void sloop_free(struct sloop **l);

/* Serve s to the end on a loop of its own: with implicit_tls, a TLS
 * handshake comes first (imaps).  Returns when the client logs out,
 * disconnects, or a deadline passes; the last output has been sent (or
 * given up on). */
void session_loop_run(struct session *s, bool implicit_tls);

#endif
