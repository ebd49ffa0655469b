/*
 * cmdread.h - read one whole command from the client: its lines and
 * literals (RFC2060 §4.3, §7.5; LITERAL+ RFC7888), enforcing the limits
 * of imapd.conf, and hand it to the parser.
 */
#ifndef IMAPD_PROTO_CMDREAD_H
#define IMAPD_PROTO_CMDREAD_H

#include "proto/ast.h"
#include "proto/session.h"

enum cmdread_result {
	CMDREAD_COMMAND,   /* *cmd_r is a parsed command */
	CMDREAD_REJECTED,  /* answered with BAD/NO already; read the next one */
	CMDREAD_EOF,       /* the client closed the connection */
	CMDREAD_TIMEOUT,   /* autologout */
	CMDREAD_ERROR,     /* I/O error, or a limit that ends the session */
};

/* Read the next command into the session's arena. */
enum cmdread_result cmdread_next(struct session *s, struct imap_cmd **cmd_r);

/* If `line` (len octets, CRLF-terminated) ends in a literal header, set
 * *size_r and *nonsync_r and return true. */
bool cmdread_literal_suffix(const char *line, size_t len, uint64_t *size_r, bool *nonsync_r);

#endif
