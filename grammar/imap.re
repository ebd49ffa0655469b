/*
 * imap.re - the IMAP4rev1 command lexer (RFC 2060 §9, RFC 3501 §9), re2c.
 *
 * The lexer runs over one segment of a command: a line ending in CRLF,
 * where a literal header "{n}" CRLF (or "{n+}" CRLF, RFC 7888) ends the
 * segment early.  The parser glue reads the literal's octets itself.
 *
 * IMAP's lexical classes depend on position: the first word is a tag, the
 * second a command name, and "1:5" is a sequence set after FETCH but an
 * atom after LOGIN.  The lexer tracks position itself with re2c conditions,
 * from what it has already returned, so it never needs the parser's help:
 *
 *   TAG      first word of the command                       -> VERB
 *   VERB     the command name ("UID" stays in VERB)          -> ARG / FETCH / RAW
 *   ARG      arguments of every command but FETCH
 *   FETCH    FETCH arguments; "BODY[" and "BODY.PEEK["       -> SECTION
 *   SECTION  inside "[...]": part numbers, HEADER.FIELDS...  -> HDRLIST / PARTIAL
 *   HDRLIST  the header-list "(" ... ")" of HEADER.FIELDS    -> SECTION
 *   PARTIAL  right after "]": an optional "<" n "." m ">"     -> FETCH
 *   RAW      x-command arguments, kept as text
 *
 * Words are classified by the longest match and, between equally long
 * matches, by rule order: keywords, then number, date, sequence set, atom,
 * astring and list pattern.  Every keyword, number, date or sequence set
 * without "*" is still an atom to the grammar (rule `atom` in imap.y).
 */
#include <stdint.h>
#include <string.h>

#include "proto/lex.h"
#include "util/utf8.h"

/*!conditions:re2c*/

void imap_lexer_reset(struct imap_lexer *lx, struct arena *arena)
{
	memset(lx, 0, sizeof(*lx));
	lx->cond = yycTAG;
	lx->arena = arena;
}

void imap_lexer_input(struct imap_lexer *lx, const char *line, size_t len)
{
	lx->cur = (const unsigned char *)line;
	lx->lim = lx->cur + len;
	lx->mark = lx->cur;
	lx->tok = lx->cur;
}

/* Copy the current token's text into the arena as its semantic value. */
static int lex_word(struct imap_lexer *lx, IMAP_YYSTYPE *val, int token)
{
	size_t len = (size_t)(lx->cur - lx->tok);
	val->tok.s = arena_strndup(lx->arena, (const char *)lx->tok, len);
	val->tok.len = len;
	if (val->tok.s == NULL) {
		lx->error = "Command too large";
		return T_LEXERROR;
	}
	return token;
}

/* A run of digits: T_NUMBER, marked too big past 2^32-1 (RFC2060 §9
 * number is an unsigned 32-bit integer). */
static int lex_number(struct imap_lexer *lx, IMAP_YYSTYPE *val)
{
	uint64_t n = 0;
	bool big = false;
	for (const unsigned char *p = lx->tok; p < lx->cur; p++) {
		n = n * 10 + (uint64_t)(*p - '0');
		if (n > UINT32_MAX) {
			big = true;
			n = UINT32_MAX;
		}
	}
	val->tok.num = n;
	val->tok.toobig = big;
	return lex_word(lx, val, T_NUMBER);
}

/* "{" number ["+"] "}" CRLF: the size, and whether it is LITERAL+. */
static int lex_literal_header(struct imap_lexer *lx, IMAP_YYSTYPE *val)
{
	uint64_t n = 0;
	bool big = false;
	const unsigned char *p = lx->tok + 1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - 9) / 10)
			big = true;
		else
			n = n * 10 + (uint64_t)(*p - '0');
	}
	val->tok.num = n;
	val->tok.toobig = big;
	val->tok.nonsync = *p == '+';
	val->tok.s = "";
	val->tok.len = 0;
	if (lx->cur != lx->lim) {
		/* The reader ends every segment at CRLF, so this means a
		 * literal header that is not at the end of a line. */
		lx->error = "Literal must end the line";
		return T_LEXERROR;
	}
	return T_LITHDR;
}

