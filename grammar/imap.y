/*
 * imap.y - the IMAP4rev1 command grammar, RFC 2060 §9 (Formal Syntax).
 *
 * Each nonterminal carries the name of the ABNF rule it implements
 * (hyphens become underscores) and cites the section the rule is in, so
 * this file reads next to rfc2060.txt.  Where RFC 3501 changed a rule we
 * follow RFC 3501 and say so.  Actions only build AST nodes (src/proto/ast.h);
 * semantic checks that the ABNF expresses with character classes (dates,
 * nz-number, sequence sets) are made by the builders in src/proto/build.c.
 *
 * Tokens come from the re2c lexer (grammar/imap.re), which switches its
 * own conditions: the first word is the tag, the next the command verb,
 * and inside FETCH the lexer splits "BODY[...]<...>" into its parts.
 *
 * The parser is a push parser: the glue (src/proto/parser.c) pushes each
 * token as soon as it is lexed, so an error before a literal is found
 * before the server would send "+" for it (RFC 3501 §7.5).
 */

%define api.pure full
%define api.push-pull push
%define api.prefix {imap_yy}
%define parse.error custom
%define parse.lac none
%expect 0

%code requires {
#include "proto/parse_ctx.h"
}

%code {
#include <stdio.h>
#include <string.h>
/* Bison calls this only for "memory exhausted": the arena limit. */
static void imap_yyerror(struct imap_parse_ctx *ctx, const char *msg);
#define CMD (ctx->cmd)
/* Record that a construct named `what` just ended, for error messages,
 * with the number of the last non-SP token in it.  A reduction made while
 * a non-SP lookahead is pending ended before that token; one made with no
 * lookahead (a default reduction right after a shift) or with SP ahead
 * ended at the last non-SP token pushed. */
#define NOTE(what) do { ctx->last_what = (what); \
	ctx->last_at = yychar == IMAP_YYEMPTY || yychar == SP ? ctx->nonsp : ctx->nonsp - 1; } while (0)
/* Abort the parse with the builder's message; rules use it as the last
 * statement of an action. */
#define CHECK(expr) do { if (!(expr)) YYERROR; } while (0)
#define PUSH(vec, elem) do { if (!imap_vec_push(ctx, &(vec), &(elem), sizeof(elem))) YYNOMEM; } while (0)
}

%parse-param {struct imap_parse_ctx *ctx}

%union {
	struct imap_lexval tok;
	struct imap_string str;
	struct imap_seq_set set;
	struct imap_flags flags;
	struct imap_fetch_att att;
	struct imap_section section;
	struct imap_search_key *key;
	struct imap_vec vec;
	struct imap_date date;
	struct imap_datetime datetime;
	uint32_t num;
	int op;
}

/* Tokens with text. */
%token <tok> T_TAG      "tag"
%token <tok> T_ATOM     "atom"
%token <tok> T_NUMBER   "number"
%token <tok> T_SEQSET   "sequence set"
%token <tok> T_SEQSTAR  "sequence set with *"
%token <tok> T_DATE     "date"
%token <tok> T_ASTRWORD "astring"
%token <tok> T_LISTWORD "mailbox pattern"
%token <tok> T_QUOTED   "quoted string"
%token <tok> T_LITERAL  "literal"
%token <tok> T_FLAG     "flag"
%token <tok> T_XCMD     "X-command"
%token <tok> T_RAW      "X-command arguments"
/* Returned by the lexer, never seen by the grammar: the glue acts on them. */
%token <tok> T_LITHDR   "literal header"
%token T_LEXERROR       "invalid input"

%token SP   "SP"
%token CRLF "end of line"

/* Command verbs (lexed only where a command name is expected). */
%token <tok> K_APPEND "APPEND" K_AUTHENTICATE "AUTHENTICATE" K_CAPABILITY "CAPABILITY"
%token <tok> K_CHECK "CHECK" K_CLOSE "CLOSE" K_COPY "COPY" K_CREATE "CREATE"
%token <tok> K_DELETE "DELETE" K_EXAMINE "EXAMINE" K_EXPUNGE "EXPUNGE" K_FETCH "FETCH"
%token <tok> K_LIST "LIST" K_LOGIN "LOGIN" K_LOGOUT "LOGOUT" K_LSUB "LSUB" K_NOOP "NOOP"
%token <tok> K_RENAME "RENAME" K_SEARCH "SEARCH" K_SELECT "SELECT" K_STARTTLS "STARTTLS"
%token <tok> K_STATUS "STATUS" K_STORE "STORE" K_SUBSCRIBE "SUBSCRIBE"
%token <tok> K_UNSUBSCRIBE "UNSUBSCRIBE" K_UID "UID" K_IDLE "IDLE" K_COMPRESS "COMPRESS"
/* ---- RFC 2342, 2971, 3691, 5161: NAMESPACE, ID, UNSELECT, ENABLE ---- */
%token <tok> K_NAMESPACE "NAMESPACE" K_ID "ID" K_UNSELECT "UNSELECT" K_ENABLE "ENABLE"
/* ---- RFC 6851: MOVE ---- */
%token <tok> K_MOVE "MOVE"
/* ---- RFC 3516: BINARY ---- */
%token T_BINARY_SECTION "BINARY[" T_BINARY_PEEK_SECTION "BINARY.PEEK[" T_BINARY_SIZE_SECTION "BINARY.SIZE["
%token <tok> T_LITERAL8 "literal8"
/* ---- RFC 4731: ESEARCH, RFC 5182: SEARCHRES ---- */
%token <tok> K_RETURN "RETURN" K_MIN "MIN" K_MAX "MAX" K_COUNT "COUNT" K_SAVE "SAVE"
%token <tok> T_SEQLAST "$"

/* Argument keywords: fetch-att, search-key, status-att, store-att-flags. */
%token <tok> K_ALL "ALL" K_FAST "FAST" K_FULL "FULL" K_ENVELOPE "ENVELOPE" K_FLAGS "FLAGS"
%token <tok> K_INTERNALDATE "INTERNALDATE" K_RFC822 "RFC822" K_RFC822_HEADER "RFC822.HEADER"
%token <tok> K_RFC822_SIZE "RFC822.SIZE" K_RFC822_TEXT "RFC822.TEXT" K_BODY "BODY"
%token <tok> K_BODYSTRUCTURE "BODYSTRUCTURE"
%token <tok> K_ANSWERED "ANSWERED" K_BCC "BCC" K_BEFORE "BEFORE" K_CC "CC" K_DELETED "DELETED"
%token <tok> K_DRAFT "DRAFT" K_FLAGGED "FLAGGED" K_FROM "FROM" K_HEADER "HEADER"
%token <tok> K_KEYWORD "KEYWORD" K_LARGER "LARGER" K_NEW "NEW" K_NOT "NOT" K_OLD "OLD"
%token <tok> K_ON "ON" K_OR "OR" K_RECENT "RECENT" K_SEEN "SEEN" K_SENTBEFORE "SENTBEFORE"
%token <tok> K_SENTON "SENTON" K_SENTSINCE "SENTSINCE" K_SINCE "SINCE" K_SMALLER "SMALLER"
%token <tok> K_SUBJECT "SUBJECT" K_TEXT "TEXT" K_TO "TO" K_UNANSWERED "UNANSWERED"
%token <tok> K_UNDELETED "UNDELETED" K_UNDRAFT "UNDRAFT" K_UNFLAGGED "UNFLAGGED"
%token <tok> K_UNKEYWORD "UNKEYWORD" K_UNSEEN "UNSEEN" K_CHARSET "CHARSET"
%token <tok> K_MESSAGES "MESSAGES" K_UIDNEXT "UIDNEXT" K_UIDVALIDITY "UIDVALIDITY"
%token <tok> K_PLUS_FLAGS "+FLAGS" K_MINUS_FLAGS "-FLAGS" K_FLAGS_SILENT "FLAGS.SILENT"
%token <tok> K_PLUS_FLAGS_SILENT "+FLAGS.SILENT" K_MINUS_FLAGS_SILENT "-FLAGS.SILENT"

