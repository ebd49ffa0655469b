/*
 * cmdread.h - read one whole command from the client: its lines and
 * literals (RFC2060 §4.3, §7.5; LITERAL+ RFC7888), enforcing the limits
 * of imapd.conf, and hand it to the parser.
 *
 * The reader never waits: cmdread_step() takes what the connection has
 * and returns CMDREAD_AGAIN when the command is not complete yet, keeping
 * its place (a half-read literal, the rest of a rejected command being
 * thrown away) in struct cmdread until the session's event loop has more.
 */
#ifndef IMAPD_PROTO_CMDREAD_H
#define IMAPD_PROTO_CMDREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/ast.h"

struct session;

enum cmdread_result {
	CMDREAD_COMMAND,   /* *cmd_r is a parsed command */
	CMDREAD_REJECTED,  /* answered with BAD/NO already; read the next one */
	CMDREAD_AGAIN,     /* the command is not complete: wait for input */
	CMDREAD_EOF,       /* the client closed the connection */
	CMDREAD_ERROR,     /* I/O error, or a limit that ends the session */
};

/*
 * Go on reading the current command.  CMDREAD_COMMAND puts the command
 * (in the session's arena) in *cmd_r; CMDREAD_REJECTED means it was
 * answered already; CMDREAD_AGAIN, wait until the connection is readable.
 */
enum cmdread_result cmdread_step(struct session *s, struct imap_cmd **cmd_r);

/* If `line` (len octets, CRLF-terminated) ends in a literal header, set
 * *size_r and *nonsync_r and return true. */
bool cmdread_literal_suffix(const char *line, size_t len, uint64_t *size_r, bool *nonsync_r);

#endif
