/* generated from grammar/imap.y (grammar sha256 952aaf5c2e13180a5f96ed33711a470cfa2464bacb719ee7808d575729f3d7d2), do not edit: run make gen */
/* A Bison parser, made by GNU Bison.  */

/* Bison implementation for Yacc-like parsers in C.

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 3

/* Bison version string.  */
#define YYBISON_VERSION "3"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 1

/* Pull parsers.  */
#define YYPULL 0

/* Substitute the type names.  */
#define YYSTYPE         IMAP_YYSTYPE
/* Substitute the variable and function names.  */
#define yypush_parse    imap_yypush_parse
#define yypstate_new    imap_yypstate_new
#define yypstate_clear  imap_yypstate_clear
#define yypstate_delete imap_yypstate_delete
#define yypstate        imap_yypstate
#define yylex           imap_yylex
#define yyerror         imap_yyerror
#define yydebug         imap_yydebug
#define yynerrs         imap_yynerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "imap_parse.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_T_TAG = 3,                      /* "tag"  */
  YYSYMBOL_T_ATOM = 4,                     /* "atom"  */
  YYSYMBOL_T_NUMBER = 5,                   /* "number"  */
  YYSYMBOL_T_SEQSET = 6,                   /* "sequence set"  */
  YYSYMBOL_T_SEQSTAR = 7,                  /* "sequence set with *"  */
  YYSYMBOL_T_DATE = 8,                     /* "date"  */
  YYSYMBOL_T_ASTRWORD = 9,                 /* "astring"  */
  YYSYMBOL_T_LISTWORD = 10,                /* "mailbox pattern"  */
  YYSYMBOL_T_QUOTED = 11,                  /* "quoted string"  */
  YYSYMBOL_T_LITERAL = 12,                 /* "literal"  */
  YYSYMBOL_T_FLAG = 13,                    /* "flag"  */
  YYSYMBOL_T_XCMD = 14,                    /* "X-command"  */
  YYSYMBOL_T_RAW = 15,                     /* "X-command arguments"  */
  YYSYMBOL_T_LITHDR = 16,                  /* "literal header"  */
  YYSYMBOL_T_LEXERROR = 17,                /* "invalid input"  */
  YYSYMBOL_SP = 18,                        /* "SP"  */
  YYSYMBOL_CRLF = 19,                      /* "end of line"  */
  YYSYMBOL_K_APPEND = 20,                  /* "APPEND"  */
  YYSYMBOL_K_AUTHENTICATE = 21,            /* "AUTHENTICATE"  */
  YYSYMBOL_K_CAPABILITY = 22,              /* "CAPABILITY"  */
  YYSYMBOL_K_CHECK = 23,                   /* "CHECK"  */
  YYSYMBOL_K_CLOSE = 24,                   /* "CLOSE"  */
  YYSYMBOL_K_COPY = 25,                    /* "COPY"  */
  YYSYMBOL_K_CREATE = 26,                  /* "CREATE"  */
  YYSYMBOL_K_DELETE = 27,                  /* "DELETE"  */
  YYSYMBOL_K_EXAMINE = 28,                 /* "EXAMINE"  */
  YYSYMBOL_K_EXPUNGE = 29,                 /* "EXPUNGE"  */
  YYSYMBOL_K_FETCH = 30,                   /* "FETCH"  */
  YYSYMBOL_K_LIST = 31,                    /* "LIST"  */
  YYSYMBOL_K_LOGIN = 32,                   /* "LOGIN"  */
  YYSYMBOL_K_LOGOUT = 33,                  /* "LOGOUT"  */
  YYSYMBOL_K_LSUB = 34,                    /* "LSUB"  */
  YYSYMBOL_K_NOOP = 35,                    /* "NOOP"  */
  YYSYMBOL_K_RENAME = 36,                  /* "RENAME"  */
  YYSYMBOL_K_SEARCH = 37,                  /* "SEARCH"  */
  YYSYMBOL_K_SELECT = 38,                  /* "SELECT"  */
  YYSYMBOL_K_STARTTLS = 39,                /* "STARTTLS"  */
  YYSYMBOL_K_STATUS = 40,                  /* "STATUS"  */
  YYSYMBOL_K_STORE = 41,                   /* "STORE"  */
  YYSYMBOL_K_SUBSCRIBE = 42,               /* "SUBSCRIBE"  */
  YYSYMBOL_K_UNSUBSCRIBE = 43,             /* "UNSUBSCRIBE"  */
  YYSYMBOL_K_UID = 44,                     /* "UID"  */
  YYSYMBOL_K_IDLE = 45,                    /* "IDLE"  */
  YYSYMBOL_K_COMPRESS = 46,                /* "COMPRESS"  */
  YYSYMBOL_K_NAMESPACE = 47,               /* "NAMESPACE"  */
  YYSYMBOL_K_ID = 48,                      /* "ID"  */
  YYSYMBOL_K_UNSELECT = 49,                /* "UNSELECT"  */
  YYSYMBOL_K_ENABLE = 50,                  /* "ENABLE"  */
  YYSYMBOL_K_MOVE = 51,                    /* "MOVE"  */
  YYSYMBOL_T_BINARY_SECTION = 52,          /* "BINARY["  */
  YYSYMBOL_T_BINARY_PEEK_SECTION = 53,     /* "BINARY.PEEK["  */
  YYSYMBOL_T_BINARY_SIZE_SECTION = 54,     /* "BINARY.SIZE["  */
  YYSYMBOL_T_LITERAL8 = 55,                /* "literal8"  */
  YYSYMBOL_K_RETURN = 56,                  /* "RETURN"  */
  YYSYMBOL_K_MIN = 57,                     /* "MIN"  */
  YYSYMBOL_K_MAX = 58,                     /* "MAX"  */
  YYSYMBOL_K_COUNT = 59,                   /* "COUNT"  */
  YYSYMBOL_K_SAVE = 60,                    /* "SAVE"  */
  YYSYMBOL_T_SEQLAST = 61,                 /* "$"  */
  YYSYMBOL_K_SORT = 62,                    /* "SORT"  */
  YYSYMBOL_K_THREAD = 63,                  /* "THREAD"  */
  YYSYMBOL_K_GETQUOTA = 64,                /* "GETQUOTA"  */
  YYSYMBOL_K_GETQUOTAROOT = 65,            /* "GETQUOTAROOT"  */
  YYSYMBOL_K_SETQUOTA = 66,                /* "SETQUOTA"  */
  YYSYMBOL_K_ALL = 67,                     /* "ALL"  */
  YYSYMBOL_K_FAST = 68,                    /* "FAST"  */
  YYSYMBOL_K_FULL = 69,                    /* "FULL"  */
  YYSYMBOL_K_ENVELOPE = 70,                /* "ENVELOPE"  */
  YYSYMBOL_K_FLAGS = 71,                   /* "FLAGS"  */
  YYSYMBOL_K_INTERNALDATE = 72,            /* "INTERNALDATE"  */
  YYSYMBOL_K_RFC822 = 73,                  /* "RFC822"  */
  YYSYMBOL_K_RFC822_HEADER = 74,           /* "RFC822.HEADER"  */
  YYSYMBOL_K_RFC822_SIZE = 75,             /* "RFC822.SIZE"  */
  YYSYMBOL_K_RFC822_TEXT = 76,             /* "RFC822.TEXT"  */
  YYSYMBOL_K_BODY = 77,                    /* "BODY"  */
  YYSYMBOL_K_BODYSTRUCTURE = 78,           /* "BODYSTRUCTURE"  */
  YYSYMBOL_K_ANSWERED = 79,                /* "ANSWERED"  */
  YYSYMBOL_K_BCC = 80,                     /* "BCC"  */
  YYSYMBOL_K_BEFORE = 81,                  /* "BEFORE"  */
  YYSYMBOL_K_CC = 82,                      /* "CC"  */
  YYSYMBOL_K_DELETED = 83,                 /* "DELETED"  */
  YYSYMBOL_K_DRAFT = 84,                   /* "DRAFT"  */
  YYSYMBOL_K_FLAGGED = 85,                 /* "FLAGGED"  */
  YYSYMBOL_K_FROM = 86,                    /* "FROM"  */
  YYSYMBOL_K_HEADER = 87,                  /* "HEADER"  */
  YYSYMBOL_K_KEYWORD = 88,                 /* "KEYWORD"  */
  YYSYMBOL_K_LARGER = 89,                  /* "LARGER"  */
  YYSYMBOL_K_NEW = 90,                     /* "NEW"  */
  YYSYMBOL_K_NOT = 91,                     /* "NOT"  */
  YYSYMBOL_K_OLD = 92,                     /* "OLD"  */
  YYSYMBOL_K_ON = 93,                      /* "ON"  */
  YYSYMBOL_K_OR = 94,                      /* "OR"  */
  YYSYMBOL_K_RECENT = 95,                  /* "RECENT"  */
  YYSYMBOL_K_SEEN = 96,                    /* "SEEN"  */
  YYSYMBOL_K_SENTBEFORE = 97,              /* "SENTBEFORE"  */
  YYSYMBOL_K_SENTON = 98,                  /* "SENTON"  */
  YYSYMBOL_K_SENTSINCE = 99,               /* "SENTSINCE"  */
  YYSYMBOL_K_SINCE = 100,                  /* "SINCE"  */
  YYSYMBOL_K_SMALLER = 101,                /* "SMALLER"  */
  YYSYMBOL_K_SUBJECT = 102,                /* "SUBJECT"  */
  YYSYMBOL_K_TEXT = 103,                   /* "TEXT"  */
  YYSYMBOL_K_TO = 104,                     /* "TO"  */
  YYSYMBOL_K_UNANSWERED = 105,             /* "UNANSWERED"  */
  YYSYMBOL_K_UNDELETED = 106,              /* "UNDELETED"  */
  YYSYMBOL_K_UNDRAFT = 107,                /* "UNDRAFT"  */
  YYSYMBOL_K_UNFLAGGED = 108,              /* "UNFLAGGED"  */
  YYSYMBOL_K_UNKEYWORD = 109,              /* "UNKEYWORD"  */
  YYSYMBOL_K_UNSEEN = 110,                 /* "UNSEEN"  */
  YYSYMBOL_K_CHARSET = 111,                /* "CHARSET"  */
  YYSYMBOL_K_MESSAGES = 112,               /* "MESSAGES"  */
  YYSYMBOL_K_UIDNEXT = 113,                /* "UIDNEXT"  */
  YYSYMBOL_K_UIDVALIDITY = 114,            /* "UIDVALIDITY"  */
  YYSYMBOL_K_PLUS_FLAGS = 115,             /* "+FLAGS"  */
  YYSYMBOL_K_MINUS_FLAGS = 116,            /* "-FLAGS"  */
  YYSYMBOL_K_FLAGS_SILENT = 117,           /* "FLAGS.SILENT"  */
  YYSYMBOL_K_PLUS_FLAGS_SILENT = 118,      /* "+FLAGS.SILENT"  */
  YYSYMBOL_K_MINUS_FLAGS_SILENT = 119,     /* "-FLAGS.SILENT"  */
  YYSYMBOL_K_MODSEQ = 120,                 /* "MODSEQ"  */
  YYSYMBOL_K_HIGHESTMODSEQ = 121,          /* "HIGHESTMODSEQ"  */
  YYSYMBOL_K_CONDSTORE = 122,              /* "CONDSTORE"  */
  YYSYMBOL_K_QRESYNC = 123,                /* "QRESYNC"  */
  YYSYMBOL_K_UNCHANGEDSINCE = 124,         /* "UNCHANGEDSINCE"  */
  YYSYMBOL_K_CHANGEDSINCE = 125,           /* "CHANGEDSINCE"  */
  YYSYMBOL_K_VANISHED = 126,               /* "VANISHED"  */
  YYSYMBOL_T_BODY_SECTION = 127,           /* "BODY["  */
  YYSYMBOL_T_BODY_PEEK_SECTION = 128,      /* "BODY.PEEK["  */
  YYSYMBOL_K_HEADER_FIELDS = 129,          /* "HEADER.FIELDS"  */
  YYSYMBOL_K_HEADER_FIELDS_NOT = 130,      /* "HEADER.FIELDS.NOT"  */
  YYSYMBOL_K_MIME = 131,                   /* "MIME"  */
  YYSYMBOL_132_ = 132,                     /* '('  */
  YYSYMBOL_133_ = 133,                     /* ')'  */
  YYSYMBOL_134_ = 134,                     /* ']'  */
  YYSYMBOL_135_ = 135,                     /* '<'  */
  YYSYMBOL_136_ = 136,                     /* '.'  */
  YYSYMBOL_137_ = 137,                     /* '>'  */
  YYSYMBOL_YYACCEPT = 138,                 /* $accept  */
  YYSYMBOL_command = 139,                  /* command  */
  YYSYMBOL_140_1 = 140,                    /* $@1  */
  YYSYMBOL_command_body = 141,             /* command_body  */
  YYSYMBOL_command_any = 142,              /* command_any  */
  YYSYMBOL_x_command = 143,                /* x_command  */
  YYSYMBOL_x_args = 144,                   /* x_args  */
  YYSYMBOL_unknown_command = 145,          /* unknown_command  */
  YYSYMBOL_command_nonauth = 146,          /* command_nonauth  */
  YYSYMBOL_command_auth = 147,             /* command_auth  */
  YYSYMBOL_idle = 148,                     /* idle  */
  YYSYMBOL_compress = 149,                 /* compress  */
  YYSYMBOL_namespace = 150,                /* namespace  */
  YYSYMBOL_enable = 151,                   /* enable  */
  YYSYMBOL_enable_caps = 152,              /* enable_caps  */
  YYSYMBOL_id = 153,                       /* id  */
  YYSYMBOL_id_params_list = 154,           /* id_params_list  */
  YYSYMBOL_id_pairs = 155,                 /* id_pairs  */
  YYSYMBOL_id_nstring = 156,               /* id_nstring  */
  YYSYMBOL_unselect = 157,                 /* unselect  */
  YYSYMBOL_command_select = 158,           /* command_select  */
  YYSYMBOL_uid = 159,                      /* uid  */
  YYSYMBOL_160_2 = 160,                    /* $@2  */
  YYSYMBOL_uid_command = 161,              /* uid_command  */
  YYSYMBOL_uid_expunge = 162,              /* uid_expunge  */
  YYSYMBOL_login = 163,                    /* login  */
  YYSYMBOL_userid = 164,                   /* userid  */
  YYSYMBOL_password = 165,                 /* password  */
  YYSYMBOL_authenticate = 166,             /* authenticate  */
  YYSYMBOL_initial_response = 167,         /* initial_response  */
  YYSYMBOL_auth_type = 168,                /* auth_type  */
  YYSYMBOL_append = 169,                   /* append  */
  YYSYMBOL_append_rest = 170,              /* append_rest  */
  YYSYMBOL_append_message = 171,           /* append_message  */
  YYSYMBOL_create = 172,                   /* create  */
  YYSYMBOL_create_params = 173,            /* create_params  */
  YYSYMBOL_create_param_list = 174,        /* create_param_list  */
  YYSYMBOL_create_param = 175,             /* create_param  */
  YYSYMBOL_create_param_name = 176,        /* create_param_name  */
  YYSYMBOL_use_attrs = 177,                /* use_attrs  */
  YYSYMBOL_use_attr_list = 178,            /* use_attr_list  */
  YYSYMBOL_delete = 179,                   /* delete  */
  YYSYMBOL_examine = 180,                  /* examine  */
  YYSYMBOL_list = 181,                     /* list  */
  YYSYMBOL_list_return_tail = 182,         /* list_return_tail  */
  YYSYMBOL_list_select_opts = 183,         /* list_select_opts  */
  YYSYMBOL_list_select_seq = 184,          /* list_select_seq  */
  YYSYMBOL_list_patterns = 185,            /* list_patterns  */
  YYSYMBOL_list_pattern_seq = 186,         /* list_pattern_seq  */
  YYSYMBOL_list_return_opts = 187,         /* list_return_opts  */
  YYSYMBOL_list_return_word = 188,         /* list_return_word  */
  YYSYMBOL_list_return_body = 189,         /* list_return_body  */
  YYSYMBOL_list_return_seq = 190,          /* list_return_seq  */
  YYSYMBOL_list_return_item = 191,         /* list_return_item  */
  YYSYMBOL_192_3 = 192,                    /* $@3  */
  YYSYMBOL_lsub = 193,                     /* lsub  */
  YYSYMBOL_rename = 194,                   /* rename  */
  YYSYMBOL_select = 195,                   /* select  */
  YYSYMBOL_select_params = 196,            /* select_params  */
  YYSYMBOL_select_param_list = 197,        /* select_param_list  */
  YYSYMBOL_select_param = 198,             /* select_param  */
  YYSYMBOL_qresync_rest = 199,             /* qresync_rest  */
  YYSYMBOL_known_uids = 200,               /* known_uids  */
  YYSYMBOL_seq_match_data = 201,           /* seq_match_data  */
  YYSYMBOL_status = 202,                   /* status  */
  YYSYMBOL_status_att_list = 203,          /* status_att_list  */
  YYSYMBOL_status_att = 204,               /* status_att  */
  YYSYMBOL_subscribe = 205,                /* subscribe  */
  YYSYMBOL_unsubscribe = 206,              /* unsubscribe  */
  YYSYMBOL_copy = 207,                     /* copy  */
  YYSYMBOL_move = 208,                     /* move  */
  YYSYMBOL_fetch = 209,                    /* fetch  */
  YYSYMBOL_fetch_modifiers = 210,          /* fetch_modifiers  */
  YYSYMBOL_fetch_modifier_list = 211,      /* fetch_modifier_list  */
  YYSYMBOL_fetch_modifier = 212,           /* fetch_modifier  */
  YYSYMBOL_fetch_what = 213,               /* fetch_what  */
  YYSYMBOL_fetch_att_list = 214,           /* fetch_att_list  */
  YYSYMBOL_fetch_att = 215,                /* fetch_att  */
  YYSYMBOL_fetch_att_binary = 216,         /* fetch_att_binary  */
  YYSYMBOL_section_binary = 217,           /* section_binary  */
  YYSYMBOL_partial = 218,                  /* partial  */
  YYSYMBOL_section = 219,                  /* section  */
  YYSYMBOL_section_spec = 220,             /* section_spec  */
  YYSYMBOL_section_part = 221,             /* section_part  */
  YYSYMBOL_section_msgtext = 222,          /* section_msgtext  */
  YYSYMBOL_section_text = 223,             /* section_text  */
  YYSYMBOL_header_list = 224,              /* header_list  */
  YYSYMBOL_header_fld_names = 225,         /* header_fld_names  */
  YYSYMBOL_header_fld_name = 226,          /* header_fld_name  */
  YYSYMBOL_store = 227,                    /* store  */
  YYSYMBOL_store_modifiers = 228,          /* store_modifiers  */
  YYSYMBOL_store_modifier_list = 229,      /* store_modifier_list  */
  YYSYMBOL_store_modifier = 230,           /* store_modifier  */
  YYSYMBOL_store_att_flags = 231,          /* store_att_flags  */
  YYSYMBOL_store_flags = 232,              /* store_flags  */
  YYSYMBOL_search = 233,                   /* search  */
  YYSYMBOL_search_program = 234,           /* search_program  */
  YYSYMBOL_search_return_opts = 235,       /* search_return_opts  */
  YYSYMBOL_search_return_opt_list = 236,   /* search_return_opt_list  */
  YYSYMBOL_search_return_opt = 237,        /* search_return_opt  */
  YYSYMBOL_getquota = 238,                 /* getquota  */
  YYSYMBOL_quota_root = 239,               /* quota_root  */
  YYSYMBOL_getquotaroot = 240,             /* getquotaroot  */
  YYSYMBOL_setquota = 241,                 /* setquota  */
  YYSYMBOL_setquota_list = 242,            /* setquota_list  */
  YYSYMBOL_setquota_resource = 243,        /* setquota_resource  */
  YYSYMBOL_sort = 244,                     /* sort  */
  YYSYMBOL_sort_criteria = 245,            /* sort_criteria  */
  YYSYMBOL_sort_words = 246,               /* sort_words  */
  YYSYMBOL_sort_word = 247,                /* sort_word  */
  YYSYMBOL_thread = 248,                   /* thread  */
  YYSYMBOL_thread_alg = 249,               /* thread_alg  */
  YYSYMBOL_search_criteria = 250,          /* search_criteria  */
  YYSYMBOL_charset = 251,                  /* charset  */
  YYSYMBOL_search_key_list = 252,          /* search_key_list  */
  YYSYMBOL_search_key = 253,               /* search_key  */
  YYSYMBOL_search_key_1 = 254,             /* search_key_1  */
  YYSYMBOL_mod_sequence_value = 255,       /* mod_sequence_value  */
  YYSYMBOL_mod_sequence_valzer = 256,      /* mod_sequence_valzer  */
  YYSYMBOL_sequence_set = 257,             /* sequence_set  */
  YYSYMBOL_mailbox = 258,                  /* mailbox  */
  YYSYMBOL_list_mailbox = 259,             /* list_mailbox  */
  YYSYMBOL_astring = 260,                  /* astring  */
  YYSYMBOL_string = 261,                   /* string  */
  YYSYMBOL_atom = 262,                     /* atom  */
  YYSYMBOL_keyword = 263,                  /* keyword  */
  YYSYMBOL_flag_list = 264,                /* flag_list  */
  YYSYMBOL_flag_seq = 265,                 /* flag_seq  */
  YYSYMBOL_flag = 266,                     /* flag  */
  YYSYMBOL_flag_keyword = 267,             /* flag_keyword  */
  YYSYMBOL_date = 268,                     /* date  */
  YYSYMBOL_date_time = 269,                /* date_time  */
  YYSYMBOL_number = 270,                   /* number  */
  YYSYMBOL_nz_number = 271                 /* nz_number  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */

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


