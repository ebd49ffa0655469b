/*
 * cmdread.c - reading a command with its literals (see cmdread.h).
 *
 * The limits protect the server, and refusing must never desynchronise
 * the client: a synchronising literal that is too large is refused before
 * "+" is sent, so the client does not send it (RFC3501 §7.5); a
 * non-synchronising one is already on its way, so it is read and thrown
 * away before the BAD; an over-long line is discarded through its LF,
 * and when its end announced a non-synchronising literal, that literal
 * and the rest of the command are discarded too, so that no octet the
 * client meant as data is ever run as a command.
 */
#include "proto/cmdread.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "proto/cmddef.h"
#include "proto/parser.h"
#include "proto/response.h"
#include "proto/session.h"
#include "util/log.h"
#include "util/spool.h"

/* A non-synchronising literal larger than this is not worth reading to
 * stay in sync: the session ends instead (RFC7888 §4 allows it). */
#define NONSYNC_DISCARD_MAX (UINT64_C(1) << 30)

/* RFC7888 §5: under LITERAL-, "non-synchronizing literals used in any
 * command MUST NOT be larger than 4096 bytes". */
#define LITERAL_MINUS_MAX 4096

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

static enum cmdread_result io_result(ssize_t n)
{
	return n == CONN_AGAIN ? CMDREAD_AGAIN : n == CONN_EOF ? CMDREAD_EOF : CMDREAD_ERROR;
}

/* The command is answered: send the tagged response and start over. */
static enum cmdread_result rejected(struct session *s)
{
	struct cmdread *rd = &s->rd;
	if (rd->reply != NULL)
		conn_printf(&s->conn, "%s %s\r\n", rd->tag != NULL ? rd->tag : "*", rd->reply);
	rd->state = CR_START;
	return CMDREAD_REJECTED;
}

/*
 * Refuse the command being read with `reply` ("BAD ...", "NO ..."), after
 * throwing away what is still to come of it: when the last line ended in
 * a literal header (has_lit), a non-synchronising literal's octets and
 * the lines after it; a synchronising one will not come (no "+" was
 * sent).  `skip_line` says that the line after the literal is to come even
 * though its octets were already read.
 */
static enum cmdread_result reject(struct session *s, const char *reply, bool has_lit,
				  uint64_t size, bool nonsync, bool skip_line)
{
	struct cmdread *rd = &s->rd;
	rd->reply = reply;
	if (skip_line || (has_lit && nonsync)) {
		rd->skip = has_lit && nonsync ? size : 0;
		if (rd->skip > NONSYNC_DISCARD_MAX) {
			resp_bye(s, "[TOOBIG] Literal too large to skip");
			return CMDREAD_ERROR;
		}
		rd->skip_then_line = true;
		rd->state = CR_DISCARD;
		return CMDREAD_AGAIN;  /* the caller's loop goes on */
	}
	return rejected(s);
}

/* CR_DISCARD: returns CMDREAD_AGAIN to wait, or the final result. */
static enum cmdread_result discard_step(struct session *s)
{
	struct cmdread *rd = &s->rd;
	for (;;) {
		while (rd->skip > 0) {
			ssize_t n = conn_skip_some(&s->conn, rd->skip);
			if (n < 0)
				return io_result(n);
			rd->skip -= (uint64_t)n;
		}
		if (!rd->skip_then_line)
			return rejected(s);
		char *line;
		ssize_t n = conn_read_line(&s->conn, s->cfg->maxline, &line);
		const char *end = line;
		size_t endlen = (size_t)n;
		char tail[CONN_LINE_TAIL + 3];
		if (n == CONN_TOOLONG) {
			endlen = conn_line_tail(&s->conn, tail);
			end = tail;
		} else if (n < 0) {
			return io_result(n);
		}
		uint64_t size;
		bool nonsync;
		if (!cmdread_literal_suffix(end, endlen, &size, &nonsync) || !nonsync) {
			rd->skip_then_line = false;
			return rejected(s);
		}
		if (size > NONSYNC_DISCARD_MAX) {
			resp_bye(s, "[TOOBIG] Literal too large to skip");
			return CMDREAD_ERROR;
		}
		rd->skip = size;
	}
}

