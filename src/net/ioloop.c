/*
 * ioloop.c - epoll and a timer heap (see ioloop.h).
 */
#include "net/ioloop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

struct io {
	struct ioloop *loop;
	int fd;
	unsigned events;
	io_fn *fn;
	void *ctx;
	bool dead;          /* removed while the loop held it in a batch */
};

struct timer {
	struct ioloop *loop;
	uint64_t due;       /* ioloop_now_ms() at which it fires */
	size_t slot;        /* index in loop->heap, or SIZE_MAX when inactive */
	timer_fn *fn;
	void *ctx;
};

#define BATCH 32

struct ioloop {
	int epfd;
	struct timer **heap;    /* min-heap on due */
	size_t nheap, capheap;
	size_t ntimers;         /* live timers, in the heap or not */
	/* Watches removed during a batch are freed after it, so that a
	 * later event of the same batch never touches freed memory. */
	struct io **graveyard;
	size_t ngrave, capgrave;
	bool in_batch;
};

uint64_t ioloop_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

struct ioloop *ioloop_new(void)
{
	struct ioloop *l = calloc(1, sizeof(*l));
	if (l == NULL)
		return NULL;
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0) {
		int e = errno;
		free(l);
		errno = e;
		return NULL;
	}
	return l;
}

void ioloop_free(struct ioloop **lp)
{
	struct ioloop *l = *lp;
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->ngrave; i++)
		free(l->graveyard[i]);
	for (size_t i = 0; i < l->nheap; i++)
		l->heap[i]->slot = SIZE_MAX;
	free(l->graveyard);
	free(l->heap);
	close(l->epfd);
	free(l);
	*lp = NULL;
}

/* ---- descriptors ---------------------------------------------------------- */

static uint32_t to_epoll(unsigned events)
{
	return (events & IO_READ ? EPOLLIN : 0) | (events & IO_WRITE ? EPOLLOUT : 0);
}

struct io *io_add(struct ioloop *loop, int fd, unsigned events, io_fn *fn, void *ctx)
{
	struct io *io = calloc(1, sizeof(*io));
	if (io == NULL)
		return NULL;
	*io = (struct io){ .loop = loop, .fd = fd, .events = events, .fn = fn, .ctx = ctx };
	struct epoll_event ev = { .events = to_epoll(events), .data.ptr = io };
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
		int e = errno;
		free(io);
		errno = e;
		return NULL;
	}
	return io;
}

bool io_set_events(struct io *io, unsigned events)
{
	if (io->events == events)
		return true;
	struct epoll_event ev = { .events = to_epoll(events), .data.ptr = io };
	if (epoll_ctl(io->loop->epfd, EPOLL_CTL_MOD, io->fd, &ev) != 0)
		return false;
	io->events = events;
	return true;
}

unsigned io_events(const struct io *io)
{
	return io->events;
}

void io_remove(struct io **iop)
{
	struct io *io = *iop;
	if (io == NULL)
		return;
	*iop = NULL;
	struct ioloop *l = io->loop;
	/* The fd may be closed already (epoll forgets it then); ignore. */
	(void)epoll_ctl(l->epfd, EPOLL_CTL_DEL, io->fd, NULL);
	if (!l->in_batch) {
		free(io);
		return;
	}
	io->dead = true;
	if (l->ngrave == l->capgrave) {
		size_t cap = l->capgrave == 0 ? 8 : l->capgrave * 2;
		struct io **g = realloc(l->graveyard, cap * sizeof(*g));
		if (g == NULL) {
			/* Leak one watch rather than risk a use after free. */
			return;
		}
		l->graveyard = g;
		l->capgrave = cap;
	}
	l->graveyard[l->ngrave++] = io;
}

/* ---- timers ------------------------------------------------------------------ */

static void heap_swap(struct ioloop *l, size_t a, size_t b)
{
	struct timer *t = l->heap[a];
	l->heap[a] = l->heap[b];
	l->heap[b] = t;
	l->heap[a]->slot = a;
	l->heap[b]->slot = b;
}

static void heap_up(struct ioloop *l, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (l->heap[p]->due <= l->heap[i]->due)
			break;
		heap_swap(l, p, i);
		i = p;
	}
}