#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_int16 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined IMAP_YYSTYPE_IS_TRIVIAL && IMAP_YYSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE)) \
      + YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  4
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   2133

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  138
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  134
/* YYNRULES -- Number of rules.  */
#define YYNRULES  399
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  673

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   386


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_uint8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     132,   133,     2,     2,     2,     2,   136,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     135,     2,   137,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,   134,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29,    30,    31,    32,    33,    34,
      35,    36,    37,    38,    39,    40,    41,    42,    43,    44,
      45,    46,    47,    48,    49,    50,    51,    52,    53,    54,
      55,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,   127,   128,   129,   130,   131
};

#if IMAP_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   166,   166,   166,   170,   171,   172,   173,   174,   179,
     180,   181,   182,   183,   189,   194,   195,   198,   205,   211,
     212,   213,   219,   219,   219,   219,   219,   219,   219,   219,
     220,   220,   220,   220,   220,   221,   221,   222,   222,   222,
     229,   236,   245,   254,   258,   259,   268,   272,   273,   274,
     278,   279,   285,   286,   294,   300,   301,   302,   303,   303,
     303,   303,   304,   305,   306,   307,   307,   312,   312,   316,
     316,   316,   316,   317,   318,   319,   319,   324,   332,   339,
     344,   351,   354,   363,   368,   378,   383,   384,   386,   388,
     394,   398,   406,   407,   415,   420,   421,   429,   433,   440,
     441,   445,   446,   452,   457,   468,   471,   475,   479,   483,
     492,   493,   503,   504,   510,   511,   517,   522,   523,   534,
     541,   542,   546,   547,   551,   552,   556,   557,   557,   563,
     571,   578,   589,   590,   595,   596,   603,   604,   611,   612,
     614,   615,   622,   630,   640,   645,   646,   653,   654,   655,
     656,   657,   660,   663,   665,   670,   675,   683,   694,   702,
     712,   713,   718,   719,   726,   728,   732,   733,   734,   735,
     737,   743,   744,   754,   755,   756,   757,   758,   759,   760,
     761,   762,   763,   765,   766,   769,   771,   774,   776,   785,
     788,   791,   794,   797,   804,   805,   810,   821,   822,   827,
     828,   829,   835,   836,   843,   844,   847,   850,   855,   856,
     861,   866,   867,   873,   878,   880,   890,   895,   896,   902,
     914,   915,   916,   917,   918,   919,   923,   924,   932,   934,
     941,   945,   957,   958,   963,   964,   972,   973,   974,   975,
     976,   984,   991,   996,  1007,  1010,  1016,  1017,  1021,  1031,
    1033,  1043,  1047,  1048,  1052,  1059,  1064,  1070,  1079,  1083,
    1084,  1102,  1106,  1107,  1108,  1109,  1110,  1111,  1112,  1113,
    1114,  1115,  1117,  1118,  1119,  1120,  1121,  1122,  1123,  1124,
    1125,  1126,  1127,  1128,  1129,  1131,  1132,  1133,  1135,  1136,
    1137,  1139,  1140,  1141,  1142,  1143,  1144,  1150,  1152,  1155,
    1156,  1167,  1171,  1179,  1180,  1181,  1183,  1189,  1195,  1196,
    1197,  1204,  1205,  1206,  1211,  1212,  1218,  1219,  1220,  1221,
    1222,  1223,  1229,  1229,  1229,  1229,  1229,  1229,  1229,  1230,
    1230,  1230,  1230,  1231,  1231,  1231,  1231,  1231,  1231,  1232,
    1232,  1232,  1232,  1232,  1232,  1233,  1233,  1233,  1233,  1233,
    1233,  1233,  1233,  1234,  1234,  1234,  1234,  1234,  1234,  1235,
    1235,  1235,  1235,  1235,  1235,  1236,  1236,  1236,  1236,  1236,
    1237,  1237,  1237,  1237,  1238,  1238,  1240,  1240,  1240,  1240,
    1240,  1242,  1242,  1242,  1242,  1242,  1243,  1243,  1249,  1250,
    1254,  1256,  1265,  1266,  1271,  1277,  1278,  1284,  1289,  1294
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "tag", "atom", "number",
  "sequence set", "sequence set with *", "date", "astring",
  "mailbox pattern", "quoted string", "literal", "flag", "X-command",
  "X-command arguments", "literal header", "invalid input", "SP",
  "end of line", "APPEND", "AUTHENTICATE", "CAPABILITY", "CHECK", "CLOSE",
  "COPY", "CREATE", "DELETE", "EXAMINE", "EXPUNGE", "FETCH", "LIST",
  "LOGIN", "LOGOUT", "LSUB", "NOOP", "RENAME", "SEARCH", "SELECT",
  "STARTTLS", "STATUS", "STORE", "SUBSCRIBE", "UNSUBSCRIBE", "UID", "IDLE",
  "COMPRESS", "NAMESPACE", "ID", "UNSELECT", "ENABLE", "MOVE", "BINARY[",
  "BINARY.PEEK[", "BINARY.SIZE[", "literal8", "RETURN", "MIN", "MAX",
  "COUNT", "SAVE", "$", "SORT", "THREAD", "GETQUOTA", "GETQUOTAROOT",
  "SETQUOTA", "ALL", "FAST", "FULL", "ENVELOPE", "FLAGS", "INTERNALDATE",
  "RFC822", "RFC822.HEADER", "RFC822.SIZE", "RFC822.TEXT", "BODY",
  "BODYSTRUCTURE", "ANSWERED", "BCC", "BEFORE", "CC", "DELETED", "DRAFT",
  "FLAGGED", "FROM", "HEADER", "KEYWORD", "LARGER", "NEW", "NOT", "OLD",
  "ON", "OR", "RECENT", "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE",
  "SINCE", "SMALLER", "SUBJECT", "TEXT", "TO", "UNANSWERED", "UNDELETED",
  "UNDRAFT", "UNFLAGGED", "UNKEYWORD", "UNSEEN", "CHARSET", "MESSAGES",
  "UIDNEXT", "UIDVALIDITY", "+FLAGS", "-FLAGS", "FLAGS.SILENT",
  "+FLAGS.SILENT", "-FLAGS.SILENT", "MODSEQ", "HIGHESTMODSEQ", "CONDSTORE",
  "QRESYNC", "UNCHANGEDSINCE", "CHANGEDSINCE", "VANISHED", "BODY[",
  "BODY.PEEK[", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "MIME", "'('", "')'",
  "']'", "'<'", "'.'", "'>'", "$accept", "command", "$@1", "command_body",
  "command_any", "x_command", "x_args", "unknown_command",
  "command_nonauth", "command_auth", "idle", "compress", "namespace",
  "enable", "enable_caps", "id", "id_params_list", "id_pairs",
  "id_nstring", "unselect", "command_select", "uid", "$@2", "uid_command",
  "uid_expunge", "login", "userid", "password", "authenticate",
  "initial_response", "auth_type", "append", "append_rest",
  "append_message", "create", "create_params", "create_param_list",
  "create_param", "create_param_name", "use_attrs", "use_attr_list",
  "delete", "examine", "list", "list_return_tail", "list_select_opts",
  "list_select_seq", "list_patterns", "list_pattern_seq",
  "list_return_opts", "list_return_word", "list_return_body",
  "list_return_seq", "list_return_item", "$@3", "lsub", "rename", "select",
  "select_params", "select_param_list", "select_param", "qresync_rest",
  "known_uids", "seq_match_data", "status", "status_att_list",
  "status_att", "subscribe", "unsubscribe", "copy", "move", "fetch",
  "fetch_modifiers", "fetch_modifier_list", "fetch_modifier", "fetch_what",
  "fetch_att_list", "fetch_att", "fetch_att_binary", "section_binary",
  "partial", "section", "section_spec", "section_part", "section_msgtext",
  "section_text", "header_list", "header_fld_names", "header_fld_name",
  "store", "store_modifiers", "store_modifier_list", "store_modifier",
  "store_att_flags", "store_flags", "search", "search_program",
  "search_return_opts", "search_return_opt_list", "search_return_opt",
  "getquota", "quota_root", "getquotaroot", "setquota", "setquota_list",
  "setquota_resource", "sort", "sort_criteria", "sort_words", "sort_word",
  "thread", "thread_alg", "search_criteria", "charset", "search_key_list",
  "search_key", "search_key_1", "mod_sequence_value",
  "mod_sequence_valzer", "sequence_set", "mailbox", "list_mailbox",
  "astring", "string", "atom", "keyword", "flag_list", "flag_seq", "flag",
  "flag_keyword", "date", "date_time", "number", "nz_number", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-541)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      63,  -541,    99,    91,  -541,  2067,  -541,  -541,    97,   104,
    -541,  -541,  -541,   116,   142,   145,   146,  -541,   147,   149,
     150,  -541,   153,  -541,   157,   181,   194,  -541,   201,   202,
     203,   210,   211,  -541,   212,  -541,   213,  -541,   214,   215,
     216,   219,   223,   224,   225,   228,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,    80,  1575,  1944,    83,  1575,  1575,  1575,    83,
     899,  1575,  1575,  1575,  1267,  1575,  1575,    83,  1575,  1575,
    -541,  1944,  1145,  1944,   230,    83,   -28,  1944,  1575,  1575,
    1575,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,   231,  -541,
    -541,  -541,  -541,   232,  -541,  -541,  -541,  -541,  -541,   234,
     237,  -541,   238,   239,    13,   240,   242,   243,  -541,   253,
     255,   256,   257,  -541,   260,  -541,   261,   262,   263,  -541,
    -541,  -541,   264,   270,   271,   272,  -541,   273,  -541,   274,
     275,  -541,  -541,   276,   277,   278,   279,   281,   296,   297,
     298,  -541,  -541,  -541,  -541,   304,  -541,   305,   306,   396,
    -541,   308,   309,  -541,  -541,  -541,   238,   310,   312,  -541,
    -541,   288,  -541,    39,  -541,  -541,  -541,  1944,   313,  1944,
     314,   315,   316,  -541,  -541,  -541,  -541,   317,    41,  1944,
    1575,   119,   204,  -541,   233,  -541,  -541,     6,  1575,   774,
    1575,  1452,  1575,    83,   205,  1575,  1575,    86,  1575,  1575,
    1575,  1944,   333,   396,    86,   396,    86,    86,    86,    86,
     333,  1575,  1575,  1575,  1944,  1575,    25,    23,  1335,   396,
    -541,   208,     1,   323,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,    36,   324,  -541,  1575,    37,  -541,
    -541,   217,  1575,  1575,   220,  -541,  -541,  -541,   521,  -541,
    -541,   325,   326,  -541,  -541,  -541,   341,  -541,   -63,  -541,
      17,    17,    17,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,    11,    11,   192,   328,
    -541,  -541,   343,  -541,   330,  -541,  -541,  1452,   336,   338,
    -541,  -541,  -541,  -541,  -541,  -541,    24,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,   339,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,   340,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,   344,  -541,  -541,   345,  -541,  -541,  -541,  -541,
      40,  -541,  -541,  -541,  -541,  -541,  -541,   235,   346,   348,
      83,    96,  -541,  1698,  -541,  1944,  -541,   350,  -541,   352,
    -541,   644,  -541,  -541,    43,  -541,  -541,    74,    75,  -541,
      44,  -541,   353,  -541,   354,    45,  -541,  -541,  -541,   241,
     -58,  -541,   241,  -541,  -541,  -541,   355,   356,  -541,   241,
     244,   245,  -541,   241,    47,  -541,   247,  -541,  -541,   774,
      49,  -541,    54,  -541,    54,  -541,  -541,  -541,  -541,  -541,
    -541,    50,  -541,  1575,   396,   396,  1944,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,    51,  -541,   359,    52,  -541,
       9,  1022,  -541,   362,  -541,  -541,  -541,  -541,  1575,   396,
    -541,    53,  -541,   364,  1821,  -541,  -541,   365,  -541,   341,
    -541,   252,   254,   -63,  -541,   333,  -541,  -541,   380,  -541,
     258,   258,  -541,  -541,    18,  -541,   192,  -541,   -13,   336,
     336,  1452,  -541,  -541,  -541,  -541,   369,  -541,   138,  -541,
    -541,  -541,   309,   370,    40,  -541,   384,   235,  -541,   373,
    -541,  -541,   374,  1698,  -541,   309,  1944,  -541,  1944,  -541,
      75,  -541,     5,   380,  -541,   259,  -541,  1575,  -541,  -541,
    -541,  -541,  -541,  -541,   375,  -541,    55,  -541,  -541,  -541,
    -541,   265,  -541,   384,  -541,  -541,  -541,  1022,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,    56,   376,   380,    57,  -541,
     391,   -13,  -541,    10,  -541,  -541,   385,  -541,   391,   267,
    1575,  -541,  -541,  -541,  -541,  -541,  -541,   266,   387,  -541,
    -541,   388,  -541,  -541,    40,  -541,    10,    42,   280,    61,
    -541,    83,   389,  -541,  -541,  -541,  -541,   390,   283,    83,
    -541,   284,  -541
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int16 yydefact[] =
{
       0,     2,     0,     0,     1,     0,    18,    15,     0,     0,
       9,    55,    56,     0,     0,     0,     0,    57,     0,     0,
       0,    10,     0,    11,     0,     0,     0,    21,     0,     0,
       0,     0,     0,    40,     0,    42,     0,    54,     0,     0,
       0,     0,     0,     0,     0,     0,     4,    12,     8,     5,
       6,    33,    34,    35,    36,    13,    63,     7,    62,    19,
      20,    22,    23,    24,    25,    26,    27,    28,    29,    30,
      31,    32,    58,    64,    59,    60,    61,    37,    38,    39,
      65,    66,    14,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
      67,     0,     0,     0,    43,     0,     0,     0,     0,     0,
       0,     3,    17,    16,   316,   317,   318,   319,   312,   314,
     315,   334,   376,   377,   378,   379,   380,   320,   322,   323,
     324,   325,   326,   327,   328,   329,   330,   331,   332,   333,
     335,   336,   337,   338,   339,   340,   341,   342,   343,   344,
     345,   346,   347,   348,   349,   350,   351,   352,   353,   354,
     355,   356,   357,   358,   359,   360,   361,   362,   363,   364,
     365,   366,   367,   368,   369,   370,   371,   372,   373,   374,
     375,   381,   382,   383,   384,   385,   386,   387,     0,   307,
     313,   311,   321,    81,    84,   303,   304,   305,   306,     0,
      92,   103,   132,     0,     0,     0,     0,     0,    79,     0,
       0,     0,     0,   262,     0,   263,     0,     0,     0,   268,
     286,   269,     0,     0,     0,     0,   272,     0,   273,     0,
       0,   275,   276,     0,     0,     0,     0,     0,     0,     0,
       0,   281,   282,   296,   283,     0,   285,     0,     0,     0,
     228,     0,   230,   259,   261,   299,   132,     0,     0,   155,
     156,     0,    41,     0,    46,    49,    44,     0,     0,     0,
       0,     0,     0,   256,   241,   242,   243,     0,     0,     0,
       0,     0,     0,   104,     0,   114,   112,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     131,     0,     0,     0,    68,    73,    69,    74,    70,    72,
      71,    75,    76,    47,     0,     0,    45,     0,     0,   252,
     254,     0,     0,     0,     0,   397,    90,    91,     0,    85,
      86,     0,     0,    82,    83,   157,     0,    93,     0,   182,
       0,     0,     0,   166,   168,   167,   173,   174,   175,   176,
     177,   178,   179,   180,   181,   183,     0,     0,     0,   160,
     169,   188,     0,   113,     0,   310,   309,     0,   110,   105,
     308,    78,    80,   129,   130,   295,     0,   266,   264,   395,
     396,   265,   267,   270,     0,   213,   394,   271,   398,   288,
     289,   274,     0,   291,   292,   293,   277,   294,   278,   279,
     280,   284,     0,   258,   302,     0,   297,   300,   229,   260,
       0,   220,   222,   224,   221,   223,   225,     0,     0,     0,
       0,     0,    48,     0,   158,     0,   251,     0,   249,     0,
     255,     0,   392,   388,     0,   390,   393,     0,     0,    98,
       0,    95,     0,   136,     0,     0,   134,   399,   194,   189,
       0,   202,   191,   193,   204,   207,     0,     0,   197,   184,
       0,   200,   199,   186,     0,   171,     0,   159,   115,     0,
       0,   117,     0,   107,     0,   236,   237,   239,   240,   238,
     232,     0,   234,     0,     0,     0,     0,   152,   153,   148,
     151,   147,   149,   150,   154,     0,   145,     0,     0,   217,
       0,     0,    77,     0,    50,    52,    53,   253,     0,     0,
     244,     0,   246,     0,     0,   389,    87,     0,    88,     0,
      94,     0,     0,     0,   133,     0,   190,   195,     0,   192,
       0,     0,   185,   198,     0,   187,     0,   170,     0,   110,
     110,     0,   116,   121,   120,   111,     0,   106,     0,   233,
     287,   290,   231,     0,     0,   144,     0,     0,   216,     0,
     214,   226,   227,     0,   250,   257,     0,   245,     0,   391,
       0,    96,     0,     0,   135,     0,   203,     0,   205,   206,
     209,   208,   201,   172,     0,   165,     0,   162,   109,   108,
     118,     0,   235,     0,   146,   219,   218,     0,    51,   247,
     248,    89,   101,    99,    97,     0,     0,     0,     0,   211,
       0,     0,   161,   122,   298,   215,     0,   100,     0,     0,
       0,   210,   301,   164,   163,   126,   127,     0,   123,   124,
     102,   138,   196,   212,     0,   119,     0,     0,     0,     0,
     125,     0,   139,   140,   142,   137,   128,     0,     0,     0,
     141,     0,   143
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -174,  -541,
    -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,  -541,
    -541,  -541,  -541,  -447,  -541,  -541,  -541,  -129,  -541,  -541,
    -541,  -541,  -541,  -541,  -428,  -541,  -541,   -78,  -541,   -82,
    -541,  -541,  -541,  -240,  -541,  -541,  -541,  -541,   162,  -541,
    -124,  -541,  -541,  -248,  -541,  -233,  -152,  -541,  -541,   163,
     164,   165,  -541,  -541,  -204,  -541,  -541,  -369,  -541,  -225,
    -317,    46,  -541,  -218,  -126,  -541,  -122,  -541,  -540,   170,
    -541,  -541,  -145,   -87,  -183,   174,   118,   331,  -541,  -130,
    -541,   332,  -541,  -541,  -541,  -143,   180,   103,  -541,     2,
     185,  -541,  -336,   133,  -246,  -290,  -541,  -189,  -512,   -85,
     -53,  -285,   -89,  -262,   -76,  -541,   172,   105,   -83,  -208,
     -91,    -5,  -305,  -516
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int16 yydefgoto[] =
{
       0,     2,     3,    45,    46,    47,    82,    48,    49,    50,
      51,    52,    53,    54,   104,    55,   264,   334,   524,    56,
      57,    58,   261,   324,   325,    59,   207,   391,    60,   353,
     193,    61,   349,   350,    62,   357,   460,   461,   462,   624,
     625,    63,    64,    65,   493,   205,   287,   388,   490,   565,
     566,   647,   648,   649,   654,    66,    67,    68,   283,   465,
     466,   658,   662,   663,    69,   515,   516,    70,    71,    72,
      73,    74,   487,   606,   607,   379,   484,   380,   381,   469,
     546,   479,   480,   470,   482,   602,   598,   628,   404,    75,
     438,   518,   519,   439,   580,    76,   250,   251,   501,   502,
      77,   274,    78,    79,   531,   532,    80,   271,   338,   339,
      81,   272,   448,   449,   252,   253,   254,   643,   426,   255,
     188,   389,   189,   190,   191,   192,   581,   582,   455,   456,
     401,   352,   409,   471
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
     199,   335,   208,   317,   203,   417,   393,   450,   194,   485,
     536,   538,   258,   410,   645,   412,   467,   285,   622,   275,
     268,   275,   467,   467,   382,   262,   265,   266,   212,   429,
     424,   273,   596,   200,   201,   202,   425,   206,   596,   209,
     210,   319,   256,   257,   507,   259,   260,   195,   196,   197,
     119,   120,   345,   346,   441,   445,   276,   629,   563,   463,
     464,   534,   539,   543,   615,   556,     1,   561,   568,   574,
     577,   586,   431,   631,   636,   640,   547,   626,   548,   574,
     431,   495,   496,   497,   498,   345,   346,   346,   195,   196,
     197,   499,   112,   407,   399,   113,   347,   400,   474,     4,
     653,   634,   491,   198,   269,   474,   421,   119,   120,     5,
     564,   639,   604,   605,   475,    83,   432,   433,   434,   435,
     436,   475,    84,   508,   432,   433,   434,   435,   436,   347,
     347,   608,   609,   437,    85,   509,   472,   473,   623,   383,
     476,   477,   646,   621,   198,   478,   286,   476,   477,   600,
     510,   468,   511,   512,   513,   549,   427,   500,   481,   481,
      86,   514,   552,    87,    88,    89,   555,    90,    91,   442,
     446,    92,   333,   348,   661,    93,   535,   540,   544,   523,
     557,   525,   562,   569,   575,   578,   587,   603,   632,   637,
     641,   336,   584,   340,   666,   495,   496,   497,   498,    94,
     390,   392,   390,   354,   560,   499,   397,   398,   395,   402,
     403,   405,    95,   411,   571,   413,   414,   415,   416,    96,
      97,    98,   418,   419,   420,   406,   423,   355,    99,   100,
     101,   102,   103,   105,   106,   384,   359,   107,   406,   394,
     595,   108,   109,   110,   360,   361,   362,   111,   267,   278,
     279,   356,   280,   423,   423,   281,   282,   284,   288,   572,
     289,   290,   366,   367,   368,   369,   370,   371,   372,   373,
     374,   291,   406,   292,   293,   294,   610,   359,   295,   296,
     297,   298,   299,   585,   444,   360,   361,   362,   300,   301,
     302,   303,   304,   305,   306,   307,   308,   309,   390,   310,
     363,   364,   365,   366,   367,   368,   369,   370,   371,   372,
     373,   374,   375,    13,   311,   312,   313,   323,    18,   376,
     377,   525,   314,   315,   316,    25,   318,   319,   321,    29,
     322,   337,   341,   342,   343,   344,   358,   396,   408,    39,
     430,   440,   443,   457,   458,   459,   486,   488,   489,   269,
      40,    41,   451,   375,   492,   522,   494,   503,   504,   517,
     376,   377,   505,   506,   520,   378,   521,   526,   528,   340,
     529,   541,   542,   550,   551,   533,   545,   576,   553,   558,
     583,   554,   588,   590,   592,   467,   593,   611,   613,   424,
     597,   617,   534,   630,   638,   627,   642,   633,   650,   655,
     390,   195,   196,   197,   652,   656,   657,   668,   669,   618,
     591,   559,   567,   665,   570,   661,   660,   672,   320,   594,
     670,   659,   614,   483,   326,   327,   328,   644,   601,   599,
     573,   329,   616,   579,   635,   330,   428,   270,   612,   423,
     211,   331,   277,   619,   447,   406,   332,   527,   422,   651,
     351,   589,   537,   454,     0,     0,     0,   198,   406,     0,
       0,     0,     0,   213,     0,     0,     0,     0,     0,     0,
       0,     0,   390,   214,     0,   215,   216,   217,   218,   219,
     220,   221,   222,   223,   224,   225,   226,   227,   228,   229,
     230,   231,   232,   233,   234,   235,   236,   237,   238,   239,
     240,   241,   242,   243,   244,   245,   246,   526,   405,     0,
     533,     0,   620,     0,     0,     0,   248,     0,     0,     0,
       0,     0,     0,     0,     0,   114,   115,   116,   249,   117,
       0,     0,     0,     0,   452,     0,     0,     0,     0,     0,
       0,   406,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   405,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   121,     0,     0,     0,     0,
       0,     0,   664,     0,     0,     0,   667,   122,   123,   124,
     125,   126,   127,     0,   671,     0,     0,     0,   128,   129,
     130,   131,   132,   133,   134,   135,   136,   137,   138,   139,
     140,   141,   142,   143,   144,   145,   146,   147,   148,   149,
     150,   151,   152,   153,   154,   155,   156,   157,   158,   159,
     160,   161,   162,   163,   164,   165,   166,   167,   168,   169,
     170,   171,   172,   173,   174,   175,   176,   177,   178,   179,
     180,   181,   182,   183,   184,   185,   186,   187,   114,   115,
     116,     0,   117,     0,   453,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   121,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     122,   123,   124,   125,   126,   127,     0,     0,     0,     0,
       0,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,   166,
     167,   168,   169,   170,   171,   172,   173,   174,   175,   176,
     177,   178,   179,   180,   181,   182,   183,   184,   185,   186,
     187,     0,     0,     0,     0,     0,     0,   530,   114,   115,
     116,   385,   117,   118,   386,   119,   120,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   121,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     122,   123,   124,   125,   126,   127,     0,     0,     0,     0,
       0,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,   166,
     167,   168,   169,   170,   171,   172,   173,   174,   175,   176,
     177,   178,   179,   180,   181,   182,   183,   184,   185,   186,
     187,     0,     0,   114,   115,   116,   387,   117,   118,     0,
     119,   120,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   121,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   122,   123,   124,   125,   126,
     127,     0,     0,     0,     0,     0,   128,   129,   130,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,   141,
     142,   143,   144,   145,   146,   147,   148,   149,   150,   151,
     152,   153,   154,   155,   156,   157,   158,   159,   160,   161,
     162,   163,   164,   165,   166,   167,   168,   169,   170,   171,
     172,   173,   174,   175,   176,   177,   178,   179,   180,   181,
     182,   183,   184,   185,   186,   187,   114,   115,   116,     0,
     117,   204,     0,     0,     0,   452,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   121,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   122,   123,
     124,   125,   126,   127,     0,     0,     0,     0,     0,   128,
     129,   130,   131,   132,   133,   134,   135,   136,   137,   138,
     139,   140,   141,   142,   143,   144,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   155,   156,   157,   158,
     159,   160,   161,   162,   163,   164,   165,   166,   167,   168,
     169,   170,   171,   172,   173,   174,   175,   176,   177,   178,
     179,   180,   181,   182,   183,   184,   185,   186,   187,   114,
     115,   116,     0,   117,   348,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   121,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   122,   123,   124,   125,   126,   127,     0,     0,     0,
       0,     0,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,   141,   142,   143,   144,   145,
     146,   147,   148,   149,   150,   151,   152,   153,   154,   155,
     156,   157,   158,   159,   160,   161,   162,   163,   164,   165,
     166,   167,   168,   169,   170,   171,   172,   173,   174,   175,
     176,   177,   178,   179,   180,   181,   182,   183,   184,   185,
     186,   187,   195,   196,   197,     0,     0,   263,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   211,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   212,     0,     0,     0,     0,   198,     0,
       0,     0,     0,     0,   213,     0,     0,     0,     0,     0,
     195,   196,   197,     0,   214,     0,   215,   216,   217,   218,
     219,   220,   221,   222,   223,   224,   225,   226,   227,   228,
     229,   230,   231,   232,   233,   234,   235,   236,   237,   238,
     239,   240,   241,   242,   243,   244,   245,   246,   247,   211,
       0,     0,     0,     0,     0,     0,     0,   248,     0,     0,
       0,     0,     0,     0,     0,     0,   198,     0,     0,   249,
       0,     0,   213,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   214,     0,   215,   216,   217,   218,   219,   220,
     221,   222,   223,   224,   225,   226,   227,   228,   229,   230,
     231,   232,   233,   234,   235,   236,   237,   238,   239,   240,
     241,   242,   243,   244,   245,   246,   247,     0,     0,     0,
       0,     0,     0,     0,     0,   248,   114,   115,   116,   385,
     117,   118,   386,   119,   120,     0,     0,   249,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   121,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   122,   123,
     124,   125,   126,   127,     0,     0,     0,     0,     0,   128,
     129,   130,   131,   132,   133,   134,   135,   136,   137,   138,
     139,   140,   141,   142,   143,   144,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   155,   156,   157,   158,
     159,   160,   161,   162,   163,   164,   165,   166,   167,   168,
     169,   170,   171,   172,   173,   174,   175,   176,   177,   178,
     179,   180,   181,   182,   183,   184,   185,   186,   187,   114,
     115,   116,     0,   117,   118,     0,   119,   120,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   121,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   122,   123,   124,   125,   126,   127,     0,     0,     0,
       0,     0,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,   141,   142,   143,   144,   145,
     146,   147,   148,   149,   150,   151,   152,   153,   154,   155,
     156,   157,   158,   159,   160,   161,   162,   163,   164,   165,
     166,   167,   168,   169,   170,   171,   172,   173,   174,   175,
     176,   177,   178,   179,   180,   181,   182,   183,   184,   185,
     186,   187,   114,   115,   116,     0,   117,     0,     0,   119,
     120,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   121,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,   122,   123,   124,   125,   126,   127,
       0,     0,     0,     0,     0,   128,   129,   130,   131,   132,
     133,   134,   135,   136,   137,   138,   139,   140,   141,   142,
     143,   144,   145,   146,   147,   148,   149,   150,   151,   152,
     153,   154,   155,   156,   157,   158,   159,   160,   161,   162,
     163,   164,   165,   166,   167,   168,   169,   170,   171,   172,
     173,   174,   175,   176,   177,   178,   179,   180,   181,   182,
     183,   184,   185,   186,   187,   114,   115,   116,     0,   117,
       0,     0,     0,     0,   452,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   121,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   122,   123,   124,
     125,   126,   127,     0,     0,     0,     0,     0,   128,   129,
     130,   131,   132,   133,   134,   135,   136,   137,   138,   139,
     140,   141,   142,   143,   144,   145,   146,   147,   148,   149,
     150,   151,   152,   153,   154,   155,   156,   157,   158,   159,
     160,   161,   162,   163,   164,   165,   166,   167,   168,   169,
     170,   171,   172,   173,   174,   175,   176,   177,   178,   179,
     180,   181,   182,   183,   184,   185,   186,   187,   114,   115,
     116,     0,   117,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   121,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     122,   123,   124,   125,   126,   127,     0,     0,     0,     0,
       0,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,   166,
     167,   168,   169,   170,   171,   172,   173,   174,   175,   176,
     177,   178,   179,   180,   181,   182,   183,   184,   185,   186,
     187,     6,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     7,     0,     0,     0,     0,     0,     8,     9,    10,
      11,    12,    13,    14,    15,    16,    17,    18,    19,    20,
      21,    22,    23,    24,    25,    26,    27,    28,    29,    30,
      31,    32,    33,    34,    35,    36,    37,    38,    39,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,    40,
      41,    42,    43,    44
};

static const yytype_int16 yycheck[] =
{
      85,   263,    91,   249,    89,   310,   291,   343,    84,   378,
     457,   458,    97,   303,     4,   305,     5,     4,    13,   108,
     105,   110,     5,     5,    18,   101,   102,   103,    56,   319,
       5,   107,   548,    86,    87,    88,    11,    90,   554,    92,
      93,    18,    95,    96,     4,    98,    99,     5,     6,     7,
      11,    12,    11,    12,    18,    18,   109,   597,     4,   122,
     123,    18,    18,    18,   576,    18,     3,    18,    18,    18,
      18,    18,    71,    18,    18,    18,   134,   593,   136,    18,
      71,    57,    58,    59,    60,    11,    12,    12,     5,     6,
       7,    67,    12,   301,     8,    15,    55,    11,    87,     0,
     640,   613,   387,    61,   132,    87,   314,    11,    12,    18,
      56,   627,   125,   126,   103,    18,   115,   116,   117,   118,
     119,   103,    18,    83,   115,   116,   117,   118,   119,    55,
      55,   559,   560,   132,    18,    95,   361,   362,   133,   133,
     129,   130,   132,   590,    61,   134,   133,   129,   130,   131,
     110,   134,   112,   113,   114,   472,   133,   133,   376,   377,
      18,   121,   479,    18,    18,    18,   483,    18,    18,   133,
     133,    18,   133,   132,   132,    18,   133,   133,   133,   441,
     133,   443,   133,   133,   133,   133,   133,   556,   133,   133,
     133,   267,   528,   269,   133,    57,    58,    59,    60,    18,
     289,   290,   291,   279,   489,    67,   295,   296,   293,   298,
     299,   300,    18,   304,   504,   306,   307,   308,   309,    18,
      18,    18,   311,   312,   313,   301,   315,   280,    18,    18,
      18,    18,    18,    18,    18,   288,    44,    18,   314,   292,
     545,    18,    18,    18,    52,    53,    54,    19,    18,    18,
      18,   132,    18,   342,   343,    18,    18,    18,    18,   505,
      18,    18,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    18,   348,    18,    18,    18,   561,    44,    18,    18,
      18,    18,    18,   529,   337,    52,    53,    54,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,   387,    18,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,   120,    25,    18,    18,    18,    29,    30,   127,
     128,   583,    18,    18,    18,    37,    18,    18,    18,    41,
      18,    18,    18,    18,    18,    18,   132,   132,     5,    51,
     132,    18,    18,    18,    18,     4,    18,     4,    18,   132,
      62,    63,   132,   120,    18,   440,    18,    18,    18,   124,
     127,   128,    18,    18,    18,   132,    18,   443,    18,   445,
      18,    18,    18,    18,    18,   451,   135,    18,   134,   132,
      18,   136,    18,    18,   132,     5,   132,    18,    18,     5,
     132,    18,    18,    18,    18,   136,     5,   132,    13,   133,
     489,     5,     6,     7,   137,    18,    18,    18,    18,   583,
     539,   489,   494,   133,   503,   132,   656,   133,   256,   543,
     668,   654,   574,   377,   261,   261,   261,   631,   554,   551,
     506,   261,   577,   520,   617,   261,   318,   106,   568,   528,
      44,   261,   110,   586,   341,   521,   261,   445,   315,   638,
     278,   534,   457,   348,    -1,    -1,    -1,    61,   534,    -1,
      -1,    -1,    -1,    67,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,   561,    77,    -1,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   583,   597,    -1,
     586,    -1,   588,    -1,    -1,    -1,   120,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,     4,     5,     6,   132,     8,
      -1,    -1,    -1,    -1,    13,    -1,    -1,    -1,    -1,    -1,
      -1,   617,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,   640,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,
      -1,    -1,   657,    -1,    -1,    -1,   661,    56,    57,    58,
      59,    60,    61,    -1,   669,    -1,    -1,    -1,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,     4,     5,
       6,    -1,     8,    -1,   133,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      56,    57,    58,    59,    60,    61,    -1,    -1,    -1,    -1,
      -1,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,    -1,    -1,    -1,    -1,    -1,    -1,   133,     4,     5,
       6,     7,     8,     9,    10,    11,    12,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      56,    57,    58,    59,    60,    61,    -1,    -1,    -1,    -1,
      -1,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,    -1,    -1,     4,     5,     6,   132,     8,     9,    -1,
      11,    12,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    56,    57,    58,    59,    60,
      61,    -1,    -1,    -1,    -1,    -1,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
     111,   112,   113,   114,   115,   116,   117,   118,   119,   120,
     121,   122,   123,   124,   125,   126,     4,     5,     6,    -1,
       8,   132,    -1,    -1,    -1,    13,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,
      58,    59,    60,    61,    -1,    -1,    -1,    -1,    -1,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,     4,
       5,     6,    -1,     8,   132,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    56,    57,    58,    59,    60,    61,    -1,    -1,    -1,
      -1,    -1,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,     5,     6,     7,    -1,    -1,   132,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    56,    -1,    -1,    -1,    -1,    61,    -1,
      -1,    -1,    -1,    -1,    67,    -1,    -1,    -1,    -1,    -1,
       5,     6,     7,    -1,    77,    -1,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,    98,    99,   100,   101,   102,
     103,   104,   105,   106,   107,   108,   109,   110,   111,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   120,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    61,    -1,    -1,   132,
      -1,    -1,    67,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    77,    -1,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,   120,     4,     5,     6,     7,
       8,     9,    10,    11,    12,    -1,    -1,   132,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,
      58,    59,    60,    61,    -1,    -1,    -1,    -1,    -1,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,     4,
       5,     6,    -1,     8,     9,    -1,    11,    12,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    56,    57,    58,    59,    60,    61,    -1,    -1,    -1,
      -1,    -1,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,     4,     5,     6,    -1,     8,    -1,    -1,    11,
      12,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    56,    57,    58,    59,    60,    61,
      -1,    -1,    -1,    -1,    -1,    67,    68,    69,    70,    71,
      72,    73,    74,    75,    76,    77,    78,    79,    80,    81,
      82,    83,    84,    85,    86,    87,    88,    89,    90,    91,
      92,    93,    94,    95,    96,    97,    98,    99,   100,   101,
     102,   103,   104,   105,   106,   107,   108,   109,   110,   111,
     112,   113,   114,   115,   116,   117,   118,   119,   120,   121,
     122,   123,   124,   125,   126,     4,     5,     6,    -1,     8,
      -1,    -1,    -1,    -1,    13,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,    58,
      59,    60,    61,    -1,    -1,    -1,    -1,    -1,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,     4,     5,
       6,    -1,     8,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      56,    57,    58,    59,    60,    61,    -1,    -1,    -1,    -1,
      -1,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,     4,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    14,    -1,    -1,    -1,    -1,    -1,    20,    21,    22,
      23,    24,    25,    26,    27,    28,    29,    30,    31,    32,
      33,    34,    35,    36,    37,    38,    39,    40,    41,    42,
      43,    44,    45,    46,    47,    48,    49,    50,    51,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    62,
      63,    64,    65,    66
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int16 yystos[] =
{
       0,     3,   139,   140,     0,    18,     4,    14,    20,    21,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      32,    33,    34,    35,    36,    37,    38,    39,    40,    41,
      42,    43,    44,    45,    46,    47,    48,    49,    50,    51,
      62,    63,    64,    65,    66,   141,   142,   143,   145,   146,
     147,   148,   149,   150,   151,   153,   157,   158,   159,   163,
     166,   169,   172,   179,   180,   181,   193,   194,   195,   202,
     205,   206,   207,   208,   209,   227,   233,   238,   240,   241,
     244,   248,   144,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,   152,    18,    18,    18,    18,    18,
      18,    19,    12,    15,     4,     5,     6,     8,     9,    11,
      12,    44,    56,    57,    58,    59,    60,    61,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,   258,   260,
     261,   262,   263,   168,   262,     5,     6,     7,    61,   257,
     258,   258,   258,   257,   132,   183,   258,   164,   260,   258,
     258,    44,    56,    67,    77,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   120,   132,
     234,   235,   252,   253,   254,   257,   258,   258,   257,   258,
     258,   160,   262,   132,   154,   262,   262,    18,   257,   132,
     235,   245,   249,   262,   239,   260,   258,   239,    18,    18,
      18,    18,    18,   196,    18,     4,   133,   184,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,   252,    18,    18,
     196,    18,    18,    29,   161,   162,   207,   208,   209,   227,
     233,   244,   248,   133,   155,   261,   262,    18,   246,   247,
     262,    18,    18,    18,    18,    11,    12,    55,   132,   170,
     171,   264,   269,   167,   262,   258,   132,   173,   132,    44,
      52,    53,    54,    67,    68,    69,    70,    71,    72,    73,
      74,    75,    76,    77,    78,   120,   127,   128,   132,   213,
     215,   216,    18,   133,   258,     7,    10,   132,   185,   259,
     260,   165,   260,   259,   258,   257,   132,   260,   260,     8,
      11,   268,   260,   260,   226,   260,   262,   267,     5,   270,
     253,   268,   253,   268,   268,   268,   268,   270,   260,   260,
     260,   267,   251,   260,     5,    11,   256,   133,   234,   253,
     132,    71,   115,   116,   117,   118,   119,   132,   228,   231,
      18,    18,   133,    18,   258,    18,   133,   245,   250,   251,
     250,   132,    13,   133,   265,   266,   267,    18,    18,     4,
     174,   175,   176,   122,   123,   197,   198,     5,   134,   217,
     221,   271,   217,   217,    87,   103,   129,   130,   134,   219,
     220,   221,   222,   219,   214,   215,    18,   210,     4,    18,
     186,   259,    18,   182,    18,    57,    58,    59,    60,    67,
     133,   236,   237,    18,    18,    18,    18,     4,    83,    95,
     110,   112,   113,   114,   121,   203,   204,   124,   229,   230,
      18,    18,   257,   261,   156,   261,   262,   247,    18,    18,
     133,   242,   243,   262,    18,   133,   171,   269,   171,    18,
     133,    18,    18,    18,   133,   135,   218,   134,   136,   218,
      18,    18,   218,   134,   136,   218,    18,   133,   132,   185,
     259,    18,   133,     4,    56,   187,   188,   187,    18,   133,
     260,   253,   252,   262,    18,   133,    18,    18,   133,   231,
     232,   264,   265,    18,   250,   252,    18,   133,    18,   266,
      18,   175,   132,   132,   198,   270,   271,   132,   224,   224,
     131,   222,   223,   215,   125,   126,   211,   212,   182,   182,
     259,    18,   237,    18,   204,   256,   230,    18,   156,   243,
     262,   171,    13,   133,   177,   178,   271,   136,   225,   226,
      18,    18,   133,   132,   256,   232,    18,   133,    18,   271,
      18,   133,     5,   255,   212,     4,   132,   189,   190,   191,
      13,   255,   137,   226,   192,   133,    18,    18,   199,   203,
     191,   132,   200,   201,   257,   133,   133,   257,    18,    18,
     201,   257,   133
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int16 yyr1[] =
{
       0,   138,   140,   139,   141,   141,   141,   141,   141,   142,
     142,   142,   142,   142,   143,   144,   144,   144,   145,   146,
     146,   146,   147,   147,   147,   147,   147,   147,   147,   147,
     147,   147,   147,   147,   147,   147,   147,   147,   147,   147,
     148,   149,   150,   151,   152,   152,   153,   154,   154,   154,
     155,   155,   156,   156,   157,   158,   158,   158,   158,   158,
     158,   158,   158,   158,   158,   158,   158,   160,   159,   161,
     161,   161,   161,   161,   161,   161,   161,   162,   163,   164,
     165,   166,   166,   167,   168,   169,   170,   170,   170,   170,
     171,   171,   172,   172,   173,   174,   174,   175,   176,   177,
     177,   178,   178,   179,   180,   181,   181,   181,   181,   181,
     182,   182,   183,   183,   184,   184,   185,   186,   186,   187,
     188,   188,   189,   189,   190,   190,   191,   192,   191,   193,
     194,   195,   196,   196,   197,   197,   198,   198,   199,   199,
     199,   199,   200,   201,   202,   203,   203,   204,   204,   204,
     204,   204,   204,   204,   204,   205,   206,   207,   208,   209,
     210,   210,   211,   211,   212,   212,   213,   213,   213,   213,
     213,   214,   214,   215,   215,   215,   215,   215,   215,   215,
     215,   215,   215,   215,   215,   215,   215,   215,   215,   216,
     216,   216,   216,   216,   217,   217,   218,   219,   219,   220,
     220,   220,   221,   221,   222,   222,   222,   222,   223,   223,
     224,   225,   225,   226,   227,   227,   228,   229,   229,   230,
     231,   231,   231,   231,   231,   231,   232,   232,   233,   233,
     234,   234,   235,   235,   236,   236,   237,   237,   237,   237,
     237,   238,   239,   240,   241,   241,   242,   242,   243,   244,
     244,   245,   246,   246,   247,   248,   249,   250,   251,   252,
     252,   253,   254,   254,   254,   254,   254,   254,   254,   254,
     254,   254,   254,   254,   254,   254,   254,   254,   254,   254,
     254,   254,   254,   254,   254,   254,   254,   254,   254,   254,
     254,   254,   254,   254,   254,   254,   254,   254,   254,   254,
     254,   255,   256,   257,   257,   257,   257,   258,   259,   259,
     259,   260,   260,   260,   261,   261,   262,   262,   262,   262,
     262,   262,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   263,   263,
     263,   263,   263,   263,   263,   263,   263,   263,   264,   264,
     265,   265,   266,   266,   267,   268,   268,   269,   270,   271
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     5,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     2,     0,     2,     2,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     3,     1,     2,     2,     3,     3,     2,     3,     1,
       3,     5,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     0,     4,     1,
       1,     1,     1,     1,     1,     1,     1,     3,     5,     1,
       1,     3,     5,     1,     1,     5,     1,     3,     3,     5,
       1,     1,     3,     5,     3,     1,     3,     4,     1,     1,
       2,     1,     3,     3,     4,     5,     7,     6,     8,     8,
       0,     2,     2,     3,     1,     3,     3,     1,     3,     5,
       1,     1,     0,     1,     1,     3,     1,     0,     4,     5,
       5,     4,     0,     4,     1,     3,     1,     8,     0,     2,
       2,     4,     1,     5,     7,     1,     3,     1,     1,     1,
       1,     1,     1,     1,     1,     3,     3,     5,     5,     6,
       0,     4,     1,     3,     3,     1,     1,     1,     1,     1,
       3,     1,     3,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     2,     3,     2,     3,     1,     2,
       3,     2,     3,     2,     1,     2,     5,     1,     2,     1,
       1,     3,     1,     3,     1,     3,     3,     1,     1,     1,
       3,     1,     3,     1,     7,     9,     3,     1,     3,     3,
       1,     1,     1,     1,     1,     1,     1,     1,     3,     5,
       1,     5,     4,     5,     1,     3,     1,     1,     1,     1,
       1,     3,     1,     3,     6,     7,     1,     3,     3,     5,
       7,     3,     1,     3,     1,     5,     1,     3,     1,     1,
       3,     1,     1,     1,     3,     3,     3,     3,     1,     1,
       3,     3,     1,     1,     3,     1,     1,     3,     3,     3,
       3,     1,     1,     1,     3,     1,     1,     5,     3,     3,
       5,     3,     3,     3,     3,     3,     1,     3,     7,     1,
       3,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     2,     3,
       1,     3,     1,     1,     1,     1,     1,     1,     1,     1
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = IMAP_YYEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == IMAP_YYEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (ctx, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use IMAP_YYerror or IMAP_YYUNDEF. */
#define YYERRCODE IMAP_YYUNDEF


/* Enable debugging if requested.  */
#if IMAP_YYDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)




# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, ctx); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, struct imap_parse_ctx *ctx)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (ctx);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, struct imap_parse_ctx *ctx)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  yy_symbol_value_print (yyo, yykind, yyvaluep, ctx);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp,
                 int yyrule, struct imap_parse_ctx *ctx)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)], ctx);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, Rule, ctx); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !IMAP_YYDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !IMAP_YYDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif
/* Parser data structure.  */
struct yypstate
  {
    /* Number of syntax errors so far.  */
    int yynerrs;

    yy_state_fast_t yystate;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss;
    yy_state_t *yyssp;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs;
    YYSTYPE *yyvsp;
    /* Whether this instance has not started parsing yet.
     * If 2, it corresponds to a finished parsing.  */
    int yynew;
  };


/* Context of a parse error.  */
typedef struct
{
  yypstate* yyps;
  yysymbol_kind_t yytoken;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypstate_expected_tokens (yypstate *yyps,
                          yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  int yyn = yypact[+*yyps->yyssp];
  if (!yypact_value_is_default (yyn))
    {
      /* Start YYX at -YYN if negative to avoid negative indexes in
         YYCHECK.  In other words, skip the first -YYN actions for
         this state because they are default actions.  */
      int yyxbegin = yyn < 0 ? -yyn : 0;
      /* Stay within bounds of both yycheck and yytname.  */
      int yychecklim = YYLAST - yyn + 1;
      int yyxend = yychecklim < YYNTOKENS ? yychecklim : YYNTOKENS;
      int yyx;
      for (yyx = yyxbegin; yyx < yyxend; ++yyx)
        if (yycheck[yyx + yyn] == yyx && yyx != YYSYMBOL_YYerror
            && !yytable_value_is_error (yytable[yyx + yyn]))
          {
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = YY_CAST (yysymbol_kind_t, yyx);
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}


/* Similar to the previous function.  */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  return yypstate_expected_tokens (yyctx->yyps, yyarg, yyargn);
}


/* The kind of the lookahead of this context.  */
static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx)
{
  return yyctx->yytoken;
}



/* User defined function to report a syntax error.  */
static int
yyreport_syntax_error (const yypcontext_t *yyctx, struct imap_parse_ctx *ctx);

/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, struct imap_parse_ctx *ctx)
{
  YY_USE (yyvaluep);
  YY_USE (ctx);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}