/* Decide on the literal the parser stopped at and set up its reading. */
static enum cmdread_result begin_literal(struct session *s, const struct imap_literal_req *lit)
{
	struct cmdread *rd = &s->rd;
	const struct imapd_config *cfg = s->cfg;
	/* Decide by the command table's row (proto/cmddef.h). */
	bool uid = false;
	const char *verb = imap_parser_verb(s->parser, &uid);
	const struct cmd_def *def = s->cmds != NULL && verb != NULL ? cmddef_find(s->cmds, verb) : NULL;
	bool message = def != NULL && def->literal == CMD_LITERAL_MESSAGE;
	uint64_t max = message ? cfg->maxmessagesize : cfg->maxliteral;
	if (cfg->literal_minus && lit->nonsync && (lit->toobig || lit->size > LITERAL_MINUS_MAX)) {
		/* RFC7888 §5: a LITERAL- server meeting a larger one proceeds
		 * as in §4: we read it and refuse the command (BYE past
		 * NONSYNC_DISCARD_MAX), and a tagged BAD "MUST contain the
		 * TOOBIG response code" for APPEND; we use it for all. */
		return reject(s, "BAD [TOOBIG] Non-synchronizing literal larger than 4096 octets "
			      "(LITERAL-): send it synchronizing", true, lit->size, true, false);
	}
	if (lit->toobig || (max != 0 && lit->size > max)) {
		const char *reply = message
			? arena_printf(&s->arena, "NO [TOOBIG] Message larger than the %llu octets allowed",
				       (unsigned long long)max)
			: arena_printf(&s->arena, "BAD [TOOBIG] Literal larger than the %llu octets allowed",
				       (unsigned long long)max);
		return reject(s, reply != NULL ? reply : "BAD [TOOBIG] Literal too large", true,
			      lit->size, lit->nonsync, false);
	}
	char refusal[128];
	if (message && !cmddef_state_ok(def, s->state, uid, refusal, sizeof(refusal))) {
		/* Do not take a message from a client that cannot store it:
		 * BAD before "+" (APPEND is command_auth, RFC2060 §6.3.11).
		 * Other literals are read, and the dispatcher refuses the
		 * whole command. */
		const char *reply = arena_printf(&s->arena, "BAD %s", refusal);
		return reject(s, reply != NULL ? reply : "BAD Not valid in this state", true,
			      lit->size, lit->nonsync, false);
	}
	rd->lit_size = lit->size;
	rd->lit_done = 0;
	rd->lit_buf = NULL;
	rd->lit_fd = -1;
	rd->lit_errno = 0;
	if (message && lit->size > SPOOL_THRESHOLD && s->spool != NULL)
		rd->lit_fd = spool_create(s->spool);
	if (rd->lit_fd < 0) {
		rd->lit_buf = arena_alloc(&s->arena, (size_t)lit->size + 1);
		if (rd->lit_buf == NULL) {
			/* The command as a whole passed its memory limit;
			 * refused before "+" when the client waits for it. */
			return reject(s, "BAD [TOOBIG] Command too large", true, lit->size,
				      lit->nonsync, false);
		}
	}
	if (!lit->nonsync)
		resp_continue(s, "Ready for literal data");
	rd->state = CR_LITERAL;
	return CMDREAD_AGAIN;
}

/* What the parser said about a line or literal: go on (CMDREAD_AGAIN,
 * with rd->state set), or a result for the caller. */
static enum cmdread_result parsed(struct session *s, enum imap_parse_status st,
				  const struct imap_literal_req *lit, const char *line, size_t len,
				  struct imap_cmd **cmd_r)
{
	struct cmdread *rd = &s->rd;
	rd->tag = imap_parser_tag(s->parser);
	switch (st) {
	case IMAP_PARSE_DONE:
		*cmd_r = imap_parser_command(s->parser);
		rd->state = CR_START;
		return CMDREAD_COMMAND;
	case IMAP_PARSE_EMPTY:
		/* Ignored, as Dovecot does: a stray CRLF between commands is
		 * not worth a BAD. */
		rd->state = CR_START;
		return CMDREAD_AGAIN;
	case IMAP_PARSE_MORE:
		rd->state = CR_LINE;
		return CMDREAD_AGAIN;
	case IMAP_PARSE_ERROR: {
		const char *reply = arena_printf(&s->arena, "BAD %s", imap_parser_error(s->parser));
		uint64_t size = 0;
		bool nonsync = false;
		bool has_lit = line != NULL && cmdread_literal_suffix(line, len, &size, &nonsync);
		return reject(s, reply != NULL ? reply : "BAD Syntax error", has_lit, size, nonsync,
			      line == NULL);
	}
	case IMAP_PARSE_LITERAL:
		return begin_literal(s, lit);
	}
	return CMDREAD_ERROR;
}