/* "~{" number ["+"] "}" CRLF: a literal8 (RFC3516 §7), allowed only where
 * APPEND takes its message, so that anything else is refused before the
 * client is told to send the octets. */
static int lex_literal8_header(struct imap_lexer *lx, IMAP_YYSTYPE *val)
{
	if (lx->verb != K_APPEND) {
		lx->error = "literal8 (~{n}) is allowed only for an APPEND message";
		return T_LEXERROR;
	}
	lx->tok++;  /* the "~" */
	int r = lex_literal_header(lx, val);
	val->tok.binary = true;
	return r;
}

/* A quoted string (RFC2060 §9 quoted): unescape "\\" and "\"" into the
 * arena.  8-bit octets are accepted although the ABNF says CHAR: real
 * clients send UTF-8 here and rejecting it helps nobody.  An IMAP4rev2
 * session gets the rule of RFC 9051 instead (lex_quoted_utf8). */
static int lex_quoted(struct imap_lexer *lx, IMAP_YYSTYPE *val)
{
	size_t max = (size_t)(lx->cur - lx->tok);
	char *out = arena_alloc(lx->arena, max);
	if (out == NULL) {
		lx->error = "Command too large";
		return T_LEXERROR;
	}
	size_t n = 0;
	for (const unsigned char *p = lx->tok + 1; p < lx->cur - 1; p++) {
		if (*p == '\\')
			p++;
		out[n++] = (char)*p;
	}
	out[n] = '\0';
	if (lx->utf8 && !utf8_valid(out, n)) {
		lx->error = "Invalid UTF-8 in quoted string";
		return T_LEXERROR;
	}
	val->tok.s = out;
	val->tok.len = n;
	return T_QUOTED;
}

/* Why an unterminated quoted string stopped. */
static int lex_bad_quoted(struct imap_lexer *lx)
{
	const unsigned char *p = lx->cur;
	if (p >= lx->lim || *p == '\r' || *p == '\n')
		lx->error = "Unterminated quoted string";
	else if (*p == '\\')
		lx->error = "Invalid escape in quoted string, only \\\\ and \\\" are allowed";
	else
		lx->error = "Invalid character in quoted string";
	return T_LEXERROR;
}

/* Set the verb and the condition that its arguments are lexed in.  The
 * command name, as written, is kept for the reader's literal policy and
 * the AST ("UID" only marks the name that follows). */
static int lex_verb(struct imap_lexer *lx, IMAP_YYSTYPE *val, int token)
{
	lx->verb = token;
	if (token == K_UID)
		lx->cond = yycVERB;
	else if (token == K_FETCH)
		lx->cond = yycFETCH;
	else
		lx->cond = yycARG;
	int r = lex_word(lx, val, token);
	if (r == token && token == K_UID)
		lx->uid = true;
	else if (r == token)
		lx->verb_name = val->tok.s;
	return r;
}