#define imap_yynerrs yyps->imap_yynerrs
#define yystate yyps->yystate
#define yyerrstatus yyps->yyerrstatus
#define yyssa yyps->yyssa
#define yyss yyps->yyss
#define yyssp yyps->yyssp
#define yyvsa yyps->yyvsa
#define yyvs yyps->yyvs
#define yyvsp yyps->yyvsp
#define yystacksize yyps->yystacksize

/* Initialize the parser data structure.  */
static void
yypstate_clear (yypstate *yyps)
{
  yynerrs = 0;
  yystate = 0;
  yyerrstatus = 0;

  yyssp = yyss;
  yyvsp = yyvs;

  /* Initialize the state stack, in case yypcontext_expected_tokens is
     called before the first call to yyparse. */
  *yyssp = 0;
  yyps->yynew = 1;
}

/* Initialize the parser data structure.  */
yypstate *
yypstate_new (void)
{
  yypstate *yyps;
  yyps = YY_CAST (yypstate *, YYMALLOC (sizeof *yyps));
  if (!yyps)
    return YY_NULLPTR;
  yystacksize = YYINITDEPTH;
  yyss = yyssa;
  yyvs = yyvsa;
  yypstate_clear (yyps);
  return yyps;
}

void
yypstate_delete (yypstate *yyps)
{
  if (yyps)
    {
#ifndef yyoverflow
      /* If the stack was reallocated but the parse did not complete, then the
         stack still needs to be freed.  */
      if (yyss != yyssa)
        YYSTACK_FREE (yyss);
#endif
      YYFREE (yyps);
    }
}