/* CR_LITERAL: take the literal's octets as they come. */
static enum cmdread_result literal_step(struct session *s, struct imap_cmd **cmd_r)
{
	struct cmdread *rd = &s->rd;
	while (rd->lit_done < rd->lit_size) {
		const unsigned char *p;
		ssize_t n = conn_peek(&s->conn, &p);
		if (n < 0)
			return io_result(n);
		size_t take = (size_t)n;
		if (take > rd->lit_size - rd->lit_done)
			take = (size_t)(rd->lit_size - rd->lit_done);
		if (rd->lit_fd >= 0) {
			/* Keep reading after a failed write so that the
			 * protocol stays in step; report it at the end. */
			size_t off = 0;
			while (rd->lit_errno == 0 && off < take) {
				ssize_t w = write(rd->lit_fd, p + off, take - off);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0)
					rd->lit_errno = w < 0 ? errno : EIO;
				else
					off += (size_t)w;
			}
		} else {
			memcpy(rd->lit_buf + rd->lit_done, p, take);
		}
		conn_consume(&s->conn, take);
		rd->lit_done += take;
	}
	int fd = rd->lit_fd;
	rd->lit_fd = -1;
	if (fd >= 0 && rd->lit_errno != 0) {
		close(fd);
		spool_cleanup(s->spool);  /* not left in tmp/ until the next APPEND */
		bool full = rd->lit_errno == ENOSPC || rd->lit_errno == EDQUOT;
		log_err("spooling an APPEND literal: %s", strerror(rd->lit_errno));
		/* RFC5530: OVERQUOTA is what a client shows as "disk full". */
		return reject(s, full ? "NO [OVERQUOTA] Not enough disk space"
				      : "NO [SERVERBUG] Cannot store the message now",
			      false, 0, false, true);
	}
	if (rd->lit_buf != NULL)
		rd->lit_buf[rd->lit_size] = '\0';
	enum imap_parse_status st = imap_parser_feed_literal(s->parser, rd->lit_buf,
							     (size_t)rd->lit_size, fd);
	if (st == IMAP_PARSE_ERROR && fd >= 0)
		close(fd);
	/* An error here leaves the rest of the command (its next line) to
	 * come: parsed() is told there is no line to look at. */
	return parsed(s, st, NULL, NULL, 0, cmd_r);
}

enum cmdread_result cmdread_step(struct session *s, struct imap_cmd **cmd_r)
{
	struct cmdread *rd = &s->rd;
	for (;;) {
		enum cmdread_result r;
		switch (rd->state) {
		case CR_START:
			/* The previous command is over: its memory goes. */
			arena_reset(&s->arena);
			imap_parser_begin(s->parser, &s->arena);
			/* RFC9051 §9: UTF-8 quoted strings once IMAP4rev2 is on. */
			imap_parser_utf8(s->parser, session_enabled(s, SESSION_EXT_REV2));
			rd->tag = NULL;
			rd->reply = NULL;
			rd->lit_fd = -1;
			rd->first = true;
			rd->state = CR_LINE;
			/* fall through */
		case CR_LINE: {
			char *line;
			ssize_t n = conn_read_line(&s->conn, s->cfg->maxline, &line);
			if (n == CONN_TOOLONG) {
				if (rd->first)
					rd->tag = line_tag(s, line);
				char tail[CONN_LINE_TAIL + 3];
				size_t tl = conn_line_tail(&s->conn, tail);
				uint64_t size = 0;
				bool nonsync = false;
				bool has_lit = cmdread_literal_suffix(tail, tl, &size, &nonsync);
				r = reject(s, "BAD Command line too long", has_lit, size, nonsync, false);
				break;
			}
			if (n < 0)
				return io_result(n);
			struct imap_literal_req lit;
			enum imap_parse_status st =
				imap_parser_feed_line(s->parser, line, (size_t)n, &lit);
			rd->first = false;
			r = parsed(s, st, &lit, line, (size_t)n, cmd_r);
			break;
		}
		case CR_LITERAL:
			r = literal_step(s, cmd_r);
			if (r == CMDREAD_AGAIN && rd->state == CR_LITERAL)
				return r;  /* waiting for more of the literal */
			break;
		case CR_DISCARD:
			r = discard_step(s);
			if (r == CMDREAD_AGAIN)
				return r;
			break;
		default:
			return CMDREAD_ERROR;
		}
		if (r != CMDREAD_AGAIN)
			return r;
	}
}
