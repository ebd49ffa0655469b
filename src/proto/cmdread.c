/*
 * cmdread.c - reading a command with its literals (see cmdread.h).
 *
 * The limits protect the server, and refusing must never desynchronise
 * the client: a synchronising literal that is too large is refused before
 * "+" is sent, so the client does not send it (RFC3501 §7.5); a
 * non-synchronising one is already on its way, so it is read and thrown
 * away before the BAD; an over-long line is discarded through its CRLF.
 */
#include "proto/cmdread.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "proto/cmddef.h"
#include "proto/parser.h"
#include "proto/response.h"
#include "util/log.h"
#include "util/spool.h"

/* A non-synchronising literal larger than this is not worth reading to
 * stay in sync: the session ends instead (RFC7888 §4 allows it). */
#define NONSYNC_DISCARD_MAX (UINT64_C(1) << 30)

/* Messages (CMD_LITERAL_MESSAGE: APPEND) above this size are spooled to a
 * file when the session has a spool; other literals stay in memory. */
#define SPOOL_THRESHOLD (256 * 1024)

bool cmdread_literal_suffix(const char *line, size_t len, uint64_t *size_r, bool *nonsync_r)
{
	if (len < 5 || line[len - 2] != '\r' || line[len - 3] != '}')
		return false;
	size_t i = len - 4;
	bool nonsync = false;
	if (line[i] == '+') {
		nonsync = true;
		if (i == 0)
			return false;
		i--;
	}
	uint64_t size = 0, mul = 1;
	size_t digits = 0;
	while (line[i] >= '0' && line[i] <= '9') {
		if (digits == 19)
			return false;
		size += (uint64_t)(line[i] - '0') * mul;
		mul *= 10;
		digits++;
		if (i == 0)
			return false;
		i--;
	}
	if (digits == 0 || line[i] != '{')
		return false;
	*size_r = size;
	*nonsync_r = nonsync;
	return true;
}

/* The tag at the start of a (possibly truncated) line, for a BAD reply;
 * NULL if the line does not start with something tag-shaped. */
static const char *line_tag(struct session *s, const char *line)
{
	size_t n = 0;
	while (line[n] != '\0' && line[n] != ' ' && line[n] != '\r' && line[n] != '\n') {
		unsigned char c = (unsigned char)line[n];
		if (c < 0x21 || c > 0x7e || strchr("(){%*\"\\+", c) != NULL)
			return NULL;
		n++;
	}
	if (n == 0 || line[n] != ' ')
		return NULL;
	return arena_strndup(&s->arena, line, n);
}

/*
 * Throw away the rest of a command whose current line ended in a literal
 * header (size, nonsync).  A synchronising literal will not come (we never
 * sent "+"); a non-synchronising one and the lines after it will.
 * Returns false when the session must end.
 */
static bool discard_rest(struct session *s, bool has_literal, uint64_t size, bool nonsync)
{
	while (has_literal && nonsync) {
		if (size > NONSYNC_DISCARD_MAX) {
			resp_bye(s, "[TOOBIG] Literal too large to skip");
			return false;
		}
		if (conn_skip(&s->conn, size) < 0)
			return false;
		char *line;
		ssize_t n = conn_read_line(&s->conn, s->cfg->maxline, &line);
		if (n == CONN_TOOLONG) {
			has_literal = false;  /* cannot see the end; assume none */
			continue;
		}
		if (n < 0)
			return false;
		has_literal = cmdread_literal_suffix(line, (size_t)n, &size, &nonsync);
	}
	return true;
}

static enum cmdread_result io_result(ssize_t n)
{
	return n == CONN_TIMEOUT ? CMDREAD_TIMEOUT : n == CONN_EOF ? CMDREAD_EOF : CMDREAD_ERROR;
}

/* Read a literal's octets: into the arena, or into a spool file.  When
 * they cannot be kept, CMDREAD_REJECTED with the tagged response's text
 * in *why_r (the octets were read: the connection stays in step). */
static enum cmdread_result read_literal(struct session *s, uint64_t size, bool spool,
					const char **data_r, int *fd_r, const char **why_r)
{
	*data_r = NULL;
	*fd_r = -1;
	if (spool) {
		int fd = spool_create(s->spool);
		if (fd >= 0) {
			ssize_t n = conn_read_to_fd(&s->conn, fd, size);
			if (n == CONN_ERROR && s->conn.failed == false) {
				/* The file write failed but the octets were read. */
				close(fd);
				*why_r = "NO [SERVERBUG] Cannot store the message now";
				return CMDREAD_REJECTED;
			}
			if (n < 0) {
				close(fd);
				return io_result(n);
			}
			*fd_r = fd;
			return CMDREAD_COMMAND;
		}
	}
	char *buf = arena_alloc(&s->arena, (size_t)size + 1);
	if (buf == NULL) {
		/* The command as a whole passed its memory limit. */
		if (conn_skip(&s->conn, size) < 0)
			return CMDREAD_ERROR;
		*why_r = "BAD [TOOBIG] Command too large";
		return CMDREAD_REJECTED;
	}
	ssize_t n = conn_read_exact(&s->conn, buf, (size_t)size);
	if (n < 0)
		return io_result(n);
	buf[size] = '\0';
	*data_r = buf;
	return CMDREAD_COMMAND;
}