/* Inside FETCH: "BODY[" and "BODY.PEEK[" open a section; inside it: */
%token T_BODY_SECTION "BODY[" T_BODY_PEEK_SECTION "BODY.PEEK["
%token <tok> K_HEADER_FIELDS "HEADER.FIELDS" K_HEADER_FIELDS_NOT "HEADER.FIELDS.NOT"
%token <tok> K_MIME "MIME"

%type <str> astring string atom mailbox list_mailbox header_fld_name flag_keyword
%type <str> userid password auth_type initial_response charset
%type <set> sequence_set
%type <flags> flag_list flag_seq
%type <str> flag
%type <att> fetch_att partial fetch_att_binary
%type <vec> section_binary
%type <vec> fetch_att_list header_list header_fld_names search_key_list section_part
%type <section> section section_spec section_text section_msgtext
%type <op> store_att_flags status_att
%type <tok> keyword
%type <key> search_key search_key_1
%type <date> date
%type <datetime> date_time
%type <num> number nz_number
/* ---- RFC 2971, 5161: ID, ENABLE ---- */
%type <str> id_nstring

%%

/* RFC2060 §9: command = tag SP (command_any / command_auth /
 *   command_nonauth / command_select) CRLF */
command:
	T_TAG { ctx->tag = $1.s; CMD->tag = $1.s; } SP command_body CRLF
	;

command_body:
	command_any
	| command_nonauth
	| command_auth
	| command_select
	| unknown_command
	;

/* RFC2060 §9: command_any = "CAPABILITY" / "LOGOUT" / "NOOP" / x_command */
command_any:
	K_CAPABILITY            { CMD->type = IMAP_CMD_CAPABILITY; }
	| K_LOGOUT              { CMD->type = IMAP_CMD_LOGOUT; }
	| K_NOOP                { CMD->type = IMAP_CMD_NOOP; }
	| x_command
	| id
	;

/* RFC2060 §9: x_command = "X" atom <experimental command arguments>.
 * The arguments are kept raw: their syntax belongs to the extension. */
x_command:
	T_XCMD x_args           { CMD->type = IMAP_CMD_X; CMD->u.x.name = $1.s;
				  if (CMD->u.x.args == NULL) CMD->u.x.args = ""; }
	;