/*---------------.
| yypush_parse.  |
`---------------*/

int
yypush_parse (yypstate *yyps,
              int yypushed_char, YYSTYPE const *yypushed_val, struct imap_parse_ctx *ctx)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  switch (yyps->yynew)
    {
    case 0:
      yyn = yypact[yystate];
      goto yyread_pushed_token;

    case 2:
      yypstate_clear (yyps);
      break;

    default:
      break;
    }

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = IMAP_YYEMPTY; /* Cause a token to be read.  */

  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == IMAP_YYEMPTY)
    {
      if (!yyps->yynew)
        {
          YYDPRINTF ((stderr, "Return for a new token:\n"));
          yyresult = YYPUSH_MORE;
          goto yypushreturn;
        }
      yyps->yynew = 0;
yyread_pushed_token:
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yypushed_char;
      if (yypushed_val)
        yylval = *yypushed_val;
    }

  if (yychar <= IMAP_YYEOF)
    {
      yychar = IMAP_YYEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == IMAP_YYerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = IMAP_YYUNDEF;
      yytoken = YYSYMBOL_YYerror;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    goto yydefault;
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  /* Discard the shifted token.  */
  yychar = IMAP_YYEMPTY;
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];


  YY_REDUCE_PRINT (yyn);
  switch (yyn)
    {
  case 2: /* $@1: %empty  */
              { ctx->tag = (yyvsp[0].tok).s; CMD->tag = (yyvsp[0].tok).s; }
    break;

  case 9: /* command_any: "CAPABILITY"  */
                                { CMD->type = IMAP_CMD_CAPABILITY; }
    break;

  case 10: /* command_any: "LOGOUT"  */
                                { CMD->type = IMAP_CMD_LOGOUT; }
    break;

  case 11: /* command_any: "NOOP"  */
                                { CMD->type = IMAP_CMD_NOOP; }
    break;

  case 14: /* x_command: "X-command" x_args  */
                                { CMD->type = IMAP_CMD_X; CMD->u.x.name = (yyvsp[-1].tok).s;
				  if (CMD->u.x.args == NULL) CMD->u.x.args = ""; }
    break;

  case 16: /* x_args: x_args "X-command arguments"  */
                                { CMD->u.x.args = CMD->u.x.args == NULL ? (yyvsp[0].tok).s
				    : arena_printf(ctx->arena, "%s%s", CMD->u.x.args, (yyvsp[0].tok).s);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
    break;

  case 17: /* x_args: x_args "literal"  */
                                { CMD->u.x.args = arena_printf(ctx->arena, "%s{%zu}\r\n",
				    CMD->u.x.args == NULL ? "" : CMD->u.x.args, (yyvsp[0].tok).len);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
    break;

  case 18: /* unknown_command: "atom"  */
                                { imap_parse_fail(ctx, "Unknown command %s", (yyvsp[0].tok).s); YYERROR; }
    break;

  case 21: /* command_nonauth: "STARTTLS"  */
                                { CMD->type = IMAP_CMD_STARTTLS; }
    break;

  case 40: /* idle: "IDLE"  */
                                { CMD->type = IMAP_CMD_IDLE; }
    break;

  case 41: /* compress: "COMPRESS" "SP" atom  */
                                { CMD->type = IMAP_CMD_COMPRESS;
				  CMD->u.compress.algorithm = (yyvsp[0].str).data; NOTE("compression algorithm"); }
    break;

  case 42: /* namespace: "NAMESPACE"  */
                                { CMD->type = IMAP_CMD_NAMESPACE; }
    break;

  case 43: /* enable: "ENABLE" enable_caps  */
                                { CMD->type = IMAP_CMD_ENABLE; }
    break;

  case 44: /* enable_caps: "SP" atom  */
                                { CHECK(imap_enable_add(ctx, &(yyvsp[0].str))); NOTE("capability"); }
    break;

  case 45: /* enable_caps: enable_caps "SP" atom  */
                                { CHECK(imap_enable_add(ctx, &(yyvsp[0].str))); NOTE("capability"); }
    break;

  case 46: /* id: "ID" "SP" id_params_list  */
                                { CMD->type = IMAP_CMD_ID; }
    break;

  case 47: /* id_params_list: '(' ')'  */
                                { NOTE("ID parameter list"); }
    break;

  case 48: /* id_params_list: '(' id_pairs ')'  */
                                { NOTE("ID parameter list"); }
    break;

  case 49: /* id_params_list: atom  */
                                { CHECK(imap_build_nil(ctx, &(yyvsp[0].str))); CMD->u.id.nil = true; NOTE("NIL"); }
    break;

  case 50: /* id_pairs: string "SP" id_nstring  */
                                { CHECK(imap_id_add(ctx, &(yyvsp[-2].str), &(yyvsp[0].str))); }
    break;

  case 51: /* id_pairs: id_pairs "SP" string "SP" id_nstring  */
                                { CHECK(imap_id_add(ctx, &(yyvsp[-2].str), &(yyvsp[0].str))); }
    break;

  case 52: /* id_nstring: string  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("ID value"); }
    break;

  case 53: /* id_nstring: atom  */
                                { CHECK(imap_build_nil(ctx, &(yyvsp[0].str))); (yyval.str) = (struct imap_string){ .data = NULL };
				  NOTE("NIL"); }
    break;

  case 54: /* unselect: "UNSELECT"  */
                                { CMD->type = IMAP_CMD_UNSELECT; }
    break;

  case 55: /* command_select: "CHECK"  */
                                { CMD->type = IMAP_CMD_CHECK; }
    break;

  case 56: /* command_select: "CLOSE"  */
                                { CMD->type = IMAP_CMD_CLOSE; }
    break;

  case 57: /* command_select: "EXPUNGE"  */
                                { CMD->type = IMAP_CMD_EXPUNGE; }
    break;

  case 67: /* $@2: %empty  */
                 { CMD->uid = true; }
    break;

  case 77: /* uid_expunge: "EXPUNGE" "SP" sequence_set  */
                                { CMD->type = IMAP_CMD_EXPUNGE; CMD->u.expunge.set = (yyvsp[0].set); }
    break;

  case 78: /* login: "LOGIN" "SP" userid "SP" password  */
                { CMD->type = IMAP_CMD_LOGIN;
		  CMD->u.login.userid = (yyvsp[-2].str); CMD->u.login.password = (yyvsp[0].str); }
    break;

  case 79: /* userid: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("user name"); }
    break;

  case 80: /* password: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("password"); }
    break;

  case 81: /* authenticate: "AUTHENTICATE" "SP" auth_type  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[0].str).data; }
    break;

  case 82: /* authenticate: "AUTHENTICATE" "SP" auth_type "SP" initial_response  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[-2].str).data;
		  CMD->u.authenticate.has_initial = true;
		  CMD->u.authenticate.initial = (yyvsp[0].str); }
    break;

  case 83: /* initial_response: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("initial response"); }
    break;

  case 84: /* auth_type: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("authentication mechanism");
				  for (char *p = (char *)(yyval.str).data; *p; p++)
					  if (*p >= 'a' && *p <= 'z') *p -= 32; }
    break;

  case 85: /* append: "APPEND" "SP" mailbox "SP" append_rest  */
                { CMD->type = IMAP_CMD_APPEND; CMD->u.append.mailbox = (yyvsp[-2].str); }
    break;

  case 87: /* append_rest: flag_list "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-2].flags); }
    break;

  case 88: /* append_rest: date_time "SP" append_message  */
                { CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 89: /* append_rest: flag_list "SP" date_time "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-4].flags);
		  CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 90: /* append_message: "literal"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  NOTE("message literal"); }
    break;

  case 91: /* append_message: "literal8"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  CMD->u.append.binary = true; NOTE("message literal"); }
    break;

  case 92: /* create: "CREATE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 93: /* create: "CREATE" "SP" mailbox "SP" create_params  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[-2].str); }
    break;

  case 94: /* create_params: '(' create_param_list ')'  */
                                { NOTE("CREATE parameters"); }
    break;

  case 98: /* create_param_name: "atom"  */
                                { CHECK(imap_create_param(ctx, &(yyvsp[0].tok))); NOTE("USE"); }
    break;

  case 99: /* use_attrs: ')'  */
                                { NOTE("USE list"); }
    break;

  case 100: /* use_attrs: use_attr_list ')'  */
                                { NOTE("USE list"); }
    break;

  case 101: /* use_attr_list: "flag"  */
                                { CHECK(imap_create_use_add(ctx, &(yyvsp[0].tok))); NOTE("special-use attribute"); }
    break;

  case 102: /* use_attr_list: use_attr_list "SP" "flag"  */
                                { CHECK(imap_create_use_add(ctx, &(yyvsp[0].tok))); NOTE("special-use attribute"); }
    break;

  case 103: /* delete: "DELETE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_DELETE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 104: /* examine: "EXAMINE" "SP" mailbox select_params  */
                                { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = (yyvsp[-1].str); }
    break;

  case 105: /* list: "LIST" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LIST;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 106: /* list: "LIST" "SP" mailbox "SP" list_mailbox "SP" list_return_opts  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-4].str); CMD->u.list.pattern = (yyvsp[-2].str);
		  CHECK(imap_list_pattern_add(ctx, &(yyvsp[-2].str))); }
    break;

  case 107: /* list: "LIST" "SP" mailbox "SP" list_patterns list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
    break;

  case 108: /* list: "LIST" "SP" list_select_opts "SP" mailbox "SP" list_mailbox list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.pattern = (yyvsp[-1].str);
		  CHECK(imap_list_pattern_add(ctx, &(yyvsp[-1].str))); }
    break;

  case 109: /* list: "LIST" "SP" list_select_opts "SP" mailbox "SP" list_patterns list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
    break;

  case 112: /* list_select_opts: '(' ')'  */
                                { CMD->u.list.has_select = true; NOTE("selection options"); }
    break;

  case 113: /* list_select_opts: '(' list_select_seq ')'  */
                                { CMD->u.list.has_select = true; CHECK(imap_list_select_done(ctx));
				  NOTE("selection options"); }
    break;

  case 114: /* list_select_seq: "atom"  */
                                { CHECK(imap_list_select_add(ctx, &(yyvsp[0].tok))); NOTE("selection option"); }
    break;

  case 115: /* list_select_seq: list_select_seq "SP" "atom"  */
                                { CHECK(imap_list_select_add(ctx, &(yyvsp[0].tok))); NOTE("selection option"); }
    break;

  case 116: /* list_patterns: '(' list_pattern_seq ')'  */
                                { NOTE("mailbox patterns"); }
    break;

  case 117: /* list_pattern_seq: list_mailbox  */
                                { CHECK(imap_list_pattern_add(ctx, &(yyvsp[0].str))); }
    break;

  case 118: /* list_pattern_seq: list_pattern_seq "SP" list_mailbox  */
                                { CHECK(imap_list_pattern_add(ctx, &(yyvsp[0].str))); }
    break;

  case 119: /* list_return_opts: list_return_word "SP" '(' list_return_body ')'  */
                                { CHECK(imap_list_return_done(ctx)); NOTE("return options"); }
    break;

  case 120: /* list_return_word: "RETURN"  */
                                { CMD->u.list.has_return = true; NOTE("RETURN"); }
    break;

  case 121: /* list_return_word: "atom"  */
                                { CHECK(imap_list_return_word(ctx, &(yyvsp[0].tok))); NOTE("RETURN"); }
    break;

  case 126: /* list_return_item: "atom"  */
                                { CHECK(imap_list_return_add(ctx, &(yyvsp[0].tok))); NOTE("return option"); }
    break;

  case 127: /* $@3: %empty  */
                                { CHECK(imap_list_return_value(ctx)); }
    break;

  case 128: /* list_return_item: '(' $@3 status_att_list ')'  */
                                { NOTE("status attributes"); }
    break;

  case 129: /* lsub: "LSUB" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LSUB;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 130: /* rename: "RENAME" "SP" mailbox "SP" mailbox  */
                { CMD->type = IMAP_CMD_RENAME;
		  CMD->u.rename.from = (yyvsp[-2].str); CMD->u.rename.to = (yyvsp[0].str); }
    break;

  case 131: /* select: "SELECT" "SP" mailbox select_params  */
                                { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = (yyvsp[-1].str); }
    break;

  case 133: /* select_params: "SP" '(' select_param_list ')'  */
                                { NOTE("select parameters"); }
    break;

  case 136: /* select_param: "CONDSTORE"  */
                                { CMD->u.mailbox.params.condstore = true; NOTE("CONDSTORE"); }
    break;

  case 137: /* select_param: "QRESYNC" "SP" '(' nz_number "SP" mod_sequence_value qresync_rest ')'  */
                                { CMD->u.mailbox.params.qresync = true;
				  CMD->u.mailbox.params.uidvalidity = (yyvsp[-4].num);
				  CMD->u.mailbox.params.modseq = (yyvsp[-2].u64); NOTE("QRESYNC parameters"); }
    break;

  case 139: /* qresync_rest: "SP" known_uids  */
                                { CMD->u.mailbox.params.has_known_uids = true;
				  CMD->u.mailbox.params.known_uids = (yyvsp[0].set); }
    break;

  case 141: /* qresync_rest: "SP" known_uids "SP" seq_match_data  */
                                { CMD->u.mailbox.params.has_known_uids = true;
				  CMD->u.mailbox.params.known_uids = (yyvsp[-2].set); }
    break;

  case 142: /* known_uids: sequence_set  */
                                { CHECK(imap_build_nostar(ctx, &(yyvsp[0].set), "known UIDs")); (yyval.set) = (yyvsp[0].set);
				  NOTE("known UIDs"); }
    break;

  case 143: /* seq_match_data: '(' sequence_set "SP" sequence_set ')'  */
                                { CHECK(imap_build_nostar(ctx, &(yyvsp[-3].set), "known sequence set"));
				  CHECK(imap_build_nostar(ctx, &(yyvsp[-1].set), "known UID set"));
				  CMD->u.mailbox.params.has_seq_match = true;
				  CMD->u.mailbox.params.known_seqs = (yyvsp[-3].set);
				  CMD->u.mailbox.params.known_seq_uids = (yyvsp[-1].set); NOTE("sequence match data"); }
    break;

  case 144: /* status: "STATUS" "SP" mailbox "SP" '(' status_att_list ')'  */
                { CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = (yyvsp[-4].str); }
    break;

  case 145: /* status_att_list: status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 146: /* status_att_list: status_att_list "SP" status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 147: /* status_att: "MESSAGES"  */
                                { (yyval.op) = IMAP_STATUS_MESSAGES; }
    break;

  case 148: /* status_att: "RECENT"  */
                                { (yyval.op) = IMAP_STATUS_RECENT; }
    break;

  case 149: /* status_att: "UIDNEXT"  */
                                { (yyval.op) = IMAP_STATUS_UIDNEXT; }
    break;

  case 150: /* status_att: "UIDVALIDITY"  */
                                { (yyval.op) = IMAP_STATUS_UIDVALIDITY; }
    break;

  case 151: /* status_att: "UNSEEN"  */
                                { (yyval.op) = IMAP_STATUS_UNSEEN; }
    break;

  case 152: /* status_att: "atom"  */
                                { int a = 0; CHECK(imap_build_status_att(ctx, &(yyvsp[0].tok), &a)); (yyval.op) = a; }
    break;

  case 153: /* status_att: "DELETED"  */
                                { (yyval.op) = IMAP_STATUS_DELETED; }
    break;

  case 154: /* status_att: "HIGHESTMODSEQ"  */
                                { (yyval.op) = IMAP_STATUS_HIGHESTMODSEQ; }
    break;

  case 155: /* subscribe: "SUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 156: /* unsubscribe: "UNSUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 157: /* copy: "COPY" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 158: /* move: "MOVE" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_MOVE; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 159: /* fetch: "FETCH" "SP" sequence_set "SP" fetch_what fetch_modifiers  */
                { CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = (yyvsp[-3].set); }
    break;

  case 161: /* fetch_modifiers: "SP" '(' fetch_modifier_list ')'  */
                                { NOTE("fetch modifiers"); }
    break;

  case 164: /* fetch_modifier: "CHANGEDSINCE" "SP" mod_sequence_value  */
                                { CMD->u.fetch.has_changedsince = true; CMD->u.fetch.changedsince = (yyvsp[0].u64); }
    break;

  case 165: /* fetch_modifier: "VANISHED"  */
                                { CMD->u.fetch.vanished = true; NOTE("VANISHED"); }
    break;

  case 166: /* fetch_what: "ALL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
    break;

  case 167: /* fetch_what: "FULL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
    break;

  case 168: /* fetch_what: "FAST"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
    break;

  case 169: /* fetch_what: fetch_att  */
                                { struct imap_vec v = {0}; PUSH(v, (yyvsp[0].att));
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
    break;

  case 170: /* fetch_what: '(' fetch_att_list ')'  */
                                { CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = (yyvsp[-1].vec).v; CMD->u.fetch.natts = (yyvsp[-1].vec).n; }
    break;

  case 171: /* fetch_att_list: fetch_att  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 172: /* fetch_att_list: fetch_att_list "SP" fetch_att  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 173: /* fetch_att: "ENVELOPE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
    break;

  case 174: /* fetch_att: "FLAGS"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
    break;

  case 175: /* fetch_att: "INTERNALDATE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
    break;

  case 176: /* fetch_att: "RFC822"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
    break;

  case 177: /* fetch_att: "RFC822.HEADER"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
    break;

  case 178: /* fetch_att: "RFC822.SIZE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
    break;

  case 179: /* fetch_att: "RFC822.TEXT"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
    break;

  case 180: /* fetch_att: "BODY"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
    break;

  case 181: /* fetch_att: "BODYSTRUCTURE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
    break;

  case 182: /* fetch_att: "UID"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
    break;

  case 183: /* fetch_att: "MODSEQ"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_MODSEQ }; NOTE("fetch attribute"); }
    break;

  case 184: /* fetch_att: "BODY[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = (yyvsp[0].section) };
				  NOTE("section"); }
    break;

  case 185: /* fetch_att: "BODY[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 186: /* fetch_att: "BODY.PEEK[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = (yyvsp[0].section) }; NOTE("section"); }
    break;

  case 187: /* fetch_att: "BODY.PEEK[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).peek = true; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 189: /* fetch_att_binary: "BINARY[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 190: /* fetch_att_binary: "BINARY[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 191: /* fetch_att_binary: "BINARY.PEEK[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY, .peek = true,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 192: /* fetch_att_binary: "BINARY.PEEK[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY; (yyval.att).peek = true;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 193: /* fetch_att_binary: "BINARY.SIZE[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY_SIZE,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 194: /* section_binary: ']'  */
                                { (yyval.vec) = (struct imap_vec){0}; }
    break;

  case 195: /* section_binary: section_part ']'  */
                                { (yyval.vec) = (yyvsp[-1].vec); }
    break;

  case 196: /* partial: '<' number '.' nz_number '>'  */
                                { (yyval.att) = (struct imap_fetch_att){ .partial = true,
					.partial_start = (yyvsp[-3].num), .partial_len = (yyvsp[-1].num) }; NOTE("partial"); }
    break;

  case 197: /* section: ']'  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
    break;

  case 198: /* section: section_spec ']'  */
                                { (yyval.section) = (yyvsp[-1].section); }
    break;

  case 199: /* section_spec: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 200: /* section_spec: section_part  */
                                { (yyval.section) = (struct imap_section){ .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n }; }
    break;

  case 201: /* section_spec: section_part '.' section_text  */
                                { (yyval.section) = (yyvsp[0].section); (yyval.section).parts = (yyvsp[-2].vec).v; (yyval.section).nparts = (yyvsp[-2].vec).n; }
    break;

  case 202: /* section_part: nz_number  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 203: /* section_part: section_part '.' nz_number  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 204: /* section_msgtext: "HEADER"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
    break;

  case 205: /* section_msgtext: "HEADER.FIELDS" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 206: /* section_msgtext: "HEADER.FIELDS.NOT" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 207: /* section_msgtext: "TEXT"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
    break;

  case 208: /* section_text: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 209: /* section_text: "MIME"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
    break;

  case 210: /* header_list: '(' header_fld_names ')'  */
                                { (yyval.vec) = (yyvsp[-1].vec); NOTE("header list"); }
    break;

  case 211: /* header_fld_names: header_fld_name  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 212: /* header_fld_names: header_fld_names "SP" header_fld_name  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 213: /* header_fld_name: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("header field name"); }
    break;

  case 214: /* store: "STORE" "SP" sequence_set "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-4].set); }
    break;

  case 215: /* store: "STORE" "SP" sequence_set "SP" store_modifiers "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-6].set); }
    break;

  case 216: /* store_modifiers: '(' store_modifier_list ')'  */
                                { NOTE("store modifiers"); }
    break;

  case 219: /* store_modifier: "UNCHANGEDSINCE" "SP" mod_sequence_valzer  */
                                { if (CMD->u.store.has_unchangedsince) {
					  imap_parse_fail(ctx, "Only one UNCHANGEDSINCE may be given");
					  YYERROR;
				  }
				  CMD->u.store.has_unchangedsince = true; CMD->u.store.unchangedsince = (yyvsp[0].u64); }
    break;

  case 220: /* store_att_flags: "FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); (yyval.op) = 0; }
    break;

  case 221: /* store_att_flags: "FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 222: /* store_att_flags: "+FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); (yyval.op) = 0; }
    break;

  case 223: /* store_att_flags: "+FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 224: /* store_att_flags: "-FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); (yyval.op) = 0; }
    break;

  case 225: /* store_att_flags: "-FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 226: /* store_flags: flag_list  */
                                { CMD->u.store.flags = (yyvsp[0].flags); CMD->u.store.parenthesised = true; }
    break;

  case 227: /* store_flags: flag_seq  */
                                { CMD->u.store.flags = (yyvsp[0].flags); }
    break;

  case 228: /* search: "SEARCH" "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 229: /* search: "SEARCH" "SP" search_return_opts "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 230: /* search_program: search_key_list  */
                { CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 231: /* search_program: "CHARSET" "SP" charset "SP" search_key_list  */
                { CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 232: /* search_return_opts: "RETURN" "SP" '(' ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 233: /* search_return_opts: "RETURN" "SP" '(' search_return_opt_list ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 236: /* search_return_opt: "MIN"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MIN; NOTE("search return option"); }
    break;

  case 237: /* search_return_opt: "MAX"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MAX; NOTE("search return option"); }
    break;

  case 238: /* search_return_opt: "ALL"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_ALL; NOTE("search return option"); }
    break;

  case 239: /* search_return_opt: "COUNT"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_COUNT; NOTE("search return option"); }
    break;

  case 240: /* search_return_opt: "SAVE"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_SAVE; NOTE("search return option"); }
    break;

  case 241: /* getquota: "GETQUOTA" "SP" quota_root  */
                                { CMD->type = IMAP_CMD_GETQUOTA; CMD->u.quota.root = (yyvsp[0].str); }
    break;

  case 242: /* quota_root: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("quota root name"); }
    break;

  case 243: /* getquotaroot: "GETQUOTAROOT" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_GETQUOTAROOT; CMD->u.quota.root = (yyvsp[0].str); }
    break;

  case 244: /* setquota: "SETQUOTA" "SP" quota_root "SP" '(' ')'  */
                                { CMD->type = IMAP_CMD_SETQUOTA; CMD->u.quota.root = (yyvsp[-3].str);
				  NOTE("resource limits"); }
    break;

  case 245: /* setquota: "SETQUOTA" "SP" quota_root "SP" '(' setquota_list ')'  */
                                { CMD->type = IMAP_CMD_SETQUOTA; CMD->u.quota.root = (yyvsp[-4].str);
				  NOTE("resource limits"); }
    break;

  case 248: /* setquota_resource: atom "SP" atom  */
                                { CHECK(imap_quota_limit_add(ctx, &(yyvsp[-2].str), &(yyvsp[0].str))); NOTE("resource limit"); }
    break;

  case 249: /* sort: "SORT" "SP" sort_criteria "SP" search_criteria  */
                                { CMD->type = IMAP_CMD_SORT; }
    break;

  case 250: /* sort: "SORT" "SP" search_return_opts "SP" sort_criteria "SP" search_criteria  */
                                { CMD->type = IMAP_CMD_SORT; }
    break;

  case 251: /* sort_criteria: '(' sort_words ')'  */
                                { CHECK(imap_sort_done(ctx)); NOTE("sort criteria"); }
    break;

  case 254: /* sort_word: atom  */
                                { CHECK(imap_sort_word(ctx, &(yyvsp[0].str))); NOTE("sort key"); }
    break;

  case 255: /* thread: "THREAD" "SP" thread_alg "SP" search_criteria  */
                                { CMD->type = IMAP_CMD_THREAD; }
    break;

  case 256: /* thread_alg: atom  */
                                { CHECK(imap_thread_alg(ctx, &(yyvsp[0].str))); NOTE("threading algorithm"); }
    break;

  case 257: /* search_criteria: charset "SP" search_key_list  */
                { CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 258: /* charset: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("charset name"); }
    break;

  case 259: /* search_key_list: search_key  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 260: /* search_key_list: search_key_list "SP" search_key  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 261: /* search_key: search_key_1  */
                                { (yyval.key) = (yyvsp[0].key); NOTE("search key"); }
    break;

  case 262: /* search_key_1: "ALL"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ALL)); }
    break;

  case 263: /* search_key_1: "ANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
    break;

  case 264: /* search_key_1: "BCC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BCC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 265: /* search_key_1: "BEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 266: /* search_key_1: "BODY" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BODY)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 267: /* search_key_1: "CC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_CC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 268: /* search_key_1: "DELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DELETED)); }
    break;

  case 269: /* search_key_1: "FLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
    break;

  case 270: /* search_key_1: "FROM" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FROM)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 271: /* search_key_1: "KEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_KEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 272: /* search_key_1: "NEW"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NEW)); }
    break;

  case 273: /* search_key_1: "OLD"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OLD)); }
    break;

  case 274: /* search_key_1: "ON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 275: /* search_key_1: "RECENT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_RECENT)); }
    break;

  case 276: /* search_key_1: "SEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEEN)); }
    break;

  case 277: /* search_key_1: "SINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 278: /* search_key_1: "SUBJECT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SUBJECT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 279: /* search_key_1: "TEXT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TEXT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 280: /* search_key_1: "TO" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TO)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 281: /* search_key_1: "UNANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
    break;

  case 282: /* search_key_1: "UNDELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
    break;

  case 283: /* search_key_1: "UNFLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
    break;

  case 284: /* search_key_1: "UNKEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 285: /* search_key_1: "UNSEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
    break;

  case 286: /* search_key_1: "DRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DRAFT)); }
    break;

  case 287: /* search_key_1: "HEADER" "SP" header_fld_name "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_HEADER)); (yyval.key)->field = (yyvsp[-2].str); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 288: /* search_key_1: "LARGER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LARGER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 289: /* search_key_1: "NOT" "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NOT)); (yyval.key)->sub[0] = (yyvsp[0].key); }
    break;

  case 290: /* search_key_1: "OR" "SP" search_key "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OR)); (yyval.key)->sub[0] = (yyvsp[-2].key); (yyval.key)->sub[1] = (yyvsp[0].key); }
    break;

  case 291: /* search_key_1: "SENTBEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 292: /* search_key_1: "SENTON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 293: /* search_key_1: "SENTSINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTSINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 294: /* search_key_1: "SMALLER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SMALLER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 295: /* search_key_1: "UID" "SP" sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UID)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 296: /* search_key_1: "UNDRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
    break;

  case 297: /* search_key_1: "MODSEQ" "SP" mod_sequence_valzer  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_MODSEQ)); (yyval.key)->modseq = (yyvsp[0].u64); }
    break;

  case 298: /* search_key_1: "MODSEQ" "SP" "quoted string" "SP" atom "SP" mod_sequence_valzer  */
                                { CHECK(imap_build_modseq_entry(ctx, &(yyvsp[-4].tok), &(yyvsp[-2].str)));
				  CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_MODSEQ)); (yyval.key)->modseq = (yyvsp[0].u64); }
    break;

  case 299: /* search_key_1: sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEQSET)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 300: /* search_key_1: '(' search_key_list ')'  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LIST));
				  (yyval.key)->list = (yyvsp[-1].vec).v; (yyval.key)->nlist = (yyvsp[-1].vec).n; }
    break;

  case 301: /* mod_sequence_value: "number"  */
                                { CHECK(imap_build_modseq(ctx, &(yyvsp[0].tok), false, &(yyval.u64))); NOTE("mod-sequence"); }
    break;

  case 302: /* mod_sequence_valzer: "number"  */
                                { CHECK(imap_build_modseq(ctx, &(yyvsp[0].tok), true, &(yyval.u64))); NOTE("mod-sequence"); }
    break;

  case 303: /* sequence_set: "number"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 304: /* sequence_set: "sequence set"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 305: /* sequence_set: "sequence set with *"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 306: /* sequence_set: "$"  */
                                { (yyval.set) = (struct imap_seq_set){ .saved = true }; NOTE("sequence set"); }
    break;

  case 307: /* mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox name"); }
    break;

  case 308: /* list_mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox pattern"); }
    break;

  case 309: /* list_mailbox: "mailbox pattern"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 310: /* list_mailbox: "sequence set with *"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 311: /* astring: atom  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 312: /* astring: "astring"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 313: /* astring: string  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 314: /* string: "quoted string"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_QUOTED); }
    break;

  case 315: /* string: "literal"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL); }
    break;

  case 316: /* atom: "atom"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 317: /* atom: "number"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 318: /* atom: "sequence set"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 319: /* atom: "date"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 320: /* atom: "$"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 321: /* atom: keyword  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 388: /* flag_list: '(' ')'  */
                                { (yyval.flags) = (struct imap_flags){0}; NOTE("flag list"); }
    break;

  case 389: /* flag_list: '(' flag_seq ')'  */
                                { (yyval.flags) = (yyvsp[-1].flags); NOTE("flag list"); }
    break;

  case 390: /* flag_seq: flag  */
                                { (yyval.flags) = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 391: /* flag_seq: flag_seq "SP" flag  */
                                { (yyval.flags) = (yyvsp[-2].flags);
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 392: /* flag: "flag"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("flag"); }
    break;

  case 393: /* flag: flag_keyword  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 394: /* flag_keyword: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("flag keyword"); }
    break;

  case 395: /* date: "date"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 396: /* date: "quoted string"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 397: /* date_time: "quoted string"  */
                                { CHECK(imap_build_datetime(ctx, &(yyvsp[0].tok), &(yyval.datetime))); NOTE("date-time"); }
    break;

  case 398: /* number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), false, &(yyval.num))); NOTE("number"); }
    break;

  case 399: /* nz_number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), true, &(yyval.num))); }
    break;



      default: break;
    }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == IMAP_YYEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyps, yytoken};
        if (yyreport_syntax_error (&yyctx, ctx) == 2)
          YYNOMEM;
      }
    }

  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= IMAP_YYEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == IMAP_YYEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, ctx);
          yychar = IMAP_YYEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;


      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, ctx);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END


  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (ctx, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != IMAP_YYEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, ctx);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, ctx);
      YYPOPSTACK (1);
    }
  yyps->yynew = 2;
  goto yypushreturn;


/*-------------------------.
| yypushreturn -- return.  |
`-------------------------*/
yypushreturn:

  return yyresult;
}
#undef imap_yynerrs
#undef yystate
#undef yyerrstatus
#undef yyssa
#undef yyss
#undef yyssp
#undef yyvsa
#undef yyvs
#undef yyvsp
#undef yystacksize


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
	case K_GETQUOTAROOT:
		return "mailbox name";
	case K_GETQUOTA: case K_SETQUOTA:
		return "quota root name";
	case K_SORT: case K_THREAD:
		return strcmp(after, "sort criteria") == 0 || strcmp(after, "threading algorithm") == 0
			? "charset name" : strcmp(after, "HEADER") == 0 ? "header field name" : "search string";
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
		return "COPY, EXPUNGE, FETCH, MOVE, SEARCH, SORT, STORE or THREAD";
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
		case K_SORT:
			return "sort key";
		case K_THREAD:
			return "threading algorithm";
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
