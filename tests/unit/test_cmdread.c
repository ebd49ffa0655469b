/*
 * test_cmdread.c - reading whole commands off a socket (proto/cmdread.c):
 * literals fed one octet at a time, continuations sent exactly when the
 * RFC says, limits refused without losing sync, over-long lines.
 */
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "cmd/cmd.h"
#include "proto/ast_print.h"
#include "proto/cmdread.h"
#include "proto/parser.h"
#include "proto/session.h"

struct feeder {
	int fd;
	const char *data;
	size_t len;
	bool bytewise;
};

/* The client side: write the input, one octet at a time if asked, with a
 * pause so that the server really sees partial input. */
static void *feed(void *arg)
{
	struct feeder *f = arg;
	for (size_t i = 0; i < f->len; i += f->bytewise ? 1 : f->len) {
		size_t n = f->bytewise ? 1 : f->len;
		if (write(f->fd, f->data + i, n) != (ssize_t)n)
			break;
		if (f->bytewise) {
			struct timespec ts = { 0, 20000 };
			nanosleep(&ts, NULL);
		}
	}
	shutdown(f->fd, SHUT_WR);
	return NULL;
}

static void noreport(const char *msg)
{
	(void)msg;
}

struct run {
	char commands[8][4096];  /* ast_print of each command read */
	int ncommands;
	int rejected;
	char output[8192];       /* what the server wrote */
};

/* Run cmdread_next() over `input` until EOF; collect commands and output. */
static void run_reader(const char *input, size_t len, bool bytewise, const char *extra_conf,
		       struct run *r)
{
	memset(r, 0, sizeof(*r));
	int sv[2];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	struct imapd_config cfg;
	char path[] = "/tmp/imapd-test-confXXXXXX";
	int cfd = mkstemp(path);
	assert_true(cfd >= 0);
	if (extra_conf != NULL)
		assert_int_equal(write(cfd, extra_conf, strlen(extra_conf)), (ssize_t)strlen(extra_conf));
	close(cfd);
	config_load(&cfg, path, true, noreport);
	unlink(path);

	struct session s;
	session_init(&s, &cfg, cmd_table, sv[0], sv[0]);
	struct feeder f = { sv[1], input, len, bytewise };
	pthread_t th;
	pthread_create(&th, NULL, feed, &f);
	for (;;) {
		struct imap_cmd *cmd;
		enum cmdread_result res = cmdread_step(&s, &cmd);
		if (res == CMDREAD_AGAIN) {
			/* What the session loop does: send, then wait. */
			conn_flush_wait(&s.conn, 5000);
			struct pollfd p = { .fd = sv[0], .events = POLLIN };
			assert_true(poll(&p, 1, 5000) == 1);
			continue;
		}
		if (res == CMDREAD_COMMAND) {
			struct sbuf b;
			sbuf_init(&b, NULL);
			ast_print(&b, cmd);
			/* memcpy, not snprintf: a literal may hold NUL. */
			size_t n = b.len < sizeof(r->commands[0]) - 1 ? b.len : sizeof(r->commands[0]) - 1;
			memcpy(r->commands[r->ncommands++], sbuf_str(&b), n);
			sbuf_free(&b);
		} else if (res == CMDREAD_REJECTED) {
			r->rejected++;
		} else {
			break;
		}
		conn_flush_wait(&s.conn, 5000);
	}
	conn_flush_wait(&s.conn, 5000);
	pthread_join(th, NULL);
	shutdown(sv[0], SHUT_WR);
	size_t got = 0;
	ssize_t n;
	while ((n = read(sv[1], r->output + got, sizeof(r->output) - 1 - got)) > 0)
		got += (size_t)n;
	r->output[got] = '\0';
	session_deinit(&s);
	config_free(&cfg);
	close(sv[0]);
	close(sv[1]);
}

static void test_literals_bytewise(void **state)
{
	static const char in[] = "a LOGIN {4}\r\nfr\0d {3+}\r\nabc\r\nb NOOP\r\n";
	struct run r;
	run_reader(in, sizeof(in) - 1, true, NULL, &r);
	assert_int_equal(r.ncommands, 2);
	/* The user name keeps its NUL, as a literal must (printed as one). */
	assert_memory_equal(r.commands[0], "a LOGIN {4}\r\nfr\0d {3}\r\nabc\r\n", 27);
	assert_string_equal(r.commands[1], "b NOOP\r\n");
	/* One continuation for the synchronising literal, none for {3+}. */
	assert_string_equal(r.output, "+ Ready for literal data\r\n");
}

static void test_same_input_whole(void **state)
{
	static const char in[] = "a LOGIN {4}\r\nfred {3}\r\nabc\r\nb NOOP\r\n";
	struct run r1, r2;
	run_reader(in, sizeof(in) - 1, true, NULL, &r1);
	run_reader(in, sizeof(in) - 1, false, NULL, &r2);
	assert_int_equal(r1.ncommands, 2);
	assert_int_equal(r2.ncommands, 2);
	assert_string_equal(r1.commands[0], r2.commands[0]);
	assert_string_equal(r1.output, r2.output);
	assert_string_equal(r1.output, "+ Ready for literal data\r\n+ Ready for literal data\r\n");
}

/* A bare LF ends a line like CRLF does (clients typed by hand). */
static void test_bare_lf(void **state)
{
	static const char in[] = "a NOOP\nb LOGIN x y\n";
	struct run r;
	run_reader(in, sizeof(in) - 1, false, NULL, &r);
	assert_int_equal(r.ncommands, 2);
	assert_string_equal(r.commands[1], "b LOGIN x y\r\n");
}

/* Over the limit: refused before "+", and the next command is read in
 * step.  A non-synchronising one is skipped first. */
