/*
 * fuzz_parser.c - libFuzzer target for the command reader, the lexer and
 * the parser: the input is what a client sends, and it goes through the
 * server's own reader (proto/cmdread.c) over a socket, exactly as in a
 * session: lines, literals (synchronising and not), limits, over-long
 * lines and the discarding of rejected commands.
 *
 * Whatever the input, reading must not crash, leak or read out of bounds
 * (ASan/UBSan), must come to an end, and every command that parses must
 * print to text that the reader parses again to the same print (the round
 * trip the unit tests check on known forms).  The first octet picks the
 * session state (before or after login: APPEND's message literal is
 * refused before "+" in one, read in the other).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "proto/ast_print.h"
#include "proto/cmddef.h"
#include "proto/cmdread.h"
#include "proto/parser.h"
#include "proto/session.h"
#include "util/config.h"

/* The reader asks the command table how to take a command's literals;
 * these rows give it the policies that exist without linking every
 * executor (a message literal for APPEND, small ones for the rest). */
static void no_exec(struct session *s, const struct imap_cmd *cmd)
{
	(void)s;
	(void)cmd;
}

static const struct cmd_def fuzz_table[IMAP_CMD__COUNT] = {
	[IMAP_CMD_APPEND] = { "APPEND", no_exec, STATE_AUTH | STATE_SELECTED, 0, NULL, NULL,
			      CMD_LITERAL_MESSAGE },
	[IMAP_CMD_LOGIN] = { "LOGIN", no_exec, STATE_NOT_AUTH, 0, NULL, NULL, CMD_LITERAL_SMALL },
};

static struct imapd_config cfg;

static void quiet(const char *msg)
{
	(void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Small limits, so that the fuzzer reaches them. */
	static const char conf[] = "maxline: 1024\nmaxliteral: 1024\nmaxmessagesize: 4096\n";
	FILE *f = fmemopen((void *)conf, sizeof(conf) - 1, "r");
	if (f == NULL || config_read(&cfg, f, "fuzz.conf", quiet) != 0)
		abort();
	fclose(f);
	return 0;
}

typedef void command_fn(const struct imap_cmd *cmd, void *ctx);

/*
 * Feed data to the reader of a fresh session in `state` over a socket
 * pair and call fn for every command it reads, until the end of the
 * input.  Returns the number of commands.
 */
static unsigned read_commands(const uint8_t *data, size_t size, enum session_state state,
			      command_fn *fn, void *ctx)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		abort();
	/* The input fits the socket's buffer (libFuzzer's -max_len). */
	size_t off = 0;
	while (off < size) {
		ssize_t n = write(sv[1], data + off, size - off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
	shutdown(sv[1], SHUT_WR);
	struct session s;
	session_init(&s, &cfg, fuzz_table, sv[0], sv[0]);
	s.state = state;
	unsigned commands = 0;
	for (unsigned steps = 0;; steps++) {
		/* Each step reads or ends; a loop that does neither is a bug. */
		if (steps > 4 * size + 16)
			abort();
		struct imap_cmd *cmd = NULL;
		enum cmdread_result r = cmdread_step(&s, &cmd);
		if (r == CMDREAD_COMMAND) {
			commands++;
			fn(cmd, ctx);
			continue;
		}
		if (r == CMDREAD_REJECTED)
			continue;
		/* Everything was written and the writing side shut: waiting
		 * for more can only mean the end. */
		break;
	}
	session_deinit(&s);
	close(sv[0]);
	close(sv[1]);
	return commands;
}

struct reprint {
	const char *want;
	size_t len;
	bool seen;
};

static void compare(const struct imap_cmd *cmd, void *ctx)
{
	struct reprint *r = ctx;
	struct sbuf b;
	sbuf_init(&b, NULL);
	ast_print(&b, cmd);
	if (r->seen || b.len != r->len || memcmp(b.data, r->want, r->len) != 0) {
		fprintf(stderr, "round trip differs:\n%.*s\n%.*s\n", (int)r->len, r->want,
			(int)b.len, b.data);
		abort();
	}
	r->seen = true;
	sbuf_free(&b);
}

static enum session_state fuzz_state;

static void round_trip(const struct imap_cmd *cmd, void *ctx)
{
	(void)ctx;
	/* x-command arguments are kept raw without their literals' octets
	 * (the server answers BAD to them), so they do not round-trip;
	 * every RFC command must. */
	if (cmd->type == IMAP_CMD_X)
		return;
	struct sbuf b;
	sbuf_init(&b, NULL);
	ast_print(&b, cmd);
	if (!b.failed) {
		struct reprint r = { b.data, b.len, false };
		/* Printed literals are synchronising: the reader sends "+"
		 * into the socket, which nobody reads; that is fine. */
		if (read_commands((const uint8_t *)b.data, b.len, fuzz_state, compare, &r) != 1) {
			fprintf(stderr, "printed command does not parse: %.*s\n", (int)b.len, b.data);
			abort();
		}
	}
	sbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	fuzz_state = data[0] & 1 ? STATE_AUTH : STATE_NOT_AUTH;
	read_commands(data + 1, size - 1, fuzz_state, round_trip, NULL);
	return 0;
}