x_args:
	%empty
	| x_args T_RAW          { CMD->u.x.args = CMD->u.x.args == NULL ? $2.s
				    : arena_printf(ctx->arena, "%s%s", CMD->u.x.args, $2.s);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
	| x_args T_LITERAL      { CMD->u.x.args = arena_printf(ctx->arena, "%s{%zu}\r\n",
				    CMD->u.x.args == NULL ? "" : CMD->u.x.args, $2.len);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
	;

/* Not in the RFC: an atom in command position that names no command. */
unknown_command:
	T_ATOM                  { imap_parse_fail(ctx, "Unknown command %s", $1.s); YYERROR; }
	;

/* RFC2060 §9: command_nonauth = login / authenticate.
 * RFC3501 §9 adds "STARTTLS" (§6.2.1). */
command_nonauth:
	login
	| authenticate
	| K_STARTTLS            { CMD->type = IMAP_CMD_STARTTLS; }
	;

/* RFC2060 §9: command_auth = append / create / delete / examine / list /
 *   lsub / rename / select / status / subscribe / unsubscribe */
command_auth:
	append | create | delete | examine | list | lsub | rename | select
	| status | subscribe | unsubscribe | idle | compress
	| namespace | enable
	;

/* RFC2177 §4: idle ::= "IDLE" CRLF "DONE" (command_auth).  The parser sees
 * "IDLE" CRLF; the "DONE" line is read by the waiting command
 * (src/cmd/idle.c), as the continuation it is. */
idle:
	K_IDLE                  { CMD->type = IMAP_CMD_IDLE; }
	;

/* RFC4978 §5: compress = "COMPRESS" SP algorithm (command-auth);
 * algorithm = "DEFLATE".  Any atom parses: an algorithm we do not know
 * is answered by the executor, not as a syntax error. */
compress:
	K_COMPRESS SP atom      { CMD->type = IMAP_CMD_COMPRESS;
				  CMD->u.compress.algorithm = $3.data; NOTE("compression algorithm"); }
	;

/* ---- RFC 2342: NAMESPACE ---- */

/* RFC2342 §6: Namespace_Command = "NAMESPACE"; §4: valid in the
 * authenticated and selected states (command_auth). */
namespace:
	K_NAMESPACE             { CMD->type = IMAP_CMD_NAMESPACE; }
	;

/* ---- RFC 5161: ENABLE ---- */

/* RFC5161 §4: command-any =/ "ENABLE" 1*(SP capability); §3.1 makes it
 * valid only after login, so it is a command_auth here, as in RFC9051.
 * RFC3501 §9: capability = ("AUTH=" auth-type) / atom. */
enable:
	K_ENABLE enable_caps    { CMD->type = IMAP_CMD_ENABLE; }
	;

enable_caps:
	SP atom                 { CHECK(imap_enable_add(ctx, &$2)); NOTE("capability"); }
	| enable_caps SP atom   { CHECK(imap_enable_add(ctx, &$3)); NOTE("capability"); }
	;

/* ---- RFC 2971: ID ---- */

/* RFC2971 §4: id ::= "ID" SPACE id_params_list (command_any);
 * id_params_list ::= "(" #(string SPACE nstring) ")" / nil.  RFC9051
 * writes the list "(" *(string SP nstring) ")", so "()" is accepted. */
id:
	K_ID SP id_params_list  { CMD->type = IMAP_CMD_ID; }
	;

id_params_list:
	'(' ')'                 { NOTE("ID parameter list"); }
	| '(' id_pairs ')'      { NOTE("ID parameter list"); }
	| atom                  { CHECK(imap_build_nil(ctx, &$1)); CMD->u.id.nil = true; NOTE("NIL"); }
	;

id_pairs:
	string SP id_nstring    { CHECK(imap_id_add(ctx, &$1, &$3)); }
	| id_pairs SP string SP id_nstring
				{ CHECK(imap_id_add(ctx, &$3, &$5)); }
	;

/* RFC2060 §9: nstring = string / nil; a NIL value has no data (NULL). */
id_nstring:
	string                  { $$ = $1; NOTE("ID value"); }
	| atom                  { CHECK(imap_build_nil(ctx, &$1)); $$ = (struct imap_string){ .data = NULL };
				  NOTE("NIL"); }
	;

/* ---- RFC 3691: UNSELECT ---- */

/* RFC3691 §4: command-select /= "UNSELECT" */
unselect:
	K_UNSELECT              { CMD->type = IMAP_CMD_UNSELECT; }
	;

/* RFC2060 §9: command_select = "CHECK" / "CLOSE" / "EXPUNGE" / copy /
 *   fetch / store / uid / search */
command_select:
	K_CHECK                 { CMD->type = IMAP_CMD_CHECK; }
	| K_CLOSE               { CMD->type = IMAP_CMD_CLOSE; }
	| K_EXPUNGE             { CMD->type = IMAP_CMD_EXPUNGE; }
	| copy | fetch | store | search
	| uid
	| unselect
	| move
	;

/* RFC2060 §9: uid = "UID" SPACE (copy / fetch / search / store) */
uid:
	K_UID SP { CMD->uid = true; } uid_command
	;

uid_command:
	copy | fetch | search | store
	| uid_expunge
	| move
	;

/* RFC4315 §2.1 (UIDPLUS): uid-expunge = "UID" SP "EXPUNGE" SP sequence-set */
uid_expunge:
	K_EXPUNGE SP sequence_set
				{ CMD->type = IMAP_CMD_EXPUNGE; CMD->u.expunge.set = $3; }
	;

/* ---- command_nonauth ------------------------------------------------- */

/* RFC2060 §9: login = "LOGIN" SPACE userid SPACE password */
login:
	K_LOGIN SP userid SP password
		{ CMD->type = IMAP_CMD_LOGIN;
		  CMD->u.login.userid = $3; CMD->u.login.password = $5; }
	;

/* RFC2060 §9: userid = astring */
userid:
	astring                 { $$ = $1; NOTE("user name"); }
	;

/* RFC2060 §9: password = astring */
password:
	astring                 { $$ = $1; NOTE("password"); }
	;

/* RFC2060 §9: authenticate = "AUTHENTICATE" SPACE auth_type
 *   *(CRLF base64).  The base64 lines are a SASL exchange the executor
 *   runs; RFC4959 (SASL-IR) adds an optional initial response. */
authenticate:
	K_AUTHENTICATE SP auth_type
		{ CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = $3.data; }
	| K_AUTHENTICATE SP auth_type SP initial_response
		{ CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = $3.data;
		  CMD->u.authenticate.has_initial = true;
		  CMD->u.authenticate.initial = $5; }
	;

/* RFC4959 §7: initial-response = base64 / "=" (all ATOM-CHARs) */
initial_response:
	atom                    { $$ = $1; NOTE("initial response"); }
	;

/* RFC2060 §9: auth_type = atom  ;; Defined by [IMAP-AUTH] */
auth_type:
	atom                    { $$ = $1; NOTE("authentication mechanism");
				  for (char *p = (char *)$$.data; *p; p++)
					  if (*p >= 'a' && *p <= 'z') *p -= 32; }
	;

/* ---- command_auth ---------------------------------------------------- */

/* RFC2060 §9: append = "APPEND" SPACE mailbox [SPACE flag_list]
 *   [SPACE date_time] SPACE literal */
append:
	K_APPEND SP mailbox SP append_rest
		{ CMD->type = IMAP_CMD_APPEND; CMD->u.append.mailbox = $3; }
	;

append_rest:
	append_message
	| flag_list SP append_message
		{ CMD->u.append.has_flags = true; CMD->u.append.flags = $1; }
	| date_time SP append_message
		{ CMD->u.append.has_date = true; CMD->u.append.date = $1; }
	| flag_list SP date_time SP append_message
		{ CMD->u.append.has_flags = true; CMD->u.append.flags = $1;
		  CMD->u.append.has_date = true; CMD->u.append.date = $3; }
	;

append_message:
	T_LITERAL               { CMD->u.append.message = imap_str_from_tok(&$1, IMAP_STR_LITERAL);
				  NOTE("message literal"); }
	/* RFC3516 §7: append =/ "APPEND" SP mailbox [SP flag-list]
	 *   [SP date-time] SP literal8 */
	| T_LITERAL8            { CMD->u.append.message = imap_str_from_tok(&$1, IMAP_STR_LITERAL);
				  CMD->u.append.binary = true; NOTE("message literal"); }
	;

/* RFC2060 §9: create = "CREATE" SPACE mailbox
 *   ;; Use of INBOX gives a NO error
 * RFC4466 §2.2: create = "CREATE" SP mailbox [create-params] */
create:
	K_CREATE SP mailbox     { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = $3; }
	| K_CREATE SP mailbox SP create_params
				{ CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = $3; }
	;

/* ---- RFC 6154: CREATE-SPECIAL-USE ---- */

/* RFC4466 §2.2: create-params = SP "(" create-param *( SP create-param) ")" */
create_params:
	'(' create_param_list ')'
				{ NOTE("CREATE parameters"); }
	;

create_param_list:
	create_param
	| create_param_list SP create_param
	;

/* RFC4466 §2.2: create-param = create-param-name [SP create-param-value]
 * RFC6154 §6: create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"
 * USE is the only parameter we know; another is BAD (its value cannot be
 * parsed without knowing it). */
create_param:
	create_param_name SP '(' use_attrs
	;

create_param_name:
	T_ATOM                  { CHECK(imap_create_param(ctx, &$1)); NOTE("USE"); }
	;

/* RFC6154 §6: use-attr = "\All" / "\Archive" / "\Drafts" / "\Flagged" /
 *   "\Junk" / "\Sent" / "\Trash" / use-attr-ext;  use-attr-ext = "\" atom.
 * Any "\" atom parses; the executor says which uses it can give. */
use_attrs:
	')'                     { NOTE("USE list"); }
	| use_attr_list ')'     { NOTE("USE list"); }
	;

use_attr_list:
	T_FLAG                  { CHECK(imap_create_use_add(ctx, &$1)); NOTE("special-use attribute"); }
	| use_attr_list SP T_FLAG
				{ CHECK(imap_create_use_add(ctx, &$3)); NOTE("special-use attribute"); }
	;

/* RFC2060 §9: delete = "DELETE" SPACE mailbox */
delete:
	K_DELETE SP mailbox     { CMD->type = IMAP_CMD_DELETE; CMD->u.mailbox.mailbox = $3; }
	;

/* RFC2060 §9: examine = "EXAMINE" SPACE mailbox */
examine:
	K_EXAMINE SP mailbox    { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = $3; }
	;

/* RFC2060 §9: list = "LIST" SPACE mailbox SPACE list_mailbox
 * RFC5258 §6: list = "LIST" [SP list-select-opts] SP mailbox SP
 *   mbox-or-pat [SP list-return-opts]
 * The basic form stays RFC2060's; anything more is the extended syntax
 * (RFC5258 §3: selection options, a parenthesised pattern list, or
 * return options). */
list:
	K_LIST SP mailbox SP list_mailbox
		{ CMD->type = IMAP_CMD_LIST;
		  CMD->u.list.reference = $3; CMD->u.list.pattern = $5; }
	| K_LIST SP mailbox SP list_mailbox SP list_return_opts
		{ CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = $3; CMD->u.list.pattern = $5;
		  CHECK(imap_list_pattern_add(ctx, &$5)); }
	| K_LIST SP mailbox SP list_patterns list_return_tail
		{ CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = $3; CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
	| K_LIST SP list_select_opts SP mailbox SP list_mailbox list_return_tail
		{ CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = $5; CMD->u.list.pattern = $7;
		  CHECK(imap_list_pattern_add(ctx, &$7)); }
	| K_LIST SP list_select_opts SP mailbox SP list_patterns list_return_tail
		{ CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = $5; CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
	;

/* ---- RFC 5258: LIST-EXTENDED (with RFC 5819 LIST-STATUS, RFC 6154) ---- */

list_return_tail:
	%empty
	| SP list_return_opts
	;

/* RFC5258 §6: list-select-opts = "(" [(*(list-select-mod-opt SP)
 *   list-select-base-opt *(SP list-select-opt)) /
 *   (list-select-independent-opt *(SP list-select-independent-opt))] ")"
 * list-select-opt = "SUBSCRIBED" / "REMOTE" / "RECURSIVEMATCH" /
 *   option-extension; RFC6154 §6 adds "SPECIAL-USE".  The options are
 * atoms; the builder knows them and checks the combination. */
list_select_opts:
	'(' ')'                 { CMD->u.list.has_select = true; NOTE("selection options"); }
	| '(' list_select_seq ')'
				{ CMD->u.list.has_select = true; CHECK(imap_list_select_done(ctx));
				  NOTE("selection options"); }
	;

list_select_seq:
	T_ATOM                  { CHECK(imap_list_select_add(ctx, &$1)); NOTE("selection option"); }
	| list_select_seq SP T_ATOM
				{ CHECK(imap_list_select_add(ctx, &$3)); NOTE("selection option"); }
	;

/* RFC5258 §6: patterns = "(" list-mailbox *(SP list-mailbox) ")" */
list_patterns:
	'(' list_pattern_seq ')'
				{ NOTE("mailbox patterns"); }
	;

list_pattern_seq:
	list_mailbox            { CHECK(imap_list_pattern_add(ctx, &$1)); }
	| list_pattern_seq SP list_mailbox
				{ CHECK(imap_list_pattern_add(ctx, &$3)); }
	;

/* RFC5258 §6: list-return-opts = "RETURN" SP "(" [return-option
 *   *(SP return-option)] ")";  return-option = "SUBSCRIBED" / "CHILDREN" /
 *   option-extension.  RFC5819 §4: return-option =/ status-option;
 *   status-option = "STATUS" SP "(" status-att *(SP status-att) ")".
 * RFC6154 §6: return-option =/ "SPECIAL-USE".  An option's value follows
 * it as the next item, so that one token of lookahead decides. */
list_return_opts:
	list_return_word SP '(' list_return_body ')'
				{ CHECK(imap_list_return_done(ctx)); NOTE("return options"); }
	;

/* RETURN is a keyword token since SEARCH RETURN (RFC4731) needs one; any
 * other atom here gets "Expected RETURN" from the builder. */
list_return_word:
	K_RETURN                { CMD->u.list.has_return = true; NOTE("RETURN"); }
	| T_ATOM                { CHECK(imap_list_return_word(ctx, &$1)); NOTE("RETURN"); }
	;

list_return_body:
	%empty
	| list_return_seq
	;

list_return_seq:
	list_return_item
	| list_return_seq SP list_return_item
	;

list_return_item:
	T_ATOM                  { CHECK(imap_list_return_add(ctx, &$1)); NOTE("return option"); }
	| '('                   { CHECK(imap_list_return_value(ctx)); }
	  status_att_list ')'   { NOTE("status attributes"); }
	;

/* RFC2060 §9: lsub = "LSUB" SPACE mailbox SPACE list_mailbox */
lsub:
	K_LSUB SP mailbox SP list_mailbox
		{ CMD->type = IMAP_CMD_LSUB;
		  CMD->u.list.reference = $3; CMD->u.list.pattern = $5; }
	;

/* RFC2060 §9: rename = "RENAME" SPACE mailbox SPACE mailbox
 *   ;; Use of INBOX as a destination gives a NO error */
rename:
	K_RENAME SP mailbox SP mailbox
		{ CMD->type = IMAP_CMD_RENAME;
		  CMD->u.rename.from = $3; CMD->u.rename.to = $5; }
	;

/* RFC2060 §9: select = "SELECT" SPACE mailbox */
select:
	K_SELECT SP mailbox     { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = $3; }
	;

/* RFC2060 §9: status = "STATUS" SPACE mailbox SPACE "(" 1#status_att ")" */
status:
	K_STATUS SP mailbox SP '(' status_att_list ')'
		{ CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = $3; }
	;

status_att_list:
	status_att              { CHECK(imap_status_add(ctx, $1)); }
	| status_att_list SP status_att
				{ CHECK(imap_status_add(ctx, $3)); }
	;

/* RFC2060 §9: status_att = "MESSAGES" / "RECENT" / "UIDNEXT" /
 *   "UIDVALIDITY" / "UNSEEN" */
status_att:
	K_MESSAGES              { $$ = IMAP_STATUS_MESSAGES; }
	| K_RECENT              { $$ = IMAP_STATUS_RECENT; }
	| K_UIDNEXT             { $$ = IMAP_STATUS_UIDNEXT; }
	| K_UIDVALIDITY         { $$ = IMAP_STATUS_UIDVALIDITY; }
	| K_UNSEEN              { $$ = IMAP_STATUS_UNSEEN; }
	/* RFC8438 §2 (STATUS=SIZE): status-att =/ "SIZE";
	 * RFC7889 §5: status-att =/ "APPENDLIMIT" */
	| T_ATOM                { int a = 0; CHECK(imap_build_status_att(ctx, &$1, &a)); $$ = a; }
	;

/* RFC2060 §9: subscribe = "SUBSCRIBE" SPACE mailbox */
subscribe:
	K_SUBSCRIBE SP mailbox  { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = $3; }
	;

/* RFC2060 §9: unsubscribe = "UNSUBSCRIBE" SPACE mailbox */
unsubscribe:
	K_UNSUBSCRIBE SP mailbox
				{ CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = $3; }
	;

/* ---- command_select -------------------------------------------------- */

/* RFC2060 §9: copy = "COPY" SPACE set SPACE mailbox */
copy:
	K_COPY SP sequence_set SP mailbox
		{ CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = $3;
		  CMD->u.copy.mailbox = $5; }
	;

/* ---- RFC 6851: MOVE ---- */

/* RFC6851 §5: move = "MOVE" SP sequence-set SP mailbox (command-select);
 * uid = "UID" SP (copy / fetch / search / store / move).  Its arguments
 * are COPY's. */
move:
	K_MOVE SP sequence_set SP mailbox
		{ CMD->type = IMAP_CMD_MOVE; CMD->u.copy.set = $3;
		  CMD->u.copy.mailbox = $5; }
	;

/* RFC2060 §9: fetch = "FETCH" SPACE set SPACE ("ALL" / "FULL" /
 *   "FAST" / fetch_att / "(" 1#fetch_att ")") */
fetch:
	K_FETCH SP sequence_set SP fetch_what
		{ CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = $3; }
	;

fetch_what:
	K_ALL                   { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
	| K_FULL                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
	| K_FAST                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
	| fetch_att             { struct imap_vec v = {0}; PUSH(v, $1);
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
	| '(' fetch_att_list ')'
				{ CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = $2.v; CMD->u.fetch.natts = $2.n; }
	;

fetch_att_list:
	fetch_att               { $$ = (struct imap_vec){0}; PUSH($$, $1); }
	| fetch_att_list SP fetch_att
				{ $$ = $1; PUSH($$, $3); }
	;

/* RFC2060 §9: fetch_att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" /
 *   "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
 *   "BODY" ["STRUCTURE"] / "UID" /
 *   "BODY" [".PEEK"] section ["<" number "." nz_number ">"]
 * RFC3501 §9 writes the partial as "<" number "." nz-number ">" too. */
fetch_att:
	K_ENVELOPE              { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
	| K_FLAGS               { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
	| K_INTERNALDATE        { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
	| K_RFC822              { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
	| K_RFC822_HEADER       { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
	| K_RFC822_SIZE         { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
	| K_RFC822_TEXT         { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
	| K_BODY                { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
	| K_BODYSTRUCTURE       { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
	| K_UID                 { $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
	| T_BODY_SECTION section
				{ $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = $2 };
				  NOTE("section"); }
	| T_BODY_SECTION section partial
				{ $$ = $3; $$.type = IMAP_FETCH_BODY_SECTION; $$.section = $2; }
	| T_BODY_PEEK_SECTION section
				{ $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = $2 }; NOTE("section"); }
	| T_BODY_PEEK_SECTION section partial
				{ $$ = $3; $$.type = IMAP_FETCH_BODY_SECTION; $$.peek = true; $$.section = $2; }
	| fetch_att_binary
	;

/* ---- RFC 3516: BINARY ---- */

/* RFC3516 §7: fetch-att =/ "BINARY" [".PEEK"] section-binary [partial] /
 *   "BINARY.SIZE" section-binary
 * The lexer's "BINARY[" tokens carry the opening bracket. */
fetch_att_binary:
	T_BINARY_SECTION section_binary
				{ $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY,
					.section = { .parts = $2.v, .nparts = $2.n } }; NOTE("section"); }
	| T_BINARY_SECTION section_binary partial
				{ $$ = $3; $$.type = IMAP_FETCH_BINARY;
				  $$.section = (struct imap_section){ .parts = $2.v, .nparts = $2.n }; }
	| T_BINARY_PEEK_SECTION section_binary
				{ $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY, .peek = true,
					.section = { .parts = $2.v, .nparts = $2.n } }; NOTE("section"); }
	| T_BINARY_PEEK_SECTION section_binary partial
				{ $$ = $3; $$.type = IMAP_FETCH_BINARY; $$.peek = true;
				  $$.section = (struct imap_section){ .parts = $2.v, .nparts = $2.n }; }
	| T_BINARY_SIZE_SECTION section_binary
				{ $$ = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY_SIZE,
					.section = { .parts = $2.v, .nparts = $2.n } }; NOTE("section"); }
	;

/* RFC3516 §7: section-binary = "[" [section-part] "]" */
section_binary:
	']'                     { $$ = (struct imap_vec){0}; }
	| section_part ']'      { $$ = $1; }
	;

/* The "<" number "." nz_number ">" of fetch_att (RFC2060 §9). */
partial:
	'<' number '.' nz_number '>'
				{ $$ = (struct imap_fetch_att){ .partial = true,
					.partial_start = $2, .partial_len = $4 }; NOTE("partial"); }
	;

/* RFC2060 §9: section = "[" [section_text / (nz_number *["." nz_number]
 *   ["." (section_text / "MIME")])] "]"
 * RFC3501 §9 splits this into section-spec, section-part and
 * section-msgtext and forbids MIME without a part number; we follow 3501.
 * The lexer's "BODY[" token carries the opening bracket. */
section:
	']'                     { $$ = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
	| section_spec ']'      { $$ = $1; }
	;

/* RFC3501 §9: section-spec = section-msgtext / (section-part ["." section-text]) */
section_spec:
	section_msgtext         { $$ = $1; }
	| section_part          { $$ = (struct imap_section){ .parts = $1.v, .nparts = $1.n }; }
	| section_part '.' section_text
				{ $$ = $3; $$.parts = $1.v; $$.nparts = $1.n; }
	;

/* RFC3501 §9: section-part = nz-number *("." nz-number) */
section_part:
	nz_number               { $$ = (struct imap_vec){0}; PUSH($$, $1); NOTE("section part"); }
	| section_part '.' nz_number
				{ $$ = $1; PUSH($$, $3); NOTE("section part"); }
	;

/* RFC3501 §9: section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"]
 *   SP header-list / "TEXT" */
section_msgtext:
	K_HEADER                { $$ = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
	| K_HEADER_FIELDS SP header_list
				{ $$ = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = $3.v, .nfields = $3.n }; }
	| K_HEADER_FIELDS_NOT SP header_list
				{ $$ = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = $3.v, .nfields = $3.n }; }
	| K_TEXT                { $$ = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
	;

/* RFC3501 §9: section-text = section-msgtext / "MIME" */
section_text:
	section_msgtext         { $$ = $1; }
	| K_MIME                { $$ = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
	;

/* RFC2060 §9: header_list = "(" 1#header_fld_name ")" */
header_list:
	'(' header_fld_names ')'
				{ $$ = $2; NOTE("header list"); }
	;

header_fld_names:
	header_fld_name         { $$ = (struct imap_vec){0}; PUSH($$, $1); }
	| header_fld_names SP header_fld_name
				{ $$ = $1; PUSH($$, $3); }
	;

/* RFC2060 §9: header_fld_name = astring */
header_fld_name:
	astring                 { $$ = $1; NOTE("header field name"); }
	;

/* RFC2060 §9: store = "STORE" SPACE set SPACE store_att_flags */
store:
	K_STORE SP sequence_set SP store_att_flags SP store_flags
		{ CMD->type = IMAP_CMD_STORE; CMD->u.store.set = $3; }
	;

/* RFC2060 §9: store_att_flags = (["+" / "-"] "FLAGS" [".SILENT"]) SPACE
 *   (flag_list / #flag)
 * RFC3501 §9 writes the bare form as flag *(SP flag). */
store_att_flags:
	K_FLAGS                 { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); $$ = 0; }
	| K_FLAGS_SILENT        { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); $$ = 0; }
	| K_PLUS_FLAGS          { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); $$ = 0; }
	| K_PLUS_FLAGS_SILENT   { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); $$ = 0; }
	| K_MINUS_FLAGS         { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); $$ = 0; }
	| K_MINUS_FLAGS_SILENT  { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); $$ = 0; }
	;

store_flags:
	flag_list               { CMD->u.store.flags = $1; CMD->u.store.parenthesised = true; }
	| flag_seq              { CMD->u.store.flags = $1; }
	;

/* RFC2060 §9: search = "SEARCH" SPACE ["CHARSET" SPACE astring SPACE]
 *   1#search_key
 * RFC3501 §9: "SEARCH" [SP "CHARSET" SP astring] 1*(SP search-key)
 * RFC4466 §2.6: search = "SEARCH" [search-return-opts] SP search-program */
search:
	K_SEARCH SP search_program
				{ CMD->type = IMAP_CMD_SEARCH; }
	| K_SEARCH SP search_return_opts SP search_program
				{ CMD->type = IMAP_CMD_SEARCH; }
	;

/* RFC4466 §2.6: search-program = ["CHARSET" SP charset SP]
 *   search-key *(SP search-key) */
search_program:
	search_key_list
		{ CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = $1.v; CMD->u.search.keys->nlist = $1.n; }
	| K_CHARSET SP charset SP search_key_list
		{ CMD->u.search.has_charset = true; CMD->u.search.charset = $3;
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = $5.v; CMD->u.search.keys->nlist = $5.n; }
	;

/* ---- RFC 4731: ESEARCH, RFC 5182: SEARCHRES ---- */

/* RFC4466 §2.6: search-return-opts = SP "RETURN" SP "(" [search-return-opt
 *   *(SP search-return-opt)] ")"  (the leading SP is in `search`) */
search_return_opts:
	K_RETURN SP '(' ')'     { CMD->u.search.has_return = true; NOTE("search return options"); }
	| K_RETURN SP '(' search_return_opt_list ')'
				{ CMD->u.search.has_return = true; NOTE("search return options"); }
	;

search_return_opt_list:
	search_return_opt
	| search_return_opt_list SP search_return_opt
	;

/* RFC4731 §4: search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT"
 * RFC5182 §3: search-return-opt = "SAVE"
 * Any other option is a syntax error: RFC4466 §2.6 options of extensions
 * the server does not support get BAD. */
search_return_opt:
	K_MIN                   { CMD->u.search.ret |= IMAP_SEARCH_RET_MIN; NOTE("search return option"); }
	| K_MAX                 { CMD->u.search.ret |= IMAP_SEARCH_RET_MAX; NOTE("search return option"); }
	| K_ALL                 { CMD->u.search.ret |= IMAP_SEARCH_RET_ALL; NOTE("search return option"); }
	| K_COUNT               { CMD->u.search.ret |= IMAP_SEARCH_RET_COUNT; NOTE("search return option"); }
	| K_SAVE                { CMD->u.search.ret |= IMAP_SEARCH_RET_SAVE; NOTE("search return option"); }
	;

/* The astring after CHARSET (RFC2060 §9 search) */
charset:
	astring                 { $$ = $1; NOTE("charset name"); }
	;

search_key_list:
	search_key              { $$ = (struct imap_vec){0}; PUSH($$, $1); }
	| search_key_list SP search_key
				{ $$ = $1; PUSH($$, $3); }
	;

/* RFC2060 §9: search_key = "ALL" / "ANSWERED" / "BCC" SPACE astring /
 *   "BEFORE" SPACE date / "BODY" SPACE astring / "CC" SPACE astring /
 *   "DELETED" / "FLAGGED" / "FROM" SPACE astring / "KEYWORD" SPACE
 *   flag_keyword / "NEW" / "OLD" / "ON" SPACE date / "RECENT" / "SEEN" /
 *   "SINCE" SPACE date / "SUBJECT" SPACE astring / "TEXT" SPACE astring /
 *   "TO" SPACE astring / "UNANSWERED" / "UNDELETED" / "UNFLAGGED" /
 *   "UNKEYWORD" SPACE flag_keyword / "UNSEEN" /
 *   ;; Above this line were in [IMAP2]
 *   "DRAFT" / "HEADER" SPACE header_fld_name SPACE astring /
 *   "LARGER" SPACE number / "NOT" SPACE search_key /
 *   "OR" SPACE search_key SPACE search_key / "SENTBEFORE" SPACE date /
 *   "SENTON" SPACE date / "SENTSINCE" SPACE date / "SMALLER" SPACE number /
 *   "UID" SPACE set / "UNDRAFT" / set / "(" 1#search_key ")" */
search_key:
	search_key_1            { $$ = $1; NOTE("search key"); }
	;

search_key_1:
	K_ALL                   { CHECK($$ = imap_key_new(ctx, IMAP_SK_ALL)); }
	| K_ANSWERED            { CHECK($$ = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
	| K_BCC SP astring      { CHECK($$ = imap_key_new(ctx, IMAP_SK_BCC)); $$->str = $3; }
	| K_BEFORE SP date      { CHECK($$ = imap_key_new(ctx, IMAP_SK_BEFORE)); $$->date = $3; }
	| K_BODY SP astring     { CHECK($$ = imap_key_new(ctx, IMAP_SK_BODY)); $$->str = $3; }
	| K_CC SP astring       { CHECK($$ = imap_key_new(ctx, IMAP_SK_CC)); $$->str = $3; }
	| K_DELETED             { CHECK($$ = imap_key_new(ctx, IMAP_SK_DELETED)); }
	| K_FLAGGED             { CHECK($$ = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
	| K_FROM SP astring     { CHECK($$ = imap_key_new(ctx, IMAP_SK_FROM)); $$->str = $3; }
	| K_KEYWORD SP flag_keyword
				{ CHECK($$ = imap_key_new(ctx, IMAP_SK_KEYWORD)); $$->str = $3; }
	| K_NEW                 { CHECK($$ = imap_key_new(ctx, IMAP_SK_NEW)); }
	| K_OLD                 { CHECK($$ = imap_key_new(ctx, IMAP_SK_OLD)); }
	| K_ON SP date          { CHECK($$ = imap_key_new(ctx, IMAP_SK_ON)); $$->date = $3; }
	| K_RECENT              { CHECK($$ = imap_key_new(ctx, IMAP_SK_RECENT)); }
	| K_SEEN                { CHECK($$ = imap_key_new(ctx, IMAP_SK_SEEN)); }
	| K_SINCE SP date       { CHECK($$ = imap_key_new(ctx, IMAP_SK_SINCE)); $$->date = $3; }
	| K_SUBJECT SP astring  { CHECK($$ = imap_key_new(ctx, IMAP_SK_SUBJECT)); $$->str = $3; }
	| K_TEXT SP astring     { CHECK($$ = imap_key_new(ctx, IMAP_SK_TEXT)); $$->str = $3; }
	| K_TO SP astring       { CHECK($$ = imap_key_new(ctx, IMAP_SK_TO)); $$->str = $3; }
	| K_UNANSWERED          { CHECK($$ = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
	| K_UNDELETED           { CHECK($$ = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
	| K_UNFLAGGED           { CHECK($$ = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
	| K_UNKEYWORD SP flag_keyword
				{ CHECK($$ = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); $$->str = $3; }
	| K_UNSEEN              { CHECK($$ = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
	| K_DRAFT               { CHECK($$ = imap_key_new(ctx, IMAP_SK_DRAFT)); }
	| K_HEADER SP header_fld_name SP astring
				{ CHECK($$ = imap_key_new(ctx, IMAP_SK_HEADER)); $$->field = $3; $$->str = $5; }
	| K_LARGER SP number    { CHECK($$ = imap_key_new(ctx, IMAP_SK_LARGER)); $$->number = $3; }
	| K_NOT SP search_key   { CHECK($$ = imap_key_new(ctx, IMAP_SK_NOT)); $$->sub[0] = $3; }
	| K_OR SP search_key SP search_key
				{ CHECK($$ = imap_key_new(ctx, IMAP_SK_OR)); $$->sub[0] = $3; $$->sub[1] = $5; }
	| K_SENTBEFORE SP date  { CHECK($$ = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); $$->date = $3; }
	| K_SENTON SP date      { CHECK($$ = imap_key_new(ctx, IMAP_SK_SENTON)); $$->date = $3; }
	| K_SENTSINCE SP date   { CHECK($$ = imap_key_new(ctx, IMAP_SK_SENTSINCE)); $$->date = $3; }
	| K_SMALLER SP number   { CHECK($$ = imap_key_new(ctx, IMAP_SK_SMALLER)); $$->number = $3; }
	| K_UID SP sequence_set { CHECK($$ = imap_key_new(ctx, IMAP_SK_UID)); $$->set = $3; }
	| K_UNDRAFT             { CHECK($$ = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
	| sequence_set          { CHECK($$ = imap_key_new(ctx, IMAP_SK_SEQSET)); $$->set = $1; }
	| '(' search_key_list ')'
				{ CHECK($$ = imap_key_new(ctx, IMAP_SK_LIST));
				  $$->list = $2.v; $$->nlist = $2.n; }
	;

/* ---- shared rules ---------------------------------------------------- */

/* RFC2060 §9: set = sequence_num / (sequence_num ":" sequence_num) /
 *   (set "," set);  sequence_num = nz_number / "*"
 * RFC3501 §9 calls it sequence-set.  The lexer hands the whole set as one
 * word; the builder checks nz_number and splits it. */
sequence_set:
	T_NUMBER                { CHECK(imap_build_seqset(ctx, &$1, &$$)); NOTE("sequence set"); }
	| T_SEQSET              { CHECK(imap_build_seqset(ctx, &$1, &$$)); NOTE("sequence set"); }
	| T_SEQSTAR             { CHECK(imap_build_seqset(ctx, &$1, &$$)); NOTE("sequence set"); }
	/* RFC5182 §3: sequence-set =/ seq-last-command; seq-last-command = "$" */
	| T_SEQLAST             { $$ = (struct imap_seq_set){ .saved = true }; NOTE("sequence set"); }
	;

/* RFC2060 §9: mailbox = "INBOX" / astring
 *   ;; INBOX is case-insensitive; other names may be case-sensitive */
mailbox:
	astring                 { $$ = $1; NOTE("mailbox name"); }
	;

/* RFC2060 §9: list_mailbox = 1*(ATOM_CHAR / list_wildcards) / string
 * RFC3501 §9: list-char also allows resp-specials ("]"). */
list_mailbox:
	astring                 { $$ = $1; NOTE("mailbox pattern"); }
	| T_LISTWORD            { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); NOTE("mailbox pattern"); }
	| T_SEQSTAR             { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); NOTE("mailbox pattern"); }
	;

/* RFC2060 §9: astring = atom / string
 * RFC3501 §9: ASTRING-CHAR = ATOM-CHAR / resp-specials, so "]" is allowed
 * in an astring but not in an atom. */
astring:
	atom                    { $$ = $1; }
	| T_ASTRWORD            { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| string                { $$ = $1; }
	;

/* RFC2060 §9: string = quoted / literal */
string:
	T_QUOTED                { $$ = imap_str_from_tok(&$1, IMAP_STR_QUOTED); }
	| T_LITERAL             { $$ = imap_str_from_tok(&$1, IMAP_STR_LITERAL); }
	;

/* RFC2060 §9: atom = 1*ATOM_CHAR.  The lexer classifies some atoms more
 * finely (numbers, dates, keywords); every such word is still an atom. */
atom:
	T_ATOM                  { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| T_NUMBER              { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| T_SEQSET              { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| T_DATE                { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| T_SEQLAST             { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	| keyword               { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); }
	;

/* Argument keywords are atoms too wherever an atom is allowed: a mailbox
 * may be called "Seen" and a password "ALL".  (Default action $$ = $1.) */
keyword:
	K_ALL | K_FAST | K_FULL | K_ENVELOPE | K_FLAGS | K_INTERNALDATE | K_RFC822
	| K_RFC822_HEADER | K_RFC822_SIZE | K_RFC822_TEXT | K_BODY
	| K_BODYSTRUCTURE | K_UID | K_ANSWERED | K_BCC | K_BEFORE | K_CC
	| K_DELETED | K_DRAFT | K_FLAGGED | K_FROM | K_HEADER | K_KEYWORD
	| K_LARGER | K_NEW | K_NOT | K_OLD | K_ON | K_OR | K_RECENT | K_SEEN
	| K_SENTBEFORE | K_SENTON | K_SENTSINCE | K_SINCE | K_SMALLER | K_SUBJECT
	| K_TEXT | K_TO | K_UNANSWERED | K_UNDELETED | K_UNDRAFT | K_UNFLAGGED
	| K_UNKEYWORD | K_UNSEEN | K_CHARSET | K_MESSAGES | K_UIDNEXT
	| K_UIDVALIDITY | K_PLUS_FLAGS | K_MINUS_FLAGS | K_FLAGS_SILENT
	| K_PLUS_FLAGS_SILENT | K_MINUS_FLAGS_SILENT
	/* RFC 4731, RFC 5182 */
	| K_RETURN | K_MIN | K_MAX | K_COUNT | K_SAVE
	;

/* RFC2060 §9: flag_list = "(" #flag ")"
 * RFC3501 §9: flag-list = "(" [flag *(SP flag)] ")" */
flag_list:
	'(' ')'                 { $$ = (struct imap_flags){0}; NOTE("flag list"); }
	| '(' flag_seq ')'      { $$ = $2; NOTE("flag list"); }
	;

flag_seq:
	flag                    { $$ = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &$$, $1.data)); }
	| flag_seq SP flag      { $$ = $1;
				  CHECK(imap_flags_add(ctx, &$$, $3.data)); }
	;

/* RFC2060 §9: flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" /
 *   "\Draft" / flag_keyword / flag_extension
 * The "\" forms arrive as T_FLAG; a keyword (an atom) cannot start with
 * "\", so the text alone tells the two apart. */
flag:
	T_FLAG                  { $$ = imap_str_from_tok(&$1, IMAP_STR_ATOM); NOTE("flag"); }
	| flag_keyword          { $$ = $1; }
	;

/* RFC2060 §9: flag_keyword = atom */
flag_keyword:
	atom                    { $$ = $1; NOTE("flag keyword"); }
	;

/* RFC2060 §9: date = date_text / <"> date_text <">
 *   date_text = date_day "-" date_month "-" date_year */
date:
	T_DATE                  { CHECK(imap_build_date(ctx, &$1, &$$)); NOTE("date"); }
	| T_QUOTED              { CHECK(imap_build_date(ctx, &$1, &$$)); NOTE("date"); }
	;

/* RFC2060 §9: date_time = <"> date_day_fixed "-" date_month "-" date_year
 *   SPACE time SPACE zone <"> */
date_time:
	T_QUOTED                { CHECK(imap_build_datetime(ctx, &$1, &$$)); NOTE("date-time"); }
	;

/* RFC2060 §9: number = 1*digit ;; Unsigned 32-bit integer */
number:
	T_NUMBER                { CHECK(imap_build_number(ctx, &$1, false, &$$)); NOTE("number"); }
	;

/* RFC2060 §9: nz_number = digit_nz *digit ;; Non-zero unsigned 32-bit integer */
nz_number:
	T_NUMBER                { CHECK(imap_build_number(ctx, &$1, true, &$$)); }
	;

%%

/*
 * Syntax error messages.  A client author reading "a BAD <text>" should
 * learn what was expected where, so the message names what the parser
 * wanted (summarised from Bison's expected-token set: "mailbox name",
 * "sequence set", not a list of fifty keywords) and what it came after
 * (the construct the grammar last completed, recorded by NOTE()).
 */

static void imap_yyerror(struct imap_parse_ctx *ctx, const char *msg)
{
	(void)msg;
	if (ctx->error == NULL)
		ctx->error = "Command too large";
}

/* Bison's name for a symbol without the quotes around string aliases. */
static const char *sym_desc(yysymbol_kind_t sym)
{
	static char buf[64];
	const char *name = yysymbol_name(sym);
	size_t len = strlen(name);
	if (len >= 2 && name[0] == '"' && name[len - 1] == '"' && len - 2 < sizeof(buf)) {
		memcpy(buf, name + 1, len - 2);
		buf[len - 2] = '\0';
		return buf;
	}
	if (len == 3 && name[0] == '\'')
		return name;  /* 'x' */
	return name;
}

const char *imap_token_desc(int token)
{
	static char copy[64];
	const char *d = sym_desc(YYTRANSLATE(token));
	snprintf(copy, sizeof(copy), "%s", d);
	return copy;
}

static bool has(const yysymbol_kind_t *exp, int n, yysymbol_kind_t s)
{
	for (int i = 0; i < n; i++)
		if (exp[i] == s)
			return true;
	return false;
}

/* What kind of string is wanted here, from the command being parsed. */
static const char *string_noun(const struct imap_parse_ctx *ctx, const char *after)
{
	switch (ctx->lexer.verb) {
	case K_LOGIN:
		return strcmp(after, "LOGIN") == 0 ? "user name" : "password";
	case K_AUTHENTICATE:
		return "authentication mechanism";
	case K_SELECT: case K_EXAMINE: case K_CREATE: case K_DELETE:
	case K_SUBSCRIBE: case K_UNSUBSCRIBE: case K_STATUS: case K_APPEND:
	case K_RENAME: case K_LIST: case K_LSUB: case K_COPY: case K_MOVE:
		return "mailbox name";
	case K_SEARCH:
		return strcmp(after, "CHARSET") == 0 ? "charset name"
			: strcmp(after, "HEADER") == 0 ? "header field name" : "search string";
	case K_FETCH:
		return "header field name";
	default:
		return "string";
	}
}

/* A noun for the set of tokens the parser would have accepted. */
static const char *expected_noun(const struct imap_parse_ctx *ctx, const char *after,
				 const yysymbol_kind_t *exp, int n, char *buf, size_t size)
{
#define HAS(tok) has(exp, n, YYSYMBOL_##tok)
	if (n == 1 && HAS(SP))
		return "SP";
	if (n == 1 && HAS(CRLF))
		return "end of line";
	if (HAS(K_CAPABILITY))
		return "command name";
	if (HAS(T_LITERAL) && HAS(T_QUOTED) && HAS(T_ATOM) && !HAS(T_LISTWORD))
		return string_noun(ctx, after);
	if (HAS(K_COPY) && HAS(K_FETCH) && !HAS(K_CAPABILITY))
		return "COPY, EXPUNGE, FETCH, MOVE, SEARCH or STORE";
	if (HAS(T_LISTWORD))
		return "mailbox pattern";
	if (HAS(K_ANSWERED) && HAS(T_SEQSTAR))
		return "search key";
	/* Fetch attributes are keywords only; where an atom is also
	 * allowed the keywords are there as atoms. */
	if (HAS(K_ENVELOPE) && HAS(K_ALL) && !HAS(T_ATOM))
		return "fetch attribute or ALL, FAST, FULL";
	if (HAS(K_ENVELOPE) && !HAS(T_ATOM))
		return "fetch attribute";
	if (HAS(K_MESSAGES) && !HAS(K_ALL))
		return "status attribute";
	if (HAS(K_SAVE) && HAS(K_MIN) && !HAS(T_ATOM))
		return "search return option (MIN, MAX, ALL, COUNT or SAVE)";
	if (HAS(K_PLUS_FLAGS) && !HAS(T_ATOM))
		return "FLAGS, +FLAGS or -FLAGS";
	if (HAS(T_FLAG) && HAS(T_ATOM) && has(exp, n, YYTRANSLATE('(')))
		return "flag or flag list";
	if (HAS(T_FLAG) && HAS(T_ATOM))
		return "flag";
	if (HAS(T_ATOM) && !HAS(T_QUOTED)) {
		switch (ctx->lexer.verb) {
		case K_AUTHENTICATE:
			return strcmp(after, "AUTHENTICATE") == 0 ? "authentication mechanism"
				: "initial response";
		case K_SEARCH:
			return "flag keyword";
		default:
			return "atom";
		}
	}
	if (HAS(K_HEADER_FIELDS) && HAS(T_NUMBER))
		return "section part, HEADER, HEADER.FIELDS, TEXT or ']'";
	if (HAS(K_HEADER_FIELDS))
		return "HEADER, HEADER.FIELDS, TEXT or MIME";
	if (HAS(T_DATE) && !HAS(T_ATOM) && HAS(T_QUOTED))
		return HAS(T_LITERAL) ? "date or literal" : "date";
	if (HAS(T_LITERAL) && HAS(T_QUOTED) && HAS(T_ATOM))
		return string_noun(ctx, after);
	if (HAS(T_LITERAL) && HAS(T_QUOTED) && has(exp, n, YYTRANSLATE('(')))
		return "flag list, date-time or message literal";
	/* RFC2971: ID's fields are strings (quoted or literal), never atoms. */
	if (HAS(T_LITERAL) && HAS(T_QUOTED) && ctx->lexer.verb == K_ID)
		return "quoted string or literal";
	if (HAS(T_LITERAL) && !HAS(T_ATOM))
		return "message literal";
	if (HAS(T_SEQSTAR))
		return "sequence set";
	if (HAS(T_NUMBER) && n == 1)
		return "number";
#undef HAS
	/* Few enough to name: "')' or SP". */
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && i < 5; i++) {
		const char *d = sym_desc(exp[i]);
		int w = snprintf(buf + used, size - used, "%s%s",
				 i == 0 ? "" : (i == n - 1 || i == 4 ? " or " : ", "), d);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

static int yyreport_syntax_error(const yypcontext_t *yyctx,
				      struct imap_parse_ctx *ctx)
{
	if (ctx->error != NULL)
		return 0;  /* a builder or the lexer said it better */
	yysymbol_kind_t la = yypcontext_token(yyctx);
	if (la == YYSYMBOL_T_LEXERROR) {
		ctx->error = ctx->lexer.error != NULL ? ctx->lexer.error : "Invalid input";
		return 0;
	}
	yysymbol_kind_t exp[YYNTOKENS];
	int n = yypcontext_expected_tokens(yyctx, exp, YYNTOKENS);
	if (n < 0)
		n = 0;
	if (ctx->tokidx <= 2 && (la == YYSYMBOL_CRLF || la == YYSYMBOL_SP)
	    && ctx->lexer.verb == 0) {
		ctx->error = "Missing command name";
		return 0;
	}
	char afterbuf[96];
	unsigned before = la == YYSYMBOL_SP ? ctx->nonsp : ctx->nonsp - 1;
	const char *after = ctx->last_at == before && ctx->last_what != NULL
		? ctx->last_what : ctx->prev_desc != NULL ? ctx->prev_desc : "tag";
	snprintf(afterbuf, sizeof(afterbuf), "%s", after);
	char nounbuf[160];
	const char *noun = expected_noun(ctx, afterbuf, exp, n, nounbuf, sizeof(nounbuf));
	if (n == 1 && exp[0] == YYSYMBOL_SP)
		imap_parse_fail(ctx, "Missing SP after %s", afterbuf);
	else if (la == YYSYMBOL_CRLF)
		imap_parse_fail(ctx, "Missing %s after %s", noun, afterbuf);
	else if (la == YYSYMBOL_SP)
		imap_parse_fail(ctx, "Unexpected SP after %s, expected %s", afterbuf, noun);
	else
		imap_parse_fail(ctx, "Expected %s after %s, got %s", noun, afterbuf, sym_desc(la));
	return 0;
}