enum cmdread_result cmdread_next(struct session *s, struct imap_cmd **cmd_r)
{
	const struct imapd_config *cfg = s->cfg;
	imap_parser_begin(s->parser, &s->arena);
	bool first = true;
	for (;;) {
		char *line;
		ssize_t n = conn_read_line(&s->conn, cfg->maxline, &line);
		if (n == CONN_TOOLONG) {
			const char *tag = first ? line_tag(s, line) : imap_parser_tag(s->parser);
			resp_bad_tag(s, tag, "Command line too long");
			/* The end of the line was not kept; a literal header
			 * there would be lost, which a client sending lines
			 * this long cannot expect us to honour. */
			return CMDREAD_REJECTED;
		}
		if (n < 0)
			return io_result(n);

		struct imap_literal_req lit;
		enum imap_parse_status st = imap_parser_feed_line(s->parser, line, (size_t)n, &lit);
		first = false;
		for (;;) {
			if (st == IMAP_PARSE_DONE) {
				*cmd_r = imap_parser_command(s->parser);
				return CMDREAD_COMMAND;
			}
			if (st == IMAP_PARSE_EMPTY) {
				/* Ignored, as Dovecot does: a stray CRLF between
				 * commands is not worth a BAD. */
				imap_parser_begin(s->parser, &s->arena);
				first = true;
				break;
			}
			if (st == IMAP_PARSE_MORE)
				break;  /* read the next line of this command */
			if (st == IMAP_PARSE_ERROR) {
				const char *tag = imap_parser_tag(s->parser);
				uint64_t size = 0;
				bool nonsync = false;
				bool has_lit = cmdread_literal_suffix(line, (size_t)n, &size, &nonsync);
				if (!discard_rest(s, has_lit, size, nonsync))
					return CMDREAD_ERROR;
				resp_bad_tag(s, tag, imap_parser_error(s->parser));
				return CMDREAD_REJECTED;
			}
			/* IMAP_PARSE_LITERAL: decide by the command table's row
			 * (proto/cmddef.h), then read it. */
			bool uid = false;
			const char *verb = imap_parser_verb(s->parser, &uid);
			const struct cmd_def *def = s->cmds != NULL && verb != NULL
				? cmddef_find(s->cmds, verb) : NULL;
			const char *tag = imap_parser_tag(s->parser);
			bool message = def != NULL && def->literal == CMD_LITERAL_MESSAGE;
			uint64_t max = message ? cfg->maxmessagesize : cfg->maxliteral;
			if (lit.toobig || (max != 0 && lit.size > max)) {
				if (!discard_rest(s, true, lit.size, lit.nonsync))
					return CMDREAD_ERROR;
				if (message)
					conn_printf(&s->conn, "%s NO [TOOBIG] Message larger than the %llu octets allowed\r\n",
						    tag != NULL ? tag : "*", (unsigned long long)max);
				else
					conn_printf(&s->conn, "%s BAD [TOOBIG] Literal larger than the %llu octets allowed\r\n",
						    tag != NULL ? tag : "*", (unsigned long long)max);
				return CMDREAD_REJECTED;
			}
			char refusal[128];
			if (message && !cmddef_state_ok(def, s->state, uid, refusal, sizeof(refusal))) {
				/* Do not take a message from a client that cannot
				 * store it: BAD before "+" (APPEND is command_auth,
				 * RFC2060 §6.3.11).  Other literals are read, and the
				 * dispatcher refuses the whole command. */
				if (!discard_rest(s, true, lit.size, lit.nonsync))
					return CMDREAD_ERROR;
				resp_bad_tag(s, tag, refusal);
				return CMDREAD_REJECTED;
			}
			if (!lit.nonsync)
				resp_continue(s, "Ready for literal data");
			const char *data;
			const char *why = NULL;
			int fd;
			bool spool = message && lit.size > SPOOL_THRESHOLD && s->spool != NULL;
			enum cmdread_result r = read_literal(s, lit.size, spool, &data, &fd, &why);
			if (r == CMDREAD_REJECTED) {
				/* The octets are read; the rest of the command
				 * follows and is thrown away. */
				if (!discard_rest(s, true, 0, true))
					return CMDREAD_ERROR;
				conn_printf(&s->conn, "%s %s\r\n", tag != NULL ? tag : "*", why);
				return CMDREAD_REJECTED;
			}
			if (r != CMDREAD_COMMAND)
				return r;
			st = imap_parser_feed_literal(s->parser, data, (size_t)lit.size, fd);
			if (st == IMAP_PARSE_ERROR) {
				if (fd >= 0)
					close(fd);
				/* The rest of the command is still to come. */
				if (!discard_rest(s, true, 0, true))
					return CMDREAD_ERROR;
				resp_bad_tag(s, tag, imap_parser_error(s->parser));
				return CMDREAD_REJECTED;
			}
		}
	}
}
