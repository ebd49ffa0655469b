/*
 * ast_print.h - render a parsed command back to canonical IMAP.
 *
 * "Canonical" means: upper-case keywords, one SP between tokens, strings
 * as atoms when they can be, quoted when they must, literals when they
 * must (8-bit, CR, LF, NUL), sequence sets as written, the FETCH macros
 * as written.  Parsing the output gives the same AST, which the parser
 * tests check for every command (parse -> print -> parse -> print).
 */
#ifndef IMAPD_PROTO_AST_PRINT_H
#define IMAPD_PROTO_AST_PRINT_H

#include "proto/ast.h"
#include "util/sbuf.h"

/* Append the command, ending in CRLF, to out. */
void ast_print(struct sbuf *out, const struct imap_cmd *cmd);

/* Pieces, for tests and logs. */
void ast_print_seqset(struct sbuf *out, const struct imap_seq_set *set);
void ast_print_search_key(struct sbuf *out, const struct imap_search_key *key);
void ast_print_fetch_att(struct sbuf *out, const struct imap_fetch_att *att);

/* "[1.2.HEADER.FIELDS (From)]": a section as FETCH responses name it. */
void ast_print_section(struct sbuf *out, const struct imap_section *sec);

/* "MESSAGES", "UIDNEXT", ... */
const char *imap_status_att_name(enum imap_status_att att);

#endif