static void heap_down(struct ioloop *l, size_t i)
{
	for (;;) {
		size_t c = 2 * i + 1, m = i;
		if (c < l->nheap && l->heap[c]->due < l->heap[m]->due)
			m = c;
		if (c + 1 < l->nheap && l->heap[c + 1]->due < l->heap[m]->due)
			m = c + 1;
		if (m == i)
			return;
		heap_swap(l, i, m);
		i = m;
	}
}

static void heap_delete(struct ioloop *l, struct timer *t)
{
	size_t i = t->slot;
	if (i == SIZE_MAX)
		return;
	t->slot = SIZE_MAX;
	l->nheap--;
	if (i == l->nheap)
		return;
	l->heap[i] = l->heap[l->nheap];
	l->heap[i]->slot = i;
	heap_down(l, i);
	heap_up(l, i);
}

/* Room in the heap for n timers. */
static bool heap_reserve(struct ioloop *l, size_t n)
{
	if (n <= l->capheap)
		return true;
	size_t cap = l->capheap == 0 ? 8 : l->capheap * 2;
	while (cap < n)
		cap *= 2;
	struct timer **h = realloc(l->heap, cap * sizeof(*h));
	if (h == NULL)
		return false;
	l->heap = h;
	l->capheap = cap;
	return true;
}

static bool heap_insert(struct ioloop *l, struct timer *t)
{
	if (!heap_reserve(l, l->nheap + 1))
		return false;
	t->slot = l->nheap;
	l->heap[l->nheap++] = t;
	heap_up(l, t->slot);
	return true;
}

struct timer *timer_add(struct ioloop *loop, uint64_t msecs, timer_fn *fn, void *ctx)
{
	struct timer *t = calloc(1, sizeof(*t));
	if (t == NULL || !heap_reserve(loop, loop->ntimers + 1)) {
		free(t);
		return NULL;
	}
	loop->ntimers++;
	*t = (struct timer){ .loop = loop, .due = ioloop_now_ms() + msecs, .slot = SIZE_MAX,
			     .fn = fn, .ctx = ctx };
	(void)heap_insert(loop, t);
	return t;
}

void timer_reset(struct timer *t, uint64_t msecs)
{
	heap_delete(t->loop, t);
	t->due = ioloop_now_ms() + msecs;
	/* Cannot fail: timer_add() kept a slot for every live timer. */
	(void)heap_insert(t->loop, t);
}

uint64_t timer_remaining(const struct timer *t)
{
	uint64_t now = ioloop_now_ms();
	return t->due > now ? t->due - now : 0;
}

void timer_remove(struct timer **tp)
{
	struct timer *t = *tp;
	if (t == NULL)
		return;
	heap_delete(t->loop, t);
	t->loop->ntimers--;
	free(t);
	*tp = NULL;
}

/* ---- the loop ------------------------------------------------------------------ */

/* Run the timers that are due; returns how many ran. */
static int run_timers(struct ioloop *l)
{
	int ran = 0;
	uint64_t now = ioloop_now_ms();
	while (l->nheap > 0 && l->heap[0]->due <= now) {
		struct timer *t = l->heap[0];
		heap_delete(l, t);
		t->fn(t->ctx);
		ran++;
	}
	return ran;
}

int ioloop_run_once(struct ioloop *l, int max_msecs)
{
	int wait = max_msecs;
	if (l->nheap > 0) {
		uint64_t left = timer_remaining(l->heap[0]);
		if (wait < 0 || left < (uint64_t)wait)
			wait = left > INT32_MAX ? INT32_MAX : (int)left;
	}
	struct epoll_event evs[BATCH];
	int n = epoll_wait(l->epfd, evs, BATCH, wait);
	if (n < 0) {
		if (errno != EINTR)
			return -1;
		n = 0;
	}
	int ran = 0;
	l->in_batch = true;
	for (int i = 0; i < n; i++) {
		struct io *io = evs[i].data.ptr;
		if (io->dead)
			continue;
		unsigned got = 0;
		if (evs[i].events & EPOLLIN)
			got |= IO_READ;
		if (evs[i].events & EPOLLOUT)
			got |= IO_WRITE;
		if (evs[i].events & (EPOLLERR | EPOLLHUP))
			got |= IO_ERROR;
		io->fn(io->ctx, got);
		ran++;
	}
	l->in_batch = false;
	for (size_t i = 0; i < l->ngrave; i++)
		free(l->graveyard[i]);
	l->ngrave = 0;
	ran += run_timers(l);
	return ran;
}
