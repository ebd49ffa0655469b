/*
 * lex.h - the lexer entry point, for the parser glue and the lexer tests.
 * Separate from lexer.h because it needs the token numbers that Bison
 * writes into gen/imap_parse.h.
 */
#ifndef IMAPD_PROTO_LEX_H
#define IMAPD_PROTO_LEX_H

#include "imap_parse.h"
#include "proto/lexer.h"

/*
 * Return the next token of the segment and fill *val (tokens with text:
 * val->tok).  Returns 0 at the end of the segment, T_LITHDR after a
 * literal header (val->tok.num is the size), and T_LEXERROR with
 * lx->error set for input no token can start with.
 */
int imap_lex(struct imap_lexer *lx, IMAP_YYSTYPE *val);

/* A readable name for a token ("SP", "mailbox pattern", "FETCH"). */
const char *imap_token_desc(int token);

#endif