int imap_lex(struct imap_lexer *lx, IMAP_YYSTYPE *val)
{
	memset(val, 0, sizeof(*val));
restart:
	lx->tok = lx->cur;
	/*!re2c
	re2c:api:style = free-form;
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "lx->cur";
	re2c:define:YYLIMIT = "lx->lim";
	re2c:define:YYMARKER = "lx->mark";
	re2c:define:YYGETCONDITION = "lx->cond";
	re2c:define:YYSETCONDITION = "lx->cond = @@;";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;

	SP        = " ";
	CRLF      = "\r\n";
	DIGIT     = [0-9];

	// RFC2060 §9: ATOM_CHAR = <any CHAR except atom_specials>;
	// atom_specials = "(" / ")" / "{" / SPACE / CTL / list_wildcards /
	// quoted_specials; RFC3501 §9 adds resp-specials ("]").
	ATOM_CHAR = [\x21\x23\x24\x26\x27\x2b-\x5b\x5e-\x7a\x7c-\x7e];
	// RFC3501 §9: ASTRING-CHAR = ATOM-CHAR / resp-specials
	ASTRING_CHAR = ATOM_CHAR | "]";
	// RFC2060 §9: list_wildcards = "%" / "*"
	LIST_CHAR = ASTRING_CHAR | "%" | "*";
	// RFC3501 §9: tag = 1*<any ASTRING-CHAR except "+">
	TAG_CHAR  = ASTRING_CHAR \ "+";
	// RFC2060 §9: QUOTED_CHAR = <any TEXT_CHAR except quoted_specials> /
	// "\" quoted_specials  (8-bit accepted, see lex_quoted)
	//
	// ---- RFC 9051: IMAP4rev2 ----
	// RFC9051 §9: QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> /
	// "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4 (RFC3629 §4), and
	// §4.3: a quoted string may carry UTF-8.  The same QUOTED token; for
	// an IMAP4rev2 session (lx->utf8, set from ENABLE IMAP4rev2) lex_quoted
	// checks that its 8-bit octets are exactly valid UTF-8 and refuses the
	// command otherwise.
	QUOTED_CHAR = [^"\\\r\n\x00] | "\\" ["\\];
	QUOTED    = ["] QUOTED_CHAR* ["];
	// RFC2060 §9: literal = "{" number "}" CRLF *CHAR8; RFC7888 adds "+"
	LITHDR    = "{" DIGIT+ "+"? "}" CRLF;
	// RFC2060 §9: set = sequence_num / (sequence_num ":" sequence_num) /
	// (set "," set); zero is lexed here and refused by the builder
	SEQNUM    = DIGIT+ | "*";
	SEQRANGE  = SEQNUM (":" SEQNUM)?;
	SEQSET    = SEQRANGE ("," SEQRANGE)*;
	// RFC2060 §9: date_text = date_day "-" date_month "-" date_year
	DATE      = DIGIT{1,2} "-" [A-Za-z]{3} "-" DIGIT{4};
	// RFC2060 §9: flag = "\" atom forms (system flags and flag_extension)
	FLAG      = "\\" ATOM_CHAR+;

	<TAG,VERB,ARG,FETCH,SECTION,HDRLIST,PARTIAL,RAW> $ { return 0; }

	// ---- TAG: the first word -----------------------------------------
	<TAG> TAG_CHAR+ => VERB { return lex_word(lx, val, T_TAG); }
	<TAG> CRLF              { return CRLF; }
	<TAG> "+"               { lx->error = "Tag must not contain '+'"; return T_LEXERROR; }
	<TAG> *                 { lx->error = "Missing tag"; return T_LEXERROR; }

	// ---- VERB: the command name ---------------------------------------
	<VERB> SP               { return SP; }
	<VERB> CRLF             { return CRLF; }
	<VERB> 'APPEND'         { return lex_verb(lx, val, K_APPEND); }
	<VERB> 'AUTHENTICATE'   { return lex_verb(lx, val, K_AUTHENTICATE); }
	<VERB> 'CAPABILITY'     { return lex_verb(lx, val, K_CAPABILITY); }
	<VERB> 'CHECK'          { return lex_verb(lx, val, K_CHECK); }
	<VERB> 'CLOSE'          { return lex_verb(lx, val, K_CLOSE); }
	<VERB> 'COMPRESS'       { return lex_verb(lx, val, K_COMPRESS); }
	<VERB> 'COPY'           { return lex_verb(lx, val, K_COPY); }
	<VERB> 'CREATE'         { return lex_verb(lx, val, K_CREATE); }
	<VERB> 'DELETE'         { return lex_verb(lx, val, K_DELETE); }
	<VERB> 'EXAMINE'        { return lex_verb(lx, val, K_EXAMINE); }
	<VERB> 'EXPUNGE'        { return lex_verb(lx, val, K_EXPUNGE); }
	<VERB> 'FETCH'          { return lex_verb(lx, val, K_FETCH); }
	<VERB> 'IDLE'           { return lex_verb(lx, val, K_IDLE); }
	<VERB> 'LIST'           { return lex_verb(lx, val, K_LIST); }
	<VERB> 'LOGIN'          { return lex_verb(lx, val, K_LOGIN); }
	<VERB> 'LOGOUT'         { return lex_verb(lx, val, K_LOGOUT); }
	<VERB> 'LSUB'           { return lex_verb(lx, val, K_LSUB); }
	// RFC 6851: MOVE
	<VERB> 'MOVE'           { return lex_verb(lx, val, K_MOVE); }
	<VERB> 'NOOP'           { return lex_verb(lx, val, K_NOOP); }
	<VERB> 'RENAME'         { return lex_verb(lx, val, K_RENAME); }
	<VERB> 'SEARCH'         { return lex_verb(lx, val, K_SEARCH); }
	<VERB> 'SELECT'         { return lex_verb(lx, val, K_SELECT); }
	<VERB> 'STARTTLS'       { return lex_verb(lx, val, K_STARTTLS); }
	<VERB> 'STATUS'         { return lex_verb(lx, val, K_STATUS); }
	<VERB> 'STORE'          { return lex_verb(lx, val, K_STORE); }
	<VERB> 'SUBSCRIBE'      { return lex_verb(lx, val, K_SUBSCRIBE); }
	<VERB> 'UNSUBSCRIBE'    { return lex_verb(lx, val, K_UNSUBSCRIBE); }
	<VERB> 'UID'            { return lex_verb(lx, val, K_UID); }
	// ---- RFC 2342, 2971, 3691, 5161: NAMESPACE, ID, UNSELECT, ENABLE ----
	<VERB> 'ENABLE'         { return lex_verb(lx, val, K_ENABLE); }
	<VERB> 'ID'             { return lex_verb(lx, val, K_ID); }
	<VERB> 'NAMESPACE'      { return lex_verb(lx, val, K_NAMESPACE); }
	<VERB> 'UNSELECT'       { return lex_verb(lx, val, K_UNSELECT); }
	// ---- RFC 5256: SORT, THREAD ----
	<VERB> 'SORT'           { return lex_verb(lx, val, K_SORT); }
	<VERB> 'THREAD'         { return lex_verb(lx, val, K_THREAD); }
	// ---- RFC 9208: QUOTA ----
	<VERB> 'GETQUOTA'       { return lex_verb(lx, val, K_GETQUOTA); }
	<VERB> 'GETQUOTAROOT'   { return lex_verb(lx, val, K_GETQUOTAROOT); }
	<VERB> 'SETQUOTA'       { return lex_verb(lx, val, K_SETQUOTA); }
	// RFC2060 §9: x_command = "X" atom <experimental command arguments>
	<VERB> 'X' ATOM_CHAR+ => RAW { return lex_word(lx, val, T_XCMD); }
	<VERB> ATOM_CHAR+ => ARG { return lex_word(lx, val, T_ATOM); }
	<VERB> *                { lx->error = "Invalid character in command name"; return T_LEXERROR; }

	// ---- shared by the argument conditions -----------------------------
	<ARG,FETCH,SECTION,HDRLIST> SP { return SP; }
	<ARG,FETCH,SECTION,HDRLIST,PARTIAL,RAW> CRLF { return CRLF; }
	<ARG,FETCH,HDRLIST> QUOTED { return lex_quoted(lx, val); }
	<ARG,FETCH,HDRLIST> ["] QUOTED_CHAR* { return lex_bad_quoted(lx); }
	<ARG,FETCH,HDRLIST,RAW> LITHDR { return lex_literal_header(lx, val); }
	// RFC3516 §7: literal8 = "~{" number "}" CRLF *OCTET (RFC7888 adds
	// "+"); a message for APPEND only: elsewhere refused before "+"
	<ARG> "~" LITHDR        { return lex_literal8_header(lx, val); }
	<ARG,FETCH,HDRLIST> "{" { lx->error = "Invalid literal, expected {number}"; return T_LEXERROR; }
	<ARG,FETCH> "("         { return '('; }
	<ARG,FETCH> ")"         { return ')'; }
	<ARG,FETCH> DIGIT+      { return lex_number(lx, val); }
	<ARG,FETCH> SEQSET      { return lex_word(lx, val, memchr(lx->tok, '*', (size_t)(lx->cur - lx->tok)) ? T_SEQSTAR : T_SEQSET); }
	// Words made only of sequence-set characters that are not a valid
	// set ("1:", "1,,2"): still handed over as one, so the builder can
	// say "Invalid sequence set" rather than "unexpected atom".
	<ARG,FETCH> [0-9*:,]+   { return lex_word(lx, val, memchr(lx->tok, '*', (size_t)(lx->cur - lx->tok)) ? T_SEQSTAR : T_SEQSET); }
	<ARG,FETCH,SECTION,HDRLIST,PARTIAL> [\x80-\xff]
				{ lx->error = "8-bit character outside a quoted string or literal"; return T_LEXERROR; }
	<ARG,FETCH,SECTION,HDRLIST> [\x00-\x1f\x7f]
				{ lx->error = "Control character in command"; return T_LEXERROR; }

	// ---- ARG: search-key, status-att, store-att-flags keywords -------
	<ARG> FLAG              { return lex_word(lx, val, T_FLAG); }
	<ARG> "\\"              { lx->error = "Missing flag name after \\"; return T_LEXERROR; }
	<ARG> 'ALL'             { return lex_word(lx, val, K_ALL); }
	<ARG> 'ANSWERED'        { return lex_word(lx, val, K_ANSWERED); }
	<ARG> 'BCC'             { return lex_word(lx, val, K_BCC); }
	<ARG> 'BEFORE'          { return lex_word(lx, val, K_BEFORE); }
	<ARG> 'BODY'            { return lex_word(lx, val, K_BODY); }
	<ARG> 'CC'              { return lex_word(lx, val, K_CC); }
	<ARG> 'CHARSET'         { return lex_word(lx, val, K_CHARSET); }
	<ARG> 'DELETED'         { return lex_word(lx, val, K_DELETED); }
	<ARG> 'DRAFT'           { return lex_word(lx, val, K_DRAFT); }
	<ARG> 'FLAGGED'         { return lex_word(lx, val, K_FLAGGED); }
	<ARG> 'FLAGS'           { return lex_word(lx, val, K_FLAGS); }
	<ARG> 'FLAGS.SILENT'    { return lex_word(lx, val, K_FLAGS_SILENT); }
	<ARG> '+FLAGS'          { return lex_word(lx, val, K_PLUS_FLAGS); }
	<ARG> '+FLAGS.SILENT'   { return lex_word(lx, val, K_PLUS_FLAGS_SILENT); }
	<ARG> '-FLAGS'          { return lex_word(lx, val, K_MINUS_FLAGS); }
	<ARG> '-FLAGS.SILENT'   { return lex_word(lx, val, K_MINUS_FLAGS_SILENT); }
	<ARG> 'FROM'            { return lex_word(lx, val, K_FROM); }
	<ARG> 'HEADER'          { return lex_word(lx, val, K_HEADER); }
	<ARG> 'KEYWORD'         { return lex_word(lx, val, K_KEYWORD); }
	<ARG> 'LARGER'          { return lex_word(lx, val, K_LARGER); }
	<ARG> 'MESSAGES'        { return lex_word(lx, val, K_MESSAGES); }
	<ARG> 'NEW'             { return lex_word(lx, val, K_NEW); }
	<ARG> 'NOT'             { return lex_word(lx, val, K_NOT); }
	<ARG> 'OLD'             { return lex_word(lx, val, K_OLD); }
	<ARG> 'ON'              { return lex_word(lx, val, K_ON); }
	<ARG> 'OR'              { return lex_word(lx, val, K_OR); }
	<ARG> 'RECENT'          { return lex_word(lx, val, K_RECENT); }
	<ARG> 'SEEN'            { return lex_word(lx, val, K_SEEN); }
	<ARG> 'SENTBEFORE'      { return lex_word(lx, val, K_SENTBEFORE); }
	<ARG> 'SENTON'          { return lex_word(lx, val, K_SENTON); }
	<ARG> 'SENTSINCE'       { return lex_word(lx, val, K_SENTSINCE); }
	<ARG> 'SINCE'           { return lex_word(lx, val, K_SINCE); }
	<ARG> 'SMALLER'         { return lex_word(lx, val, K_SMALLER); }
	<ARG> 'SUBJECT'         { return lex_word(lx, val, K_SUBJECT); }
	<ARG> 'TEXT'            { return lex_word(lx, val, K_TEXT); }
	<ARG> 'TO'              { return lex_word(lx, val, K_TO); }
	<ARG> 'UID'             { return lex_word(lx, val, K_UID); }
	<ARG> 'UIDNEXT'         { return lex_word(lx, val, K_UIDNEXT); }
	<ARG> 'UIDVALIDITY'     { return lex_word(lx, val, K_UIDVALIDITY); }
	<ARG> 'UNANSWERED'      { return lex_word(lx, val, K_UNANSWERED); }
	<ARG> 'UNDELETED'       { return lex_word(lx, val, K_UNDELETED); }
	<ARG> 'UNDRAFT'         { return lex_word(lx, val, K_UNDRAFT); }
	<ARG> 'UNFLAGGED'       { return lex_word(lx, val, K_UNFLAGGED); }
	<ARG> 'UNKEYWORD'       { return lex_word(lx, val, K_UNKEYWORD); }
	<ARG> 'UNSEEN'          { return lex_word(lx, val, K_UNSEEN); }
	// RFC 4731 (ESEARCH), RFC 5182 (SEARCHRES): RETURN options, and "$"
	// (before the atom rules, which would take it too)
	<ARG> 'RETURN'          { return lex_word(lx, val, K_RETURN); }
	<ARG> 'MIN'             { return lex_word(lx, val, K_MIN); }
	<ARG> 'MAX'             { return lex_word(lx, val, K_MAX); }
	<ARG> 'COUNT'           { return lex_word(lx, val, K_COUNT); }
	<ARG> 'SAVE'            { return lex_word(lx, val, K_SAVE); }
	<ARG,FETCH> "$"         { return lex_word(lx, val, T_SEQLAST); }
	// ---- RFC 7162: CONDSTORE, QRESYNC (search-key, status-att,
	// select-param, store-modifier) ----
	<ARG> 'MODSEQ'          { return lex_word(lx, val, K_MODSEQ); }
	<ARG> 'HIGHESTMODSEQ'   { return lex_word(lx, val, K_HIGHESTMODSEQ); }
	<ARG> 'CONDSTORE'       { return lex_word(lx, val, K_CONDSTORE); }
	<ARG> 'QRESYNC'         { return lex_word(lx, val, K_QRESYNC); }
	<ARG> 'UNCHANGEDSINCE'  { return lex_word(lx, val, K_UNCHANGEDSINCE); }
	<ARG> DATE              { return lex_word(lx, val, T_DATE); }
	<ARG> ATOM_CHAR+        { return lex_word(lx, val, T_ATOM); }
	<ARG> ASTRING_CHAR+     { return lex_word(lx, val, T_ASTRWORD); }
	<ARG> LIST_CHAR+        { return lex_word(lx, val, T_LISTWORD); }
	<ARG> *                 { lx->error = "Invalid character in command"; return T_LEXERROR; }

	// ---- FETCH: fetch-att keywords; "[" only opens a section ---------
	<FETCH> 'ALL'           { return lex_word(lx, val, K_ALL); }
	<FETCH> 'FAST'          { return lex_word(lx, val, K_FAST); }
	<FETCH> 'FULL'          { return lex_word(lx, val, K_FULL); }
	<FETCH> 'ENVELOPE'      { return lex_word(lx, val, K_ENVELOPE); }
	<FETCH> 'FLAGS'         { return lex_word(lx, val, K_FLAGS); }
	<FETCH> 'INTERNALDATE'  { return lex_word(lx, val, K_INTERNALDATE); }
	<FETCH> 'RFC822'        { return lex_word(lx, val, K_RFC822); }
	<FETCH> 'RFC822.HEADER' { return lex_word(lx, val, K_RFC822_HEADER); }
	<FETCH> 'RFC822.SIZE'   { return lex_word(lx, val, K_RFC822_SIZE); }
	<FETCH> 'RFC822.TEXT'   { return lex_word(lx, val, K_RFC822_TEXT); }
	<FETCH> 'BODY'          { return lex_word(lx, val, K_BODY); }
	<FETCH> 'BODYSTRUCTURE' { return lex_word(lx, val, K_BODYSTRUCTURE); }
	<FETCH> 'UID'           { return lex_word(lx, val, K_UID); }
	// ---- RFC 7162: fetch-mod-sequence, fetch-modifier ----
	<FETCH> 'MODSEQ'        { return lex_word(lx, val, K_MODSEQ); }
	<FETCH> 'CHANGEDSINCE'  { return lex_word(lx, val, K_CHANGEDSINCE); }
	<FETCH> 'VANISHED'      { return lex_word(lx, val, K_VANISHED); }
	<FETCH> 'BODY['   => SECTION { return T_BODY_SECTION; }
	<FETCH> 'BODY.PEEK[' => SECTION { return T_BODY_PEEK_SECTION; }
	// RFC 3516: BINARY[, BINARY.PEEK[, BINARY.SIZE[ (section-binary)
	<FETCH> 'BINARY['  => SECTION { return T_BINARY_SECTION; }
	<FETCH> 'BINARY.PEEK[' => SECTION { return T_BINARY_PEEK_SECTION; }
	<FETCH> 'BINARY.SIZE[' => SECTION { return T_BINARY_SIZE_SECTION; }
	<FETCH> (ATOM_CHAR \ "[")+ { return lex_word(lx, val, T_ATOM); }
	<FETCH> *               { lx->error = "Invalid character in FETCH arguments"; return T_LEXERROR; }

	// ---- SECTION: RFC3501 §9 section-spec inside "[" "]" -----------
	<SECTION> DIGIT+        { return lex_number(lx, val); }
	<SECTION> "."           { return '.'; }
	<SECTION> 'HEADER'      { return lex_word(lx, val, K_HEADER); }
	<SECTION> 'HEADER.FIELDS' { return lex_word(lx, val, K_HEADER_FIELDS); }
	<SECTION> 'HEADER.FIELDS.NOT' { return lex_word(lx, val, K_HEADER_FIELDS_NOT); }
	<SECTION> 'TEXT'        { return lex_word(lx, val, K_TEXT); }
	<SECTION> 'MIME'        { return lex_word(lx, val, K_MIME); }
	<SECTION> "(" => HDRLIST { return '('; }
	<SECTION> "]" => PARTIAL { return ']'; }
	<SECTION> *             { lx->error = "Invalid section, expected a part number, HEADER, HEADER.FIELDS, TEXT or MIME"; return T_LEXERROR; }

	// ---- HDRLIST: header-fld-name = astring (RFC2060 §9) -------------
	<HDRLIST> ")" => SECTION { return ')'; }
	<HDRLIST> ATOM_CHAR+    { return lex_word(lx, val, T_ATOM); }
	<HDRLIST> *             { lx->error = "Invalid character in header list"; return T_LEXERROR; }

	// ---- PARTIAL: "<" number "." nz_number ">" after a section -------
	<PARTIAL> "<"           { return '<'; }
	<PARTIAL> DIGIT+        { return lex_number(lx, val); }
	<PARTIAL> "."           { return '.'; }
	<PARTIAL> ">" => FETCH  { return '>'; }
	<PARTIAL> *             { lx->cur = lx->tok; lx->cond = yycFETCH; goto restart; }

	// ---- RAW: x-command arguments ------------------------------------
	<RAW> [^\r\n]+          {
		/* Stop before a literal header that ends the segment, so that
		 * it is lexed on its own; never return an empty token. */
		const unsigned char *e = lx->cur;
		if (e > lx->tok + 2 && e[-1] == '}' && e + 2 == lx->lim && e[0] == '\r' && e[1] == '\n') {
			const unsigned char *p = e - 2;
			if (*p == '+' && p > lx->tok)
				p--;
			const unsigned char *d = p;
			while (d > lx->tok && *d >= '0' && *d <= '9')
				d--;
			if (d < p && *d == '{' && d > lx->tok)
				lx->cur = d;
		}
		return lex_word(lx, val, T_RAW);
	}
	<RAW> *                 { lx->error = "Invalid character in command"; return T_LEXERROR; }
	*/
}