static void test_literal_limits(void **state)
{
	char in[4096];
	int n = snprintf(in, sizeof(in), "a LOGIN {2000}\r\nb LOGIN {2000+}\r\n");
	memset(in + n, 'x', 2000);
	n += 2000;
	n += snprintf(in + n, sizeof(in) - (size_t)n, " pw\r\nc NOOP\r\n");
	struct run r;
	run_reader(in, (size_t)n, false, "maxliteral: 1024\n", &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "c NOOP\r\n");
	assert_int_equal(r.rejected, 2);
	assert_string_equal(r.output,
			    "a BAD [TOOBIG] Literal larger than the 1024 octets allowed\r\n"
			    "b BAD [TOOBIG] Literal larger than the 1024 octets allowed\r\n");
}

/* An error before a literal is reported without "+", and a literal the
 * grammar did not want is read and the command discarded in step. */
static void test_error_before_literal(void **state)
{
	static const char in[] = "a FROB {5}\r\nb FETCH {3+}\r\nabc rest\r\nc NOOP\r\n";
	struct run r;
	run_reader(in, sizeof(in) - 1, false, NULL, &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "c NOOP\r\n");
	assert_string_equal(r.output,
			    "a BAD Unknown command FROB\r\n"
			    "b BAD Expected sequence set after FETCH, got literal\r\n");
}

static void test_line_too_long(void **state)
{
	char in[8192];
	int n = snprintf(in, sizeof(in), "toolong NOOP ");
	memset(in + n, 'x', 5000);
	n += 5000;
	n += snprintf(in + n, sizeof(in) - (size_t)n, "\r\nb NOOP\r\n");
	struct run r;
	run_reader(in, (size_t)n, false, "maxline: 2048\n", &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "b NOOP\r\n");
	assert_string_equal(r.output, "toolong BAD Command line too long\r\n");
}

/* RFC7888: the octets of a non-synchronising literal announced at the
 * end of an over-long line are data, never commands: they are thrown
 * away with the line, and the rest of the command after them too. */
static void test_line_too_long_then_literal(void **state)
{
	char in[8192];
	int n = snprintf(in, sizeof(in), "a1 APPEND INBOX (");
	memset(in + n, 'x', 5000);
	n += 5000;
	n += snprintf(in + n, sizeof(in) - (size_t)n,
		      ") {20+}\r\nb1 CREATE injected\r\n {3+}\r\nxyz\r\nc NOOP\r\n");
	struct run r;
	run_reader(in, (size_t)n, false, "maxline: 2048\n", &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "c NOOP\r\n");
	assert_string_equal(r.output, "a1 BAD Command line too long\r\n");
	/* Fed one octet at a time, the same. */
	run_reader(in, (size_t)n, true, "maxline: 2048\n", &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "c NOOP\r\n");
}

/* APPEND before authentication is refused before its message is sent. */
static void test_append_unauthenticated(void **state)
{
	static const char in[] = "a APPEND INBOX {10}\r\nb NOOP\r\n";
	struct run r;
	run_reader(in, sizeof(in) - 1, false, NULL, &r);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.output, "a BAD APPEND is not valid before authentication\r\n");
}

/* One command made of many literals, each under maxliteral, cannot grow
 * the process past the command's memory limit: BAD [TOOBIG], and the
 * next command is read in step. */
static void test_command_memory_limit(void **state)
{
	size_t lit = 60 * 1024, nlit = (ARENA_COMMAND_LIMIT + 2 * 65536) / lit + 8;
	struct sbuf in;
	sbuf_init(&in, NULL);
	sbuf_adds(&in, "a SEARCH");
	char *chunk = malloc(lit);
	memset(chunk, 'x', lit);
	for (size_t i = 0; i < nlit; i++) {
		sbuf_printf(&in, " SUBJECT {%zu+}\r\n", lit);
		sbuf_add(&in, chunk, lit);
	}
	free(chunk);
	sbuf_adds(&in, "\r\nb NOOP\r\n");
	assert_false(in.failed);
	struct run r;
	run_reader(in.data, in.len, false, NULL, &r);
	sbuf_free(&in);
	assert_int_equal(r.ncommands, 1);
	assert_string_equal(r.commands[0], "b NOOP\r\n");
	assert_string_equal(r.output, "a BAD [TOOBIG] Command too large\r\n");
}

static void test_literal_suffix(void **state)
{
	uint64_t size;
	bool nonsync;
	assert_true(cmdread_literal_suffix("a x {12}\r\n", 10, &size, &nonsync));
	assert_int_equal(size, 12);
	assert_false(nonsync);
	assert_true(cmdread_literal_suffix("{0+}\r\n", 6, &size, &nonsync));
	assert_int_equal(size, 0);
	assert_true(nonsync);
	assert_false(cmdread_literal_suffix("a {}\r\n", 6, &size, &nonsync));
	assert_false(cmdread_literal_suffix("a {1a}\r\n", 8, &size, &nonsync));
	assert_false(cmdread_literal_suffix("a NOOP\r\n", 8, &size, &nonsync));
	assert_false(cmdread_literal_suffix("1}\r\n", 4, &size, &nonsync));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals_bytewise),
		cmocka_unit_test(test_same_input_whole),
		cmocka_unit_test(test_bare_lf),
		cmocka_unit_test(test_literal_limits),
		cmocka_unit_test(test_error_before_literal),
		cmocka_unit_test(test_line_too_long),
		cmocka_unit_test(test_line_too_long_then_literal),
		cmocka_unit_test(test_append_unauthenticated),
		cmocka_unit_test(test_command_memory_limit),
		cmocka_unit_test(test_literal_suffix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
