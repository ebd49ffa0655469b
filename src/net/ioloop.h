/*
 * ioloop.h - an event loop: wait on descriptors (sockets, inotify, pipes)
 * and timers at once, and call back when one is ready.
 *
 * One loop per process.  A session uses it to wait on its client socket,
 * on its selected mailbox's change notifications and on its deadlines
 * together, so that a command (IDLE, a FETCH whose output the client
 * reads slowly, an AUTHENTICATE exchange) suspends instead of blocking
 * in a read or write.  Built on epoll: an idle process sleeps in one
 * epoll_wait() and costs no CPU, and a process serving many connections
 * (a login process, an auth service) pays per ready descriptor, not per
 * watched one.
 *
 * Callbacks run from ioloop_run_once(); they may add and remove watches
 * and timers, including their own.
 */
#ifndef IMAPD_NET_IOLOOP_H
#define IMAPD_NET_IOLOOP_H

#include <stdbool.h>
#include <stdint.h>

struct ioloop;
struct io;
struct timer;

enum io_events {
	IO_READ  = 1 << 0,
	IO_WRITE = 1 << 1,
	IO_ERROR = 1 << 2,   /* reported only: hang-up or error on the fd */
};

/* Called with the events that are ready (IO_* bits). */
typedef void io_fn(void *ctx, unsigned events);
typedef void timer_fn(void *ctx);

/* A new loop, or NULL when epoll is unavailable (errno set). */
struct ioloop *ioloop_new(void);

/* Free the loop; every io and timer must have been removed. */
void ioloop_free(struct ioloop **loop);

/*
 * Watch fd for `events` (IO_READ / IO_WRITE; 0 to register it idle).
 * Returns the watch, or NULL with errno set (an fd epoll cannot watch,
 * such as a regular file, gives EPERM).
 */
struct io *io_add(struct ioloop *loop, int fd, unsigned events, io_fn *fn, void *ctx);

/* Change the events a watch waits for; false (errno set) on failure. */
bool io_set_events(struct io *io, unsigned events);

/* The events a watch waits for now. */
unsigned io_events(const struct io *io);

/* Stop watching and free the watch; *io becomes NULL (no-op for NULL). */
void io_remove(struct io **io);

/* Call fn once, msecs milliseconds from now (0: at the next iteration). */
struct timer *timer_add(struct ioloop *loop, uint64_t msecs, timer_fn *fn, void *ctx);

/* Move a timer to msecs from now (it fires once more). */
void timer_reset(struct timer *t, uint64_t msecs);

/* Milliseconds until the timer fires (0 if due). */
uint64_t timer_remaining(const struct timer *t);

/* Cancel and free; *t becomes NULL (no-op for NULL).  A timer that has
 * fired stays allocated until removed or reset. */
void timer_remove(struct timer **t);

/*
 * Wait for at most max_msecs (-1: until something happens) and run the
 * callbacks of whatever is ready.  Returns the number of callbacks run,
 * 0 when nothing was ready, -1 on an epoll error other than EINTR.
 */
int ioloop_run_once(struct ioloop *loop, int max_msecs);

/* Monotonic milliseconds (CLOCK_MONOTONIC), the loop's clock. */
uint64_t ioloop_now_ms(void);

#endif
