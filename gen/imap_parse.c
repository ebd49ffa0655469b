/* generated from grammar/imap.y (grammar sha256 24216868f102b19f4f022517d77eac36d443133d21c279adb9697995fb5fe908), do not edit: run make gen */
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
  YYSYMBOL_K_ALL = 62,                     /* "ALL"  */
  YYSYMBOL_K_FAST = 63,                    /* "FAST"  */
  YYSYMBOL_K_FULL = 64,                    /* "FULL"  */
  YYSYMBOL_K_ENVELOPE = 65,                /* "ENVELOPE"  */
  YYSYMBOL_K_FLAGS = 66,                   /* "FLAGS"  */
  YYSYMBOL_K_INTERNALDATE = 67,            /* "INTERNALDATE"  */
  YYSYMBOL_K_RFC822 = 68,                  /* "RFC822"  */
  YYSYMBOL_K_RFC822_HEADER = 69,           /* "RFC822.HEADER"  */
  YYSYMBOL_K_RFC822_SIZE = 70,             /* "RFC822.SIZE"  */
  YYSYMBOL_K_RFC822_TEXT = 71,             /* "RFC822.TEXT"  */
  YYSYMBOL_K_BODY = 72,                    /* "BODY"  */
  YYSYMBOL_K_BODYSTRUCTURE = 73,           /* "BODYSTRUCTURE"  */
  YYSYMBOL_K_ANSWERED = 74,                /* "ANSWERED"  */
  YYSYMBOL_K_BCC = 75,                     /* "BCC"  */
  YYSYMBOL_K_BEFORE = 76,                  /* "BEFORE"  */
  YYSYMBOL_K_CC = 77,                      /* "CC"  */
  YYSYMBOL_K_DELETED = 78,                 /* "DELETED"  */
  YYSYMBOL_K_DRAFT = 79,                   /* "DRAFT"  */
  YYSYMBOL_K_FLAGGED = 80,                 /* "FLAGGED"  */
  YYSYMBOL_K_FROM = 81,                    /* "FROM"  */
  YYSYMBOL_K_HEADER = 82,                  /* "HEADER"  */
  YYSYMBOL_K_KEYWORD = 83,                 /* "KEYWORD"  */
  YYSYMBOL_K_LARGER = 84,                  /* "LARGER"  */
  YYSYMBOL_K_NEW = 85,                     /* "NEW"  */
  YYSYMBOL_K_NOT = 86,                     /* "NOT"  */
  YYSYMBOL_K_OLD = 87,                     /* "OLD"  */
  YYSYMBOL_K_ON = 88,                      /* "ON"  */
  YYSYMBOL_K_OR = 89,                      /* "OR"  */
  YYSYMBOL_K_RECENT = 90,                  /* "RECENT"  */
  YYSYMBOL_K_SEEN = 91,                    /* "SEEN"  */
  YYSYMBOL_K_SENTBEFORE = 92,              /* "SENTBEFORE"  */
  YYSYMBOL_K_SENTON = 93,                  /* "SENTON"  */
  YYSYMBOL_K_SENTSINCE = 94,               /* "SENTSINCE"  */
  YYSYMBOL_K_SINCE = 95,                   /* "SINCE"  */
  YYSYMBOL_K_SMALLER = 96,                 /* "SMALLER"  */
  YYSYMBOL_K_SUBJECT = 97,                 /* "SUBJECT"  */
  YYSYMBOL_K_TEXT = 98,                    /* "TEXT"  */
  YYSYMBOL_K_TO = 99,                      /* "TO"  */
  YYSYMBOL_K_UNANSWERED = 100,             /* "UNANSWERED"  */
  YYSYMBOL_K_UNDELETED = 101,              /* "UNDELETED"  */
  YYSYMBOL_K_UNDRAFT = 102,                /* "UNDRAFT"  */
  YYSYMBOL_K_UNFLAGGED = 103,              /* "UNFLAGGED"  */
  YYSYMBOL_K_UNKEYWORD = 104,              /* "UNKEYWORD"  */
  YYSYMBOL_K_UNSEEN = 105,                 /* "UNSEEN"  */
  YYSYMBOL_K_CHARSET = 106,                /* "CHARSET"  */
  YYSYMBOL_K_MESSAGES = 107,               /* "MESSAGES"  */
  YYSYMBOL_K_UIDNEXT = 108,                /* "UIDNEXT"  */
  YYSYMBOL_K_UIDVALIDITY = 109,            /* "UIDVALIDITY"  */
  YYSYMBOL_K_PLUS_FLAGS = 110,             /* "+FLAGS"  */
  YYSYMBOL_K_MINUS_FLAGS = 111,            /* "-FLAGS"  */
  YYSYMBOL_K_FLAGS_SILENT = 112,           /* "FLAGS.SILENT"  */
  YYSYMBOL_K_PLUS_FLAGS_SILENT = 113,      /* "+FLAGS.SILENT"  */
  YYSYMBOL_K_MINUS_FLAGS_SILENT = 114,     /* "-FLAGS.SILENT"  */
  YYSYMBOL_K_MODSEQ = 115,                 /* "MODSEQ"  */
  YYSYMBOL_K_HIGHESTMODSEQ = 116,          /* "HIGHESTMODSEQ"  */
  YYSYMBOL_K_CONDSTORE = 117,              /* "CONDSTORE"  */
  YYSYMBOL_K_QRESYNC = 118,                /* "QRESYNC"  */
  YYSYMBOL_K_UNCHANGEDSINCE = 119,         /* "UNCHANGEDSINCE"  */
  YYSYMBOL_K_CHANGEDSINCE = 120,           /* "CHANGEDSINCE"  */
  YYSYMBOL_K_VANISHED = 121,               /* "VANISHED"  */
  YYSYMBOL_T_BODY_SECTION = 122,           /* "BODY["  */
  YYSYMBOL_T_BODY_PEEK_SECTION = 123,      /* "BODY.PEEK["  */
  YYSYMBOL_K_HEADER_FIELDS = 124,          /* "HEADER.FIELDS"  */
  YYSYMBOL_K_HEADER_FIELDS_NOT = 125,      /* "HEADER.FIELDS.NOT"  */
  YYSYMBOL_K_MIME = 126,                   /* "MIME"  */
  YYSYMBOL_127_ = 127,                     /* '('  */
  YYSYMBOL_128_ = 128,                     /* ')'  */
  YYSYMBOL_129_ = 129,                     /* ']'  */
  YYSYMBOL_130_ = 130,                     /* '<'  */
  YYSYMBOL_131_ = 131,                     /* '.'  */
  YYSYMBOL_132_ = 132,                     /* '>'  */
  YYSYMBOL_YYACCEPT = 133,                 /* $accept  */
  YYSYMBOL_command = 134,                  /* command  */
  YYSYMBOL_135_1 = 135,                    /* $@1  */
  YYSYMBOL_command_body = 136,             /* command_body  */
  YYSYMBOL_command_any = 137,              /* command_any  */
  YYSYMBOL_x_command = 138,                /* x_command  */
  YYSYMBOL_x_args = 139,                   /* x_args  */
  YYSYMBOL_unknown_command = 140,          /* unknown_command  */
  YYSYMBOL_command_nonauth = 141,          /* command_nonauth  */
  YYSYMBOL_command_auth = 142,             /* command_auth  */
  YYSYMBOL_idle = 143,                     /* idle  */
  YYSYMBOL_compress = 144,                 /* compress  */
  YYSYMBOL_namespace = 145,                /* namespace  */
  YYSYMBOL_enable = 146,                   /* enable  */
  YYSYMBOL_enable_caps = 147,              /* enable_caps  */
  YYSYMBOL_id = 148,                       /* id  */
  YYSYMBOL_id_params_list = 149,           /* id_params_list  */
  YYSYMBOL_id_pairs = 150,                 /* id_pairs  */
  YYSYMBOL_id_nstring = 151,               /* id_nstring  */
  YYSYMBOL_unselect = 152,                 /* unselect  */
  YYSYMBOL_command_select = 153,           /* command_select  */
  YYSYMBOL_uid = 154,                      /* uid  */
  YYSYMBOL_155_2 = 155,                    /* $@2  */
  YYSYMBOL_uid_command = 156,              /* uid_command  */
  YYSYMBOL_uid_expunge = 157,              /* uid_expunge  */
  YYSYMBOL_login = 158,                    /* login  */
  YYSYMBOL_userid = 159,                   /* userid  */
  YYSYMBOL_password = 160,                 /* password  */
  YYSYMBOL_authenticate = 161,             /* authenticate  */
  YYSYMBOL_initial_response = 162,         /* initial_response  */
  YYSYMBOL_auth_type = 163,                /* auth_type  */
  YYSYMBOL_append = 164,                   /* append  */
  YYSYMBOL_append_rest = 165,              /* append_rest  */
  YYSYMBOL_append_message = 166,           /* append_message  */
  YYSYMBOL_create = 167,                   /* create  */
  YYSYMBOL_create_params = 168,            /* create_params  */
  YYSYMBOL_create_param_list = 169,        /* create_param_list  */
  YYSYMBOL_create_param = 170,             /* create_param  */
  YYSYMBOL_create_param_name = 171,        /* create_param_name  */
  YYSYMBOL_use_attrs = 172,                /* use_attrs  */
  YYSYMBOL_use_attr_list = 173,            /* use_attr_list  */
  YYSYMBOL_delete = 174,                   /* delete  */
  YYSYMBOL_examine = 175,                  /* examine  */
  YYSYMBOL_list = 176,                     /* list  */
  YYSYMBOL_list_return_tail = 177,         /* list_return_tail  */
  YYSYMBOL_list_select_opts = 178,         /* list_select_opts  */
  YYSYMBOL_list_select_seq = 179,          /* list_select_seq  */
  YYSYMBOL_list_patterns = 180,            /* list_patterns  */
  YYSYMBOL_list_pattern_seq = 181,         /* list_pattern_seq  */
  YYSYMBOL_list_return_opts = 182,         /* list_return_opts  */
  YYSYMBOL_list_return_word = 183,         /* list_return_word  */
  YYSYMBOL_list_return_body = 184,         /* list_return_body  */
  YYSYMBOL_list_return_seq = 185,          /* list_return_seq  */
  YYSYMBOL_list_return_item = 186,         /* list_return_item  */
  YYSYMBOL_187_3 = 187,                    /* $@3  */
  YYSYMBOL_lsub = 188,                     /* lsub  */
  YYSYMBOL_rename = 189,                   /* rename  */
  YYSYMBOL_select = 190,                   /* select  */
  YYSYMBOL_select_params = 191,            /* select_params  */
  YYSYMBOL_select_param_list = 192,        /* select_param_list  */
  YYSYMBOL_select_param = 193,             /* select_param  */
  YYSYMBOL_qresync_rest = 194,             /* qresync_rest  */
  YYSYMBOL_known_uids = 195,               /* known_uids  */
  YYSYMBOL_seq_match_data = 196,           /* seq_match_data  */
  YYSYMBOL_status = 197,                   /* status  */
  YYSYMBOL_status_att_list = 198,          /* status_att_list  */
  YYSYMBOL_status_att = 199,               /* status_att  */
  YYSYMBOL_subscribe = 200,                /* subscribe  */
  YYSYMBOL_unsubscribe = 201,              /* unsubscribe  */
  YYSYMBOL_copy = 202,                     /* copy  */
  YYSYMBOL_move = 203,                     /* move  */
  YYSYMBOL_fetch = 204,                    /* fetch  */
  YYSYMBOL_fetch_modifiers = 205,          /* fetch_modifiers  */
  YYSYMBOL_fetch_modifier_list = 206,      /* fetch_modifier_list  */
  YYSYMBOL_fetch_modifier = 207,           /* fetch_modifier  */
  YYSYMBOL_fetch_what = 208,               /* fetch_what  */
  YYSYMBOL_fetch_att_list = 209,           /* fetch_att_list  */
  YYSYMBOL_fetch_att = 210,                /* fetch_att  */
  YYSYMBOL_fetch_att_binary = 211,         /* fetch_att_binary  */
  YYSYMBOL_section_binary = 212,           /* section_binary  */
  YYSYMBOL_partial = 213,                  /* partial  */
  YYSYMBOL_section = 214,                  /* section  */
  YYSYMBOL_section_spec = 215,             /* section_spec  */
  YYSYMBOL_section_part = 216,             /* section_part  */
  YYSYMBOL_section_msgtext = 217,          /* section_msgtext  */
  YYSYMBOL_section_text = 218,             /* section_text  */
  YYSYMBOL_header_list = 219,              /* header_list  */
  YYSYMBOL_header_fld_names = 220,         /* header_fld_names  */
  YYSYMBOL_header_fld_name = 221,          /* header_fld_name  */
  YYSYMBOL_store = 222,                    /* store  */
  YYSYMBOL_store_modifiers = 223,          /* store_modifiers  */
  YYSYMBOL_store_modifier_list = 224,      /* store_modifier_list  */
  YYSYMBOL_store_modifier = 225,           /* store_modifier  */
  YYSYMBOL_store_att_flags = 226,          /* store_att_flags  */
  YYSYMBOL_store_flags = 227,              /* store_flags  */
  YYSYMBOL_search = 228,                   /* search  */
  YYSYMBOL_search_program = 229,           /* search_program  */
  YYSYMBOL_search_return_opts = 230,       /* search_return_opts  */
  YYSYMBOL_search_return_opt_list = 231,   /* search_return_opt_list  */
  YYSYMBOL_search_return_opt = 232,        /* search_return_opt  */
  YYSYMBOL_charset = 233,                  /* charset  */
  YYSYMBOL_search_key_list = 234,          /* search_key_list  */
  YYSYMBOL_search_key = 235,               /* search_key  */
  YYSYMBOL_search_key_1 = 236,             /* search_key_1  */
  YYSYMBOL_mod_sequence_value = 237,       /* mod_sequence_value  */
  YYSYMBOL_mod_sequence_valzer = 238,      /* mod_sequence_valzer  */
  YYSYMBOL_sequence_set = 239,             /* sequence_set  */
  YYSYMBOL_mailbox = 240,                  /* mailbox  */
  YYSYMBOL_list_mailbox = 241,             /* list_mailbox  */
  YYSYMBOL_astring = 242,                  /* astring  */
  YYSYMBOL_string = 243,                   /* string  */
  YYSYMBOL_atom = 244,                     /* atom  */
  YYSYMBOL_keyword = 245,                  /* keyword  */
  YYSYMBOL_flag_list = 246,                /* flag_list  */
  YYSYMBOL_flag_seq = 247,                 /* flag_seq  */
  YYSYMBOL_flag = 248,                     /* flag  */
  YYSYMBOL_flag_keyword = 249,             /* flag_keyword  */
  YYSYMBOL_date = 250,                     /* date  */
  YYSYMBOL_date_time = 251,                /* date_time  */
  YYSYMBOL_number = 252,                   /* number  */
  YYSYMBOL_nz_number = 253                 /* nz_number  */
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
#define YYLAST   1888

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  133
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  121
/* YYNRULES -- Number of rules.  */
#define YYNRULES  374
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  618

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   381


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
     127,   128,     2,     2,     2,     2,   131,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     130,     2,   132,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,   129,     2,     2,     2,     2,     2,     2,
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
     125,   126
};

#if IMAP_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   160,   160,   160,   164,   165,   166,   167,   168,   173,
     174,   175,   176,   177,   183,   188,   189,   192,   199,   205,
     206,   207,   213,   213,   213,   213,   213,   213,   213,   213,
     214,   214,   214,   214,   214,   215,   215,   222,   229,   238,
     247,   251,   252,   261,   265,   266,   267,   271,   272,   278,
     279,   287,   293,   294,   295,   296,   296,   296,   296,   297,
     298,   299,   304,   304,   308,   308,   308,   308,   309,   310,
     315,   323,   330,   335,   342,   345,   354,   359,   369,   374,
     375,   377,   379,   385,   389,   397,   398,   406,   411,   412,
     420,   424,   431,   432,   436,   437,   443,   448,   459,   462,
     466,   470,   474,   483,   484,   494,   495,   501,   502,   508,
     513,   514,   525,   532,   533,   537,   538,   542,   543,   547,
     548,   548,   554,   562,   569,   580,   581,   586,   587,   594,
     595,   602,   603,   605,   606,   613,   621,   631,   636,   637,
     644,   645,   646,   647,   648,   651,   653,   658,   663,   671,
     682,   690,   700,   701,   706,   707,   714,   716,   720,   721,
     722,   723,   725,   731,   732,   742,   743,   744,   745,   746,
     747,   748,   749,   750,   751,   753,   754,   757,   759,   762,
     764,   773,   776,   779,   782,   785,   792,   793,   798,   809,
     810,   815,   816,   817,   823,   824,   831,   832,   835,   838,
     843,   844,   849,   854,   855,   861,   866,   868,   878,   883,
     884,   890,   902,   903,   904,   905,   906,   907,   911,   912,
     920,   922,   929,   933,   945,   946,   951,   952,   960,   961,
     962,   963,   964,   969,   973,   974,   992,   996,   997,   998,
     999,  1000,  1001,  1002,  1003,  1004,  1005,  1007,  1008,  1009,
    1010,  1011,  1012,  1013,  1014,  1015,  1016,  1017,  1018,  1019,
    1021,  1022,  1023,  1025,  1026,  1027,  1029,  1030,  1031,  1032,
    1033,  1034,  1040,  1042,  1045,  1046,  1057,  1061,  1069,  1070,
    1071,  1073,  1079,  1085,  1086,  1087,  1094,  1095,  1096,  1101,
    1102,  1108,  1109,  1110,  1111,  1112,  1113,  1119,  1119,  1119,
    1119,  1119,  1119,  1119,  1120,  1120,  1120,  1120,  1121,  1121,
    1121,  1121,  1121,  1121,  1122,  1122,  1122,  1122,  1122,  1122,
    1123,  1123,  1123,  1123,  1123,  1123,  1123,  1123,  1124,  1124,
    1124,  1124,  1124,  1124,  1125,  1125,  1125,  1125,  1125,  1125,
    1126,  1126,  1126,  1126,  1126,  1127,  1127,  1127,  1127,  1128,
    1128,  1130,  1130,  1130,  1130,  1130,  1132,  1132,  1132,  1132,
    1132,  1133,  1133,  1139,  1140,  1144,  1146,  1155,  1156,  1161,
    1167,  1168,  1174,  1179,  1184
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
  "COUNT", "SAVE", "$", "ALL", "FAST", "FULL", "ENVELOPE", "FLAGS",
  "INTERNALDATE", "RFC822", "RFC822.HEADER", "RFC822.SIZE", "RFC822.TEXT",
  "BODY", "BODYSTRUCTURE", "ANSWERED", "BCC", "BEFORE", "CC", "DELETED",
  "DRAFT", "FLAGGED", "FROM", "HEADER", "KEYWORD", "LARGER", "NEW", "NOT",
  "OLD", "ON", "OR", "RECENT", "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE",
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
  "charset", "search_key_list", "search_key", "search_key_1",
  "mod_sequence_value", "mod_sequence_valzer", "sequence_set", "mailbox",
  "list_mailbox", "astring", "string", "atom", "keyword", "flag_list",
  "flag_seq", "flag", "flag_keyword", "date", "date_time", "number",
  "nz_number", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-479)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      20,  -479,    27,    69,  -479,  1837,  -479,  -479,    73,    84,
    -479,  -479,  -479,    86,    90,    98,   101,  -479,   103,   112,
     116,  -479,   127,  -479,   131,   133,   137,  -479,   142,   146,
     173,   183,   187,  -479,   188,  -479,   189,  -479,   193,   195,
      58,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,    91,  1365,  1719,    68,  1365,  1365,  1365,    68,
     729,  1365,  1365,  1365,   221,  1365,  1365,    68,  1365,  1365,
    -479,  1719,   965,  1719,   196,    68,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,   197,  -479,  -479,  -479,  -479,   198,  -479,
    -479,  -479,  -479,  -479,   200,   201,  -479,   202,   204,     5,
     205,   207,   212,  -479,   214,   216,   217,   222,  -479,   223,
    -479,   233,   234,   235,  -479,  -479,  -479,   237,   238,   239,
     240,  -479,   241,  -479,   242,   243,  -479,  -479,   245,   248,
     249,   250,   251,   252,   253,   254,  -479,  -479,  -479,  -479,
     255,  -479,   256,   260,  1145,  -479,   261,   262,  -479,  -479,
    -479,   202,   263,   266,  -479,  -479,   213,  -479,    19,  -479,
    -479,  -479,  1719,   267,    21,  1719,  1365,   104,   159,  -479,
     309,  -479,  -479,     8,  1365,   609,  1365,  1247,  1365,    68,
     160,  1365,  1365,    87,  1365,  1365,  1365,  1719,   284,  1145,
      87,  1145,    87,    87,    87,    87,   284,  1365,  1365,  1365,
    1719,  1365,    83,    18,  1082,  1145,  -479,   163,    -1,   273,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,    26,   274,
    -479,  1365,  -479,  -479,  -479,   484,  -479,  -479,   276,   310,
    -479,  -479,  -479,   325,  -479,     0,  -479,     6,     6,     6,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,     3,     3,   339,   312,  -479,  -479,   327,
    -479,   315,  -479,  -479,  1247,   316,   317,  -479,  -479,  -479,
    -479,  -479,  -479,    22,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,   319,  -479,  -479,  -479,  -479,  -479,  -479,  -479,   320,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,   321,
    -479,  -479,   322,  -479,  -479,  -479,  -479,    15,  -479,  -479,
    -479,  -479,  -479,  -479,   120,   323,   324,    68,   128,  -479,
    1483,  -479,  -479,  -479,    28,  -479,  -479,    59,    23,  -479,
      31,  -479,   326,  -479,   328,    34,  -479,  -479,  -479,   215,
     -62,  -479,   215,  -479,  -479,  -479,   329,   331,  -479,   215,
     225,   219,  -479,   215,    37,  -479,   224,  -479,  -479,   609,
      38,  -479,    33,  -479,    33,  -479,  -479,  -479,  -479,  -479,
    -479,    39,  -479,  1365,  1145,  1145,  1719,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,    40,  -479,   334,    41,  -479,   134,
     847,  -479,   337,  -479,  -479,  -479,  1601,  -479,  -479,   338,
    -479,   325,  -479,   231,   232,     0,  -479,   284,  -479,  -479,
     355,  -479,   258,   258,  -479,  -479,    17,  -479,   339,  -479,
      32,   316,   316,  1247,  -479,  -479,  -479,  -479,   346,  -479,
     118,  -479,  -479,  -479,   262,   347,    15,  -479,   361,   120,
    -479,   349,  -479,  -479,   350,  1483,  -479,    23,  -479,    -3,
     355,  -479,   257,  -479,  1365,  -479,  -479,  -479,  -479,  -479,
    -479,   351,  -479,    43,  -479,  -479,  -479,  -479,   259,  -479,
     361,  -479,  -479,  -479,   847,  -479,  -479,  -479,  -479,  -479,
      44,   369,   355,    45,  -479,   384,    32,  -479,    10,  -479,
    -479,   330,  -479,   384,   264,  1365,  -479,  -479,  -479,  -479,
    -479,  -479,   269,   372,  -479,  -479,   376,  -479,  -479,    15,
    -479,    10,    11,   270,    46,  -479,    68,   377,  -479,  -479,
    -479,  -479,   381,   275,    68,  -479,   272,  -479
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int16 yydefact[] =
{
       0,     2,     0,     0,     1,     0,    18,    15,     0,     0,
       9,    52,    53,     0,     0,     0,     0,    54,     0,     0,
       0,    10,     0,    11,     0,     0,     0,    21,     0,     0,
       0,     0,     0,    37,     0,    39,     0,    51,     0,     0,
       0,     4,    12,     8,     5,     6,    33,    34,    35,    36,
      13,    60,     7,    59,    19,    20,    22,    23,    24,    25,
      26,    27,    28,    29,    30,    31,    32,    55,    61,    56,
      57,    58,    14,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
      62,     0,     0,     0,    40,     0,     3,    17,    16,   291,
     292,   293,   294,   287,   289,   290,   309,   351,   352,   353,
     354,   355,   295,   297,   298,   299,   300,   301,   302,   303,
     304,   305,   306,   307,   308,   310,   311,   312,   313,   314,
     315,   316,   317,   318,   319,   320,   321,   322,   323,   324,
     325,   326,   327,   328,   329,   330,   331,   332,   333,   334,
     335,   336,   337,   338,   339,   340,   341,   342,   343,   344,
     345,   346,   347,   348,   349,   350,   356,   357,   358,   359,
     360,   361,   362,     0,   282,   288,   286,   296,    74,    77,
     278,   279,   280,   281,     0,    85,    96,   125,     0,     0,
       0,     0,     0,    72,     0,     0,     0,     0,   237,     0,
     238,     0,     0,     0,   243,   261,   244,     0,     0,     0,
       0,   247,     0,   248,     0,     0,   250,   251,     0,     0,
       0,     0,     0,     0,     0,     0,   256,   257,   271,   258,
       0,   260,     0,     0,     0,   220,     0,   222,   234,   236,
     274,   125,     0,     0,   147,   148,     0,    38,     0,    43,
      46,    41,     0,     0,     0,     0,     0,     0,     0,    97,
       0,   107,   105,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   124,     0,     0,     0,
      63,    68,    64,    69,    65,    67,    66,    44,     0,     0,
      42,     0,   372,    83,    84,     0,    78,    79,     0,     0,
      75,    76,   149,     0,    86,     0,   174,     0,     0,     0,
     158,   160,   159,   165,   166,   167,   168,   169,   170,   171,
     172,   173,   175,     0,     0,     0,   152,   161,   180,     0,
     106,     0,   285,   284,     0,   103,    98,   283,    71,    73,
     122,   123,   270,     0,   241,   239,   370,   371,   240,   242,
     245,     0,   205,   369,   246,   373,   263,   264,   249,     0,
     266,   267,   268,   252,   269,   253,   254,   255,   259,     0,
     233,   277,     0,   272,   275,   221,   235,     0,   212,   214,
     216,   213,   215,   217,     0,     0,     0,     0,     0,    45,
       0,   150,   367,   363,     0,   365,   368,     0,     0,    91,
       0,    88,     0,   129,     0,     0,   127,   374,   186,   181,
       0,   194,   183,   185,   196,   199,     0,     0,   189,   176,
       0,   192,   191,   178,     0,   163,     0,   151,   108,     0,
       0,   110,     0,   100,     0,   228,   229,   231,   232,   230,
     224,     0,   226,     0,     0,     0,     0,   145,   141,   144,
     140,   142,   143,   146,     0,   138,     0,     0,   209,     0,
       0,    70,     0,    47,    49,    50,     0,   364,    80,     0,
      81,     0,    87,     0,     0,     0,   126,     0,   182,   187,
       0,   184,     0,     0,   177,   190,     0,   179,     0,   162,
       0,   103,   103,     0,   109,   114,   113,   104,     0,    99,
       0,   225,   262,   265,   223,     0,     0,   137,     0,     0,
     208,     0,   206,   218,   219,     0,   366,     0,    89,     0,
       0,   128,     0,   195,     0,   197,   198,   201,   200,   193,
     164,     0,   157,     0,   154,   102,   101,   111,     0,   227,
       0,   139,   211,   210,     0,    48,    82,    94,    92,    90,
       0,     0,     0,     0,   203,     0,     0,   153,   115,   273,
     207,     0,    93,     0,     0,     0,   202,   276,   156,   155,
     119,   120,     0,   116,   117,    95,   131,   188,   204,     0,
     112,     0,     0,     0,     0,   118,     0,   132,   133,   135,
     130,   121,     0,     0,     0,   134,     0,   136
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -134,  -479,
    -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,  -479,
    -479,  -479,  -479,  -393,  -479,  -479,  -479,   -88,  -479,  -479,
    -479,  -479,  -479,  -479,  -354,  -479,  -479,   -34,  -479,   -40,
    -479,  -479,  -479,  -185,  -479,  -479,  -479,  -479,   176,  -479,
     -77,  -479,  -479,  -193,  -479,  -180,  -105,  -479,  -479,   177,
     179,   180,  -479,  -479,  -154,  -479,  -479,  -338,  -479,  -139,
    -346,    85,  -479,  -140,   -78,  -479,   -73,  -479,  -478,   191,
    -479,  -479,   -94,   -41,  -125,   194,   147,  -479,  -479,   -76,
    -479,  -229,  -266,  -479,  -141,  -468,   -75,   -35,  -264,   -79,
    -247,   -53,  -479,   192,   130,   -43,  -194,  -101,    30,  -280,
    -472
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int16 yydefgoto[] =
{
       0,     2,     3,    40,    41,    42,    72,    43,    44,    45,
      46,    47,    48,    49,    94,    50,   249,   308,   483,    51,
      52,    53,   246,   300,   301,    54,   192,   358,    55,   320,
     178,    56,   316,   317,    57,   324,   420,   421,   422,   569,
     570,    58,    59,    60,   453,   190,   263,   355,   450,   517,
     518,   592,   593,   594,   599,    61,    62,    63,   259,   425,
     426,   603,   607,   608,    64,   474,   475,    65,    66,    67,
      68,    69,   447,   553,   554,   346,   444,   347,   348,   429,
     498,   439,   440,   430,   442,   549,   545,   573,   371,    70,
     405,   477,   478,   406,   532,    71,   235,   236,   461,   462,
     389,   237,   238,   239,   588,   393,   240,   173,   356,   174,
     175,   176,   177,   533,   534,   415,   416,   368,   319,   376,
     431
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
     184,   309,   193,   360,   188,   293,   384,   445,   427,   261,
     567,   427,   243,   377,   590,   379,   180,   181,   182,   467,
     253,   179,   427,     1,   488,   490,   349,     4,   543,   396,
     104,   105,   312,   313,   543,   313,   295,   515,   247,   250,
     251,   185,   186,   187,   408,   191,   486,   194,   195,   491,
     241,   242,   495,   244,   245,   508,   513,   520,   526,   529,
     562,   576,   581,   585,   526,   398,   574,   499,   571,   500,
     312,   313,   183,   180,   181,   182,   314,    96,   314,   455,
     456,   457,   458,   374,   459,   434,   501,     5,   391,   516,
     451,    73,   579,   504,   392,   366,   388,   507,   367,   434,
     584,   435,    74,    97,    75,   468,    98,   598,    76,   399,
     400,   401,   402,   403,   314,   435,    77,   423,   424,    78,
     469,    79,   470,   471,   472,   568,   404,   436,   437,   183,
      80,   473,   438,   262,    81,   428,   350,   591,   606,   104,
     105,   436,   437,   547,   566,    82,   394,   307,   315,    83,
     460,    84,   551,   552,   409,    85,   487,   555,   556,   492,
      86,   482,   496,   484,    87,   509,   514,   521,   527,   530,
     550,   577,   582,   586,   611,   455,   456,   457,   458,   378,
     459,   380,   381,   382,   383,   512,   357,   359,   357,   432,
     433,    88,   364,   365,   362,   369,   370,   372,   523,   310,
     398,    89,   321,   441,   441,    90,    91,    92,   385,   386,
     387,    93,   390,    95,   252,   254,   255,   542,   256,   257,
     258,   322,   260,   264,   373,   265,   180,   181,   182,   351,
     266,   323,   267,   361,   268,   269,   524,   373,    13,   476,
     270,   271,   299,    18,   399,   400,   401,   402,   403,   557,
      25,   272,   273,   274,    29,   275,   276,   277,   278,   279,
     280,   281,   373,   282,    39,   196,   283,   284,   285,   286,
     287,   288,   289,   290,   291,   357,   411,   197,   292,   294,
     295,   297,   183,   198,   298,   311,   325,   363,   484,   375,
     397,   407,   410,   199,   417,   200,   201,   202,   203,   204,
     205,   206,   207,   208,   209,   210,   211,   212,   213,   214,
     215,   216,   217,   218,   219,   220,   221,   222,   223,   224,
     225,   226,   227,   228,   229,   230,   231,   232,   418,   419,
     446,   448,   481,   449,   452,   454,   233,   463,   464,   465,
     466,   479,   480,   595,   493,   497,   494,   502,   234,   503,
     506,   510,   528,   326,   505,   535,   537,   485,   539,   540,
     427,   327,   328,   329,   558,   560,   391,   564,   486,   575,
     357,   330,   331,   332,   333,   334,   335,   336,   337,   338,
     339,   340,   341,   326,   522,   544,   578,   583,   572,   587,
     601,   327,   328,   329,   602,   613,   597,   600,   610,   614,
     617,   565,   606,   538,   333,   334,   335,   336,   337,   338,
     339,   340,   341,   525,   519,   511,   605,   296,   541,   604,
     615,   561,   589,   302,   342,   303,   304,   373,   548,   443,
     546,   343,   344,   373,   357,   563,   345,   305,   531,   580,
     306,   395,   596,   536,   559,   414,   318,   489,     0,     0,
       0,     0,     0,     0,   342,     0,     0,     0,     0,     0,
       0,   343,   344,     0,     0,   372,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   485,     0,     0,     0,     0,     0,    99,   100,
     101,     0,   102,     0,     0,     0,     0,   412,     0,     0,
       0,     0,     0,     0,     0,     0,   372,     0,     0,     0,
       0,   373,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   609,   106,     0,
       0,   612,     0,     0,     0,     0,     0,     0,     0,   616,
     107,   108,   109,   110,   111,   112,   113,   114,   115,   116,
     117,   118,   119,   120,   121,   122,   123,   124,   125,   126,
     127,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,   166,
     167,   168,   169,   170,   171,   172,     0,     0,     0,     0,
       0,     0,   413,    99,   100,   101,   352,   102,   103,   353,
     104,   105,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   106,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   107,   108,   109,   110,   111,
     112,   113,   114,   115,   116,   117,   118,   119,   120,   121,
     122,   123,   124,   125,   126,   127,   128,   129,   130,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,   141,
     142,   143,   144,   145,   146,   147,   148,   149,   150,   151,
     152,   153,   154,   155,   156,   157,   158,   159,   160,   161,
     162,   163,   164,   165,   166,   167,   168,   169,   170,   171,
     172,     0,     0,    99,   100,   101,   354,   102,   103,     0,
     104,   105,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   106,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   107,   108,   109,   110,   111,
     112,   113,   114,   115,   116,   117,   118,   119,   120,   121,
     122,   123,   124,   125,   126,   127,   128,   129,   130,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,   141,
     142,   143,   144,   145,   146,   147,   148,   149,   150,   151,
     152,   153,   154,   155,   156,   157,   158,   159,   160,   161,
     162,   163,   164,   165,   166,   167,   168,   169,   170,   171,
     172,    99,   100,   101,     0,   102,   189,     0,     0,     0,
     412,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   106,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,   141,   142,   143,
     144,   145,   146,   147,   148,   149,   150,   151,   152,   153,
     154,   155,   156,   157,   158,   159,   160,   161,   162,   163,
     164,   165,   166,   167,   168,   169,   170,   171,   172,    99,
     100,   101,     0,   102,   315,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   106,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,   127,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,   141,   142,   143,   144,   145,
     146,   147,   148,   149,   150,   151,   152,   153,   154,   155,
     156,   157,   158,   159,   160,   161,   162,   163,   164,   165,
     166,   167,   168,   169,   170,   171,   172,   180,   181,   182,
       0,     0,   248,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   196,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   183,   198,     0,     0,     0,     0,     0,
     180,   181,   182,     0,   199,     0,   200,   201,   202,   203,
     204,   205,   206,   207,   208,   209,   210,   211,   212,   213,
     214,   215,   216,   217,   218,   219,   220,   221,   222,   223,
     224,   225,   226,   227,   228,   229,   230,   231,   232,   196,
       0,     0,     0,     0,     0,     0,     0,   233,     0,     0,
       0,     0,     0,     0,     0,     0,   183,   198,     0,   234,
       0,     0,     0,     0,     0,     0,     0,   199,     0,   200,
     201,   202,   203,   204,   205,   206,   207,   208,   209,   210,
     211,   212,   213,   214,   215,   216,   217,   218,   219,   220,
     221,   222,   223,   224,   225,   226,   227,   228,   229,   230,
     231,    99,   100,   101,   352,   102,   103,   353,   104,   105,
     233,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   234,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   106,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,   141,   142,   143,
     144,   145,   146,   147,   148,   149,   150,   151,   152,   153,
     154,   155,   156,   157,   158,   159,   160,   161,   162,   163,
     164,   165,   166,   167,   168,   169,   170,   171,   172,    99,
     100,   101,     0,   102,   103,     0,   104,   105,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   106,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,   127,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,   141,   142,   143,   144,   145,
     146,   147,   148,   149,   150,   151,   152,   153,   154,   155,
     156,   157,   158,   159,   160,   161,   162,   163,   164,   165,
     166,   167,   168,   169,   170,   171,   172,    99,   100,   101,
       0,   102,     0,     0,   104,   105,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   106,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,   127,
     128,   129,   130,   131,   132,   133,   134,   135,   136,   137,
     138,   139,   140,   141,   142,   143,   144,   145,   146,   147,
     148,   149,   150,   151,   152,   153,   154,   155,   156,   157,
     158,   159,   160,   161,   162,   163,   164,   165,   166,   167,
     168,   169,   170,   171,   172,    99,   100,   101,     0,   102,
       0,     0,     0,     0,   412,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   106,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   107,   108,   109,
     110,   111,   112,   113,   114,   115,   116,   117,   118,   119,
     120,   121,   122,   123,   124,   125,   126,   127,   128,   129,
     130,   131,   132,   133,   134,   135,   136,   137,   138,   139,
     140,   141,   142,   143,   144,   145,   146,   147,   148,   149,
     150,   151,   152,   153,   154,   155,   156,   157,   158,   159,
     160,   161,   162,   163,   164,   165,   166,   167,   168,   169,
     170,   171,   172,    99,   100,   101,     0,   102,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   106,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   107,   108,   109,   110,   111,
     112,   113,   114,   115,   116,   117,   118,   119,   120,   121,
     122,   123,   124,   125,   126,   127,   128,   129,   130,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,   141,
     142,   143,   144,   145,   146,   147,   148,   149,   150,   151,
     152,   153,   154,   155,   156,   157,   158,   159,   160,   161,
     162,   163,   164,   165,   166,   167,   168,   169,   170,   171,
     172,     6,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     7,     0,     0,     0,     0,     0,     8,     9,    10,
      11,    12,    13,    14,    15,    16,    17,    18,    19,    20,
      21,    22,    23,    24,    25,    26,    27,    28,    29,    30,
      31,    32,    33,    34,    35,    36,    37,    38,    39
};

static const yytype_int16 yycheck[] =
{
      75,   248,    81,   267,    79,   234,   286,   345,     5,     4,
      13,     5,    87,   279,     4,   281,     5,     6,     7,     4,
      95,    74,     5,     3,   417,   418,    18,     0,   500,   295,
      11,    12,    11,    12,   506,    12,    18,     4,    91,    92,
      93,    76,    77,    78,    18,    80,    18,    82,    83,    18,
      85,    86,    18,    88,    89,    18,    18,    18,    18,    18,
     528,    18,    18,    18,    18,    66,   544,   129,   540,   131,
      11,    12,    61,     5,     6,     7,    55,    19,    55,    57,
      58,    59,    60,   277,    62,    82,   432,    18,     5,    56,
     354,    18,   560,   439,    11,     8,   290,   443,    11,    82,
     572,    98,    18,    12,    18,    90,    15,   585,    18,   110,
     111,   112,   113,   114,    55,    98,    18,   117,   118,    18,
     105,    18,   107,   108,   109,   128,   127,   124,   125,    61,
      18,   116,   129,   128,    18,   129,   128,   127,   127,    11,
      12,   124,   125,   126,   537,    18,   128,   128,   127,    18,
     128,    18,   120,   121,   128,    18,   128,   511,   512,   128,
      18,   408,   128,   410,    18,   128,   128,   128,   128,   128,
     508,   128,   128,   128,   128,    57,    58,    59,    60,   280,
      62,   282,   283,   284,   285,   449,   265,   266,   267,   328,
     329,    18,   271,   272,   269,   274,   275,   276,   464,   252,
      66,    18,   255,   343,   344,    18,    18,    18,   287,   288,
     289,    18,   291,    18,    18,    18,    18,   497,    18,    18,
      18,   256,    18,    18,   277,    18,     5,     6,     7,   264,
      18,   127,    18,   268,    18,    18,   465,   290,    25,   119,
      18,    18,    29,    30,   110,   111,   112,   113,   114,   513,
      37,    18,    18,    18,    41,    18,    18,    18,    18,    18,
      18,    18,   315,    18,    51,    44,    18,    18,    18,    18,
      18,    18,    18,    18,    18,   354,   311,    56,    18,    18,
      18,    18,    61,    62,    18,    18,   127,   127,   535,     5,
     127,    18,    18,    72,    18,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,    18,     4,
      18,     4,   407,    18,    18,    18,   115,    18,    18,    18,
      18,    18,    18,    13,    18,   130,    18,    18,   127,    18,
     131,   127,    18,    44,   129,    18,    18,   410,   127,   127,
       5,    52,    53,    54,    18,    18,     5,    18,    18,    18,
     449,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    44,   463,   127,   127,    18,   131,     5,
      18,    52,    53,    54,    18,    18,   132,   128,   128,    18,
     128,   535,   127,   491,    65,    66,    67,    68,    69,    70,
      71,    72,    73,   466,   454,   449,   601,   241,   495,   599,
     613,   526,   576,   246,   115,   246,   246,   480,   506,   344,
     503,   122,   123,   486,   513,   529,   127,   246,   479,   564,
     246,   294,   583,   486,   520,   315,   254,   417,    -1,    -1,
      -1,    -1,    -1,    -1,   115,    -1,    -1,    -1,    -1,    -1,
      -1,   122,   123,    -1,    -1,   544,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,   535,    -1,    -1,    -1,    -1,    -1,     4,     5,
       6,    -1,     8,    -1,    -1,    -1,    -1,    13,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,   585,    -1,    -1,    -1,
      -1,   564,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   602,    44,    -1,
      -1,   606,    -1,    -1,    -1,    -1,    -1,    -1,    -1,   614,
      56,    57,    58,    59,    60,    61,    62,    63,    64,    65,
      66,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,    -1,    -1,    -1,    -1,
      -1,    -1,   128,     4,     5,     6,     7,     8,     9,    10,
      11,    12,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
     111,   112,   113,   114,   115,   116,   117,   118,   119,   120,
     121,    -1,    -1,     4,     5,     6,   127,     8,     9,    -1,
      11,    12,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
     111,   112,   113,   114,   115,   116,   117,   118,   119,   120,
     121,     4,     5,     6,    -1,     8,   127,    -1,    -1,    -1,
      13,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    56,    57,    58,    59,    60,    61,    62,
      63,    64,    65,    66,    67,    68,    69,    70,    71,    72,
      73,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,    98,    99,   100,   101,   102,
     103,   104,   105,   106,   107,   108,   109,   110,   111,   112,
     113,   114,   115,   116,   117,   118,   119,   120,   121,     4,
       5,     6,    -1,     8,   127,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,     5,     6,     7,
      -1,    -1,   127,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    61,    62,    -1,    -1,    -1,    -1,    -1,
       5,     6,     7,    -1,    72,    -1,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   115,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    61,    62,    -1,   127,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    72,    -1,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,     4,     5,     6,     7,     8,     9,    10,    11,    12,
     115,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,   127,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    56,    57,    58,    59,    60,    61,    62,
      63,    64,    65,    66,    67,    68,    69,    70,    71,    72,
      73,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,    98,    99,   100,   101,   102,
     103,   104,   105,   106,   107,   108,   109,   110,   111,   112,
     113,   114,   115,   116,   117,   118,   119,   120,   121,     4,
       5,     6,    -1,     8,     9,    -1,    11,    12,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,     4,     5,     6,
      -1,     8,    -1,    -1,    11,    12,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,
      57,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,    79,    80,    81,    82,    83,    84,    85,    86,
      87,    88,    89,    90,    91,    92,    93,    94,    95,    96,
      97,    98,    99,   100,   101,   102,   103,   104,   105,   106,
     107,   108,   109,   110,   111,   112,   113,   114,   115,   116,
     117,   118,   119,   120,   121,     4,     5,     6,    -1,     8,
      -1,    -1,    -1,    -1,    13,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,    58,
      59,    60,    61,    62,    63,    64,    65,    66,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,     4,     5,     6,    -1,     8,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
     111,   112,   113,   114,   115,   116,   117,   118,   119,   120,
     121,     4,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    14,    -1,    -1,    -1,    -1,    -1,    20,    21,    22,
      23,    24,    25,    26,    27,    28,    29,    30,    31,    32,
      33,    34,    35,    36,    37,    38,    39,    40,    41,    42,
      43,    44,    45,    46,    47,    48,    49,    50,    51
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_uint8 yystos[] =
{
       0,     3,   134,   135,     0,    18,     4,    14,    20,    21,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      32,    33,    34,    35,    36,    37,    38,    39,    40,    41,
      42,    43,    44,    45,    46,    47,    48,    49,    50,    51,
     136,   137,   138,   140,   141,   142,   143,   144,   145,   146,
     148,   152,   153,   154,   158,   161,   164,   167,   174,   175,
     176,   188,   189,   190,   197,   200,   201,   202,   203,   204,
     222,   228,   139,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,   147,    18,    19,    12,    15,     4,
       5,     6,     8,     9,    11,    12,    44,    56,    57,    58,
      59,    60,    61,    62,    63,    64,    65,    66,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   240,   242,   243,   244,   245,   163,   244,
       5,     6,     7,    61,   239,   240,   240,   240,   239,   127,
     178,   240,   159,   242,   240,   240,    44,    56,    62,    72,
      74,    75,    76,    77,    78,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   115,   127,   229,   230,   234,   235,   236,
     239,   240,   240,   239,   240,   240,   155,   244,   127,   149,
     244,   244,    18,   239,    18,    18,    18,    18,    18,   191,
      18,     4,   128,   179,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,   234,    18,    18,   191,    18,    18,    29,
     156,   157,   202,   203,   204,   222,   228,   128,   150,   243,
     244,    18,    11,    12,    55,   127,   165,   166,   246,   251,
     162,   244,   240,   127,   168,   127,    44,    52,    53,    54,
      62,    63,    64,    65,    66,    67,    68,    69,    70,    71,
      72,    73,   115,   122,   123,   127,   208,   210,   211,    18,
     128,   240,     7,    10,   127,   180,   241,   242,   160,   242,
     241,   240,   239,   127,   242,   242,     8,    11,   250,   242,
     242,   221,   242,   244,   249,     5,   252,   235,   250,   235,
     250,   250,   250,   250,   252,   242,   242,   242,   249,   233,
     242,     5,    11,   238,   128,   229,   235,   127,    66,   110,
     111,   112,   113,   114,   127,   223,   226,    18,    18,   128,
      18,   240,    13,   128,   247,   248,   249,    18,    18,     4,
     169,   170,   171,   117,   118,   192,   193,     5,   129,   212,
     216,   253,   212,   212,    82,    98,   124,   125,   129,   214,
     215,   216,   217,   214,   209,   210,    18,   205,     4,    18,
     181,   241,    18,   177,    18,    57,    58,    59,    60,    62,
     128,   231,   232,    18,    18,    18,    18,     4,    90,   105,
     107,   108,   109,   116,   198,   199,   119,   224,   225,    18,
      18,   239,   243,   151,   243,   244,    18,   128,   166,   251,
     166,    18,   128,    18,    18,    18,   128,   130,   213,   129,
     131,   213,    18,    18,   213,   129,   131,   213,    18,   128,
     127,   180,   241,    18,   128,     4,    56,   182,   183,   182,
      18,   128,   242,   235,   234,   244,    18,   128,    18,    18,
     128,   226,   227,   246,   247,    18,   248,    18,   170,   127,
     127,   193,   252,   253,   127,   219,   219,   126,   217,   218,
     210,   120,   121,   206,   207,   177,   177,   241,    18,   232,
      18,   199,   238,   225,    18,   151,   166,    13,   128,   172,
     173,   253,   131,   220,   221,    18,    18,   128,   127,   238,
     227,    18,   128,    18,   253,    18,   128,     5,   237,   207,
       4,   127,   184,   185,   186,    13,   237,   132,   221,   187,
     128,    18,    18,   194,   198,   186,   127,   195,   196,   239,
     128,   128,   239,    18,    18,   196,   239,   128
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_uint8 yyr1[] =
{
       0,   133,   135,   134,   136,   136,   136,   136,   136,   137,
     137,   137,   137,   137,   138,   139,   139,   139,   140,   141,
     141,   141,   142,   142,   142,   142,   142,   142,   142,   142,
     142,   142,   142,   142,   142,   142,   142,   143,   144,   145,
     146,   147,   147,   148,   149,   149,   149,   150,   150,   151,
     151,   152,   153,   153,   153,   153,   153,   153,   153,   153,
     153,   153,   155,   154,   156,   156,   156,   156,   156,   156,
     157,   158,   159,   160,   161,   161,   162,   163,   164,   165,
     165,   165,   165,   166,   166,   167,   167,   168,   169,   169,
     170,   171,   172,   172,   173,   173,   174,   175,   176,   176,
     176,   176,   176,   177,   177,   178,   178,   179,   179,   180,
     181,   181,   182,   183,   183,   184,   184,   185,   185,   186,
     187,   186,   188,   189,   190,   191,   191,   192,   192,   193,
     193,   194,   194,   194,   194,   195,   196,   197,   198,   198,
     199,   199,   199,   199,   199,   199,   199,   200,   201,   202,
     203,   204,   205,   205,   206,   206,   207,   207,   208,   208,
     208,   208,   208,   209,   209,   210,   210,   210,   210,   210,
     210,   210,   210,   210,   210,   210,   210,   210,   210,   210,
     210,   211,   211,   211,   211,   211,   212,   212,   213,   214,
     214,   215,   215,   215,   216,   216,   217,   217,   217,   217,
     218,   218,   219,   220,   220,   221,   222,   222,   223,   224,
     224,   225,   226,   226,   226,   226,   226,   226,   227,   227,
     228,   228,   229,   229,   230,   230,   231,   231,   232,   232,
     232,   232,   232,   233,   234,   234,   235,   236,   236,   236,
     236,   236,   236,   236,   236,   236,   236,   236,   236,   236,
     236,   236,   236,   236,   236,   236,   236,   236,   236,   236,
     236,   236,   236,   236,   236,   236,   236,   236,   236,   236,
     236,   236,   236,   236,   236,   236,   237,   238,   239,   239,
     239,   239,   240,   241,   241,   241,   242,   242,   242,   243,
     243,   244,   244,   244,   244,   244,   244,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   245,   245,   245,   245,   245,   245,   245,
     245,   245,   245,   246,   246,   247,   247,   248,   248,   249,
     250,   250,   251,   252,   253
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     5,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     2,     0,     2,     2,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     3,     1,
       2,     2,     3,     3,     2,     3,     1,     3,     5,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     0,     4,     1,     1,     1,     1,     1,     1,
       3,     5,     1,     1,     3,     5,     1,     1,     5,     1,
       3,     3,     5,     1,     1,     3,     5,     3,     1,     3,
       4,     1,     1,     2,     1,     3,     3,     4,     5,     7,
       6,     8,     8,     0,     2,     2,     3,     1,     3,     3,
       1,     3,     5,     1,     1,     0,     1,     1,     3,     1,
       0,     4,     5,     5,     4,     0,     4,     1,     3,     1,
       8,     0,     2,     2,     4,     1,     5,     7,     1,     3,
       1,     1,     1,     1,     1,     1,     1,     3,     3,     5,
       5,     6,     0,     4,     1,     3,     3,     1,     1,     1,
       1,     1,     3,     1,     3,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     2,     3,     2,     3,
       1,     2,     3,     2,     3,     2,     1,     2,     5,     1,
       2,     1,     1,     3,     1,     3,     1,     3,     3,     1,
       1,     1,     3,     1,     3,     1,     7,     9,     3,     1,
       3,     3,     1,     1,     1,     1,     1,     1,     1,     1,
       3,     5,     1,     5,     4,     5,     1,     3,     1,     1,
       1,     1,     1,     1,     1,     3,     1,     1,     1,     3,
       3,     3,     3,     1,     1,     3,     3,     1,     1,     3,
       1,     1,     3,     3,     3,     3,     1,     1,     1,     3,
       1,     1,     5,     3,     3,     5,     3,     3,     3,     3,
       3,     1,     3,     7,     1,     3,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     2,     3,     1,     3,     1,     1,     1,
       1,     1,     1,     1,     1
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

  case 37: /* idle: "IDLE"  */
                                { CMD->type = IMAP_CMD_IDLE; }
    break;

  case 38: /* compress: "COMPRESS" "SP" atom  */
                                { CMD->type = IMAP_CMD_COMPRESS;
				  CMD->u.compress.algorithm = (yyvsp[0].str).data; NOTE("compression algorithm"); }
    break;

  case 39: /* namespace: "NAMESPACE"  */
                                { CMD->type = IMAP_CMD_NAMESPACE; }
    break;

  case 40: /* enable: "ENABLE" enable_caps  */
                                { CMD->type = IMAP_CMD_ENABLE; }
    break;

  case 41: /* enable_caps: "SP" atom  */
                                { CHECK(imap_enable_add(ctx, &(yyvsp[0].str))); NOTE("capability"); }
    break;

  case 42: /* enable_caps: enable_caps "SP" atom  */
                                { CHECK(imap_enable_add(ctx, &(yyvsp[0].str))); NOTE("capability"); }
    break;

  case 43: /* id: "ID" "SP" id_params_list  */
                                { CMD->type = IMAP_CMD_ID; }
    break;

  case 44: /* id_params_list: '(' ')'  */
                                { NOTE("ID parameter list"); }
    break;

  case 45: /* id_params_list: '(' id_pairs ')'  */
                                { NOTE("ID parameter list"); }
    break;

  case 46: /* id_params_list: atom  */
                                { CHECK(imap_build_nil(ctx, &(yyvsp[0].str))); CMD->u.id.nil = true; NOTE("NIL"); }
    break;

  case 47: /* id_pairs: string "SP" id_nstring  */
                                { CHECK(imap_id_add(ctx, &(yyvsp[-2].str), &(yyvsp[0].str))); }
    break;

  case 48: /* id_pairs: id_pairs "SP" string "SP" id_nstring  */
                                { CHECK(imap_id_add(ctx, &(yyvsp[-2].str), &(yyvsp[0].str))); }
    break;

  case 49: /* id_nstring: string  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("ID value"); }
    break;

  case 50: /* id_nstring: atom  */
                                { CHECK(imap_build_nil(ctx, &(yyvsp[0].str))); (yyval.str) = (struct imap_string){ .data = NULL };
				  NOTE("NIL"); }
    break;

  case 51: /* unselect: "UNSELECT"  */
                                { CMD->type = IMAP_CMD_UNSELECT; }
    break;

  case 52: /* command_select: "CHECK"  */
                                { CMD->type = IMAP_CMD_CHECK; }
    break;

  case 53: /* command_select: "CLOSE"  */
                                { CMD->type = IMAP_CMD_CLOSE; }
    break;

  case 54: /* command_select: "EXPUNGE"  */
                                { CMD->type = IMAP_CMD_EXPUNGE; }
    break;

  case 62: /* $@2: %empty  */
                 { CMD->uid = true; }
    break;

  case 70: /* uid_expunge: "EXPUNGE" "SP" sequence_set  */
                                { CMD->type = IMAP_CMD_EXPUNGE; CMD->u.expunge.set = (yyvsp[0].set); }
    break;

  case 71: /* login: "LOGIN" "SP" userid "SP" password  */
                { CMD->type = IMAP_CMD_LOGIN;
		  CMD->u.login.userid = (yyvsp[-2].str); CMD->u.login.password = (yyvsp[0].str); }
    break;

  case 72: /* userid: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("user name"); }
    break;

  case 73: /* password: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("password"); }
    break;

  case 74: /* authenticate: "AUTHENTICATE" "SP" auth_type  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[0].str).data; }
    break;

  case 75: /* authenticate: "AUTHENTICATE" "SP" auth_type "SP" initial_response  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[-2].str).data;
		  CMD->u.authenticate.has_initial = true;
		  CMD->u.authenticate.initial = (yyvsp[0].str); }
    break;

  case 76: /* initial_response: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("initial response"); }
    break;

  case 77: /* auth_type: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("authentication mechanism");
				  for (char *p = (char *)(yyval.str).data; *p; p++)
					  if (*p >= 'a' && *p <= 'z') *p -= 32; }
    break;

  case 78: /* append: "APPEND" "SP" mailbox "SP" append_rest  */
                { CMD->type = IMAP_CMD_APPEND; CMD->u.append.mailbox = (yyvsp[-2].str); }
    break;

  case 80: /* append_rest: flag_list "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-2].flags); }
    break;

  case 81: /* append_rest: date_time "SP" append_message  */
                { CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 82: /* append_rest: flag_list "SP" date_time "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-4].flags);
		  CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 83: /* append_message: "literal"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  NOTE("message literal"); }
    break;

  case 84: /* append_message: "literal8"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  CMD->u.append.binary = true; NOTE("message literal"); }
    break;

  case 85: /* create: "CREATE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 86: /* create: "CREATE" "SP" mailbox "SP" create_params  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[-2].str); }
    break;

  case 87: /* create_params: '(' create_param_list ')'  */
                                { NOTE("CREATE parameters"); }
    break;

  case 91: /* create_param_name: "atom"  */
                                { CHECK(imap_create_param(ctx, &(yyvsp[0].tok))); NOTE("USE"); }
    break;

  case 92: /* use_attrs: ')'  */
                                { NOTE("USE list"); }
    break;

  case 93: /* use_attrs: use_attr_list ')'  */
                                { NOTE("USE list"); }
    break;

  case 94: /* use_attr_list: "flag"  */
                                { CHECK(imap_create_use_add(ctx, &(yyvsp[0].tok))); NOTE("special-use attribute"); }
    break;

  case 95: /* use_attr_list: use_attr_list "SP" "flag"  */
                                { CHECK(imap_create_use_add(ctx, &(yyvsp[0].tok))); NOTE("special-use attribute"); }
    break;

  case 96: /* delete: "DELETE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_DELETE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 97: /* examine: "EXAMINE" "SP" mailbox select_params  */
                                { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = (yyvsp[-1].str); }
    break;

  case 98: /* list: "LIST" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LIST;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 99: /* list: "LIST" "SP" mailbox "SP" list_mailbox "SP" list_return_opts  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-4].str); CMD->u.list.pattern = (yyvsp[-2].str);
		  CHECK(imap_list_pattern_add(ctx, &(yyvsp[-2].str))); }
    break;

  case 100: /* list: "LIST" "SP" mailbox "SP" list_patterns list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
    break;

  case 101: /* list: "LIST" "SP" list_select_opts "SP" mailbox "SP" list_mailbox list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.pattern = (yyvsp[-1].str);
		  CHECK(imap_list_pattern_add(ctx, &(yyvsp[-1].str))); }
    break;

  case 102: /* list: "LIST" "SP" list_select_opts "SP" mailbox "SP" list_patterns list_return_tail  */
                { CMD->type = IMAP_CMD_LIST; CMD->u.list.extended = true;
		  CMD->u.list.reference = (yyvsp[-3].str); CMD->u.list.multi = true;
		  CMD->u.list.pattern = CMD->u.list.patterns[0]; }
    break;

  case 105: /* list_select_opts: '(' ')'  */
                                { CMD->u.list.has_select = true; NOTE("selection options"); }
    break;

  case 106: /* list_select_opts: '(' list_select_seq ')'  */
                                { CMD->u.list.has_select = true; CHECK(imap_list_select_done(ctx));
				  NOTE("selection options"); }
    break;

  case 107: /* list_select_seq: "atom"  */
                                { CHECK(imap_list_select_add(ctx, &(yyvsp[0].tok))); NOTE("selection option"); }
    break;

  case 108: /* list_select_seq: list_select_seq "SP" "atom"  */
                                { CHECK(imap_list_select_add(ctx, &(yyvsp[0].tok))); NOTE("selection option"); }
    break;

  case 109: /* list_patterns: '(' list_pattern_seq ')'  */
                                { NOTE("mailbox patterns"); }
    break;

  case 110: /* list_pattern_seq: list_mailbox  */
                                { CHECK(imap_list_pattern_add(ctx, &(yyvsp[0].str))); }
    break;

  case 111: /* list_pattern_seq: list_pattern_seq "SP" list_mailbox  */
                                { CHECK(imap_list_pattern_add(ctx, &(yyvsp[0].str))); }
    break;

  case 112: /* list_return_opts: list_return_word "SP" '(' list_return_body ')'  */
                                { CHECK(imap_list_return_done(ctx)); NOTE("return options"); }
    break;

  case 113: /* list_return_word: "RETURN"  */
                                { CMD->u.list.has_return = true; NOTE("RETURN"); }
    break;

  case 114: /* list_return_word: "atom"  */
                                { CHECK(imap_list_return_word(ctx, &(yyvsp[0].tok))); NOTE("RETURN"); }
    break;

  case 119: /* list_return_item: "atom"  */
                                { CHECK(imap_list_return_add(ctx, &(yyvsp[0].tok))); NOTE("return option"); }
    break;

  case 120: /* $@3: %empty  */
                                { CHECK(imap_list_return_value(ctx)); }
    break;

  case 121: /* list_return_item: '(' $@3 status_att_list ')'  */
                                { NOTE("status attributes"); }
    break;

  case 122: /* lsub: "LSUB" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LSUB;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 123: /* rename: "RENAME" "SP" mailbox "SP" mailbox  */
                { CMD->type = IMAP_CMD_RENAME;
		  CMD->u.rename.from = (yyvsp[-2].str); CMD->u.rename.to = (yyvsp[0].str); }
    break;

  case 124: /* select: "SELECT" "SP" mailbox select_params  */
                                { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = (yyvsp[-1].str); }
    break;

  case 126: /* select_params: "SP" '(' select_param_list ')'  */
                                { NOTE("select parameters"); }
    break;

  case 129: /* select_param: "CONDSTORE"  */
                                { CMD->u.mailbox.params.condstore = true; NOTE("CONDSTORE"); }
    break;

  case 130: /* select_param: "QRESYNC" "SP" '(' nz_number "SP" mod_sequence_value qresync_rest ')'  */
                                { CMD->u.mailbox.params.qresync = true;
				  CMD->u.mailbox.params.uidvalidity = (yyvsp[-4].num);
				  CMD->u.mailbox.params.modseq = (yyvsp[-2].u64); NOTE("QRESYNC parameters"); }
    break;

  case 132: /* qresync_rest: "SP" known_uids  */
                                { CMD->u.mailbox.params.has_known_uids = true;
				  CMD->u.mailbox.params.known_uids = (yyvsp[0].set); }
    break;

  case 134: /* qresync_rest: "SP" known_uids "SP" seq_match_data  */
                                { CMD->u.mailbox.params.has_known_uids = true;
				  CMD->u.mailbox.params.known_uids = (yyvsp[-2].set); }
    break;

  case 135: /* known_uids: sequence_set  */
                                { CHECK(imap_build_nostar(ctx, &(yyvsp[0].set), "known UIDs")); (yyval.set) = (yyvsp[0].set);
				  NOTE("known UIDs"); }
    break;

  case 136: /* seq_match_data: '(' sequence_set "SP" sequence_set ')'  */
                                { CHECK(imap_build_nostar(ctx, &(yyvsp[-3].set), "known sequence set"));
				  CHECK(imap_build_nostar(ctx, &(yyvsp[-1].set), "known UID set"));
				  CMD->u.mailbox.params.has_seq_match = true;
				  CMD->u.mailbox.params.known_seqs = (yyvsp[-3].set);
				  CMD->u.mailbox.params.known_seq_uids = (yyvsp[-1].set); NOTE("sequence match data"); }
    break;

  case 137: /* status: "STATUS" "SP" mailbox "SP" '(' status_att_list ')'  */
                { CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = (yyvsp[-4].str); }
    break;

  case 138: /* status_att_list: status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 139: /* status_att_list: status_att_list "SP" status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 140: /* status_att: "MESSAGES"  */
                                { (yyval.op) = IMAP_STATUS_MESSAGES; }
    break;

  case 141: /* status_att: "RECENT"  */
                                { (yyval.op) = IMAP_STATUS_RECENT; }
    break;

  case 142: /* status_att: "UIDNEXT"  */
                                { (yyval.op) = IMAP_STATUS_UIDNEXT; }
    break;

  case 143: /* status_att: "UIDVALIDITY"  */
                                { (yyval.op) = IMAP_STATUS_UIDVALIDITY; }
    break;

  case 144: /* status_att: "UNSEEN"  */
                                { (yyval.op) = IMAP_STATUS_UNSEEN; }
    break;

  case 145: /* status_att: "atom"  */
                                { int a = 0; CHECK(imap_build_status_att(ctx, &(yyvsp[0].tok), &a)); (yyval.op) = a; }
    break;

  case 146: /* status_att: "HIGHESTMODSEQ"  */
                                { (yyval.op) = IMAP_STATUS_HIGHESTMODSEQ; }
    break;

  case 147: /* subscribe: "SUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 148: /* unsubscribe: "UNSUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 149: /* copy: "COPY" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 150: /* move: "MOVE" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_MOVE; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 151: /* fetch: "FETCH" "SP" sequence_set "SP" fetch_what fetch_modifiers  */
                { CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = (yyvsp[-3].set); }
    break;

  case 153: /* fetch_modifiers: "SP" '(' fetch_modifier_list ')'  */
                                { NOTE("fetch modifiers"); }
    break;

  case 156: /* fetch_modifier: "CHANGEDSINCE" "SP" mod_sequence_value  */
                                { CMD->u.fetch.has_changedsince = true; CMD->u.fetch.changedsince = (yyvsp[0].u64); }
    break;

  case 157: /* fetch_modifier: "VANISHED"  */
                                { CMD->u.fetch.vanished = true; NOTE("VANISHED"); }
    break;

  case 158: /* fetch_what: "ALL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
    break;

  case 159: /* fetch_what: "FULL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
    break;

  case 160: /* fetch_what: "FAST"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
    break;

  case 161: /* fetch_what: fetch_att  */
                                { struct imap_vec v = {0}; PUSH(v, (yyvsp[0].att));
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
    break;

  case 162: /* fetch_what: '(' fetch_att_list ')'  */
                                { CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = (yyvsp[-1].vec).v; CMD->u.fetch.natts = (yyvsp[-1].vec).n; }
    break;

  case 163: /* fetch_att_list: fetch_att  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 164: /* fetch_att_list: fetch_att_list "SP" fetch_att  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 165: /* fetch_att: "ENVELOPE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
    break;

  case 166: /* fetch_att: "FLAGS"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
    break;

  case 167: /* fetch_att: "INTERNALDATE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
    break;

  case 168: /* fetch_att: "RFC822"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
    break;

  case 169: /* fetch_att: "RFC822.HEADER"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
    break;

  case 170: /* fetch_att: "RFC822.SIZE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
    break;

  case 171: /* fetch_att: "RFC822.TEXT"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
    break;

  case 172: /* fetch_att: "BODY"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
    break;

  case 173: /* fetch_att: "BODYSTRUCTURE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
    break;

  case 174: /* fetch_att: "UID"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
    break;

  case 175: /* fetch_att: "MODSEQ"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_MODSEQ }; NOTE("fetch attribute"); }
    break;

  case 176: /* fetch_att: "BODY[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = (yyvsp[0].section) };
				  NOTE("section"); }
    break;

  case 177: /* fetch_att: "BODY[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 178: /* fetch_att: "BODY.PEEK[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = (yyvsp[0].section) }; NOTE("section"); }
    break;

  case 179: /* fetch_att: "BODY.PEEK[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).peek = true; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 181: /* fetch_att_binary: "BINARY[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 182: /* fetch_att_binary: "BINARY[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 183: /* fetch_att_binary: "BINARY.PEEK[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY, .peek = true,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 184: /* fetch_att_binary: "BINARY.PEEK[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY; (yyval.att).peek = true;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 185: /* fetch_att_binary: "BINARY.SIZE[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY_SIZE,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 186: /* section_binary: ']'  */
                                { (yyval.vec) = (struct imap_vec){0}; }
    break;

  case 187: /* section_binary: section_part ']'  */
                                { (yyval.vec) = (yyvsp[-1].vec); }
    break;

  case 188: /* partial: '<' number '.' nz_number '>'  */
                                { (yyval.att) = (struct imap_fetch_att){ .partial = true,
					.partial_start = (yyvsp[-3].num), .partial_len = (yyvsp[-1].num) }; NOTE("partial"); }
    break;

  case 189: /* section: ']'  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
    break;

  case 190: /* section: section_spec ']'  */
                                { (yyval.section) = (yyvsp[-1].section); }
    break;

  case 191: /* section_spec: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 192: /* section_spec: section_part  */
                                { (yyval.section) = (struct imap_section){ .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n }; }
    break;

  case 193: /* section_spec: section_part '.' section_text  */
                                { (yyval.section) = (yyvsp[0].section); (yyval.section).parts = (yyvsp[-2].vec).v; (yyval.section).nparts = (yyvsp[-2].vec).n; }
    break;

  case 194: /* section_part: nz_number  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 195: /* section_part: section_part '.' nz_number  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 196: /* section_msgtext: "HEADER"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
    break;

  case 197: /* section_msgtext: "HEADER.FIELDS" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 198: /* section_msgtext: "HEADER.FIELDS.NOT" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 199: /* section_msgtext: "TEXT"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
    break;

  case 200: /* section_text: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 201: /* section_text: "MIME"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
    break;

  case 202: /* header_list: '(' header_fld_names ')'  */
                                { (yyval.vec) = (yyvsp[-1].vec); NOTE("header list"); }
    break;

  case 203: /* header_fld_names: header_fld_name  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 204: /* header_fld_names: header_fld_names "SP" header_fld_name  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 205: /* header_fld_name: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("header field name"); }
    break;

  case 206: /* store: "STORE" "SP" sequence_set "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-4].set); }
    break;

  case 207: /* store: "STORE" "SP" sequence_set "SP" store_modifiers "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-6].set); }
    break;

  case 208: /* store_modifiers: '(' store_modifier_list ')'  */
                                { NOTE("store modifiers"); }
    break;

  case 211: /* store_modifier: "UNCHANGEDSINCE" "SP" mod_sequence_valzer  */
                                { if (CMD->u.store.has_unchangedsince) {
					  imap_parse_fail(ctx, "Only one UNCHANGEDSINCE may be given");
					  YYERROR;
				  }
				  CMD->u.store.has_unchangedsince = true; CMD->u.store.unchangedsince = (yyvsp[0].u64); }
    break;

  case 212: /* store_att_flags: "FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); (yyval.op) = 0; }
    break;

  case 213: /* store_att_flags: "FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 214: /* store_att_flags: "+FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); (yyval.op) = 0; }
    break;

  case 215: /* store_att_flags: "+FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 216: /* store_att_flags: "-FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); (yyval.op) = 0; }
    break;

  case 217: /* store_att_flags: "-FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 218: /* store_flags: flag_list  */
                                { CMD->u.store.flags = (yyvsp[0].flags); CMD->u.store.parenthesised = true; }
    break;

  case 219: /* store_flags: flag_seq  */
                                { CMD->u.store.flags = (yyvsp[0].flags); }
    break;

  case 220: /* search: "SEARCH" "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 221: /* search: "SEARCH" "SP" search_return_opts "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 222: /* search_program: search_key_list  */
                { CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 223: /* search_program: "CHARSET" "SP" charset "SP" search_key_list  */
                { CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 224: /* search_return_opts: "RETURN" "SP" '(' ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 225: /* search_return_opts: "RETURN" "SP" '(' search_return_opt_list ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 228: /* search_return_opt: "MIN"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MIN; NOTE("search return option"); }
    break;

  case 229: /* search_return_opt: "MAX"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MAX; NOTE("search return option"); }
    break;

  case 230: /* search_return_opt: "ALL"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_ALL; NOTE("search return option"); }
    break;

  case 231: /* search_return_opt: "COUNT"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_COUNT; NOTE("search return option"); }
    break;

  case 232: /* search_return_opt: "SAVE"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_SAVE; NOTE("search return option"); }
    break;

  case 233: /* charset: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("charset name"); }
    break;

  case 234: /* search_key_list: search_key  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 235: /* search_key_list: search_key_list "SP" search_key  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 236: /* search_key: search_key_1  */
                                { (yyval.key) = (yyvsp[0].key); NOTE("search key"); }
    break;

  case 237: /* search_key_1: "ALL"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ALL)); }
    break;

  case 238: /* search_key_1: "ANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
    break;

  case 239: /* search_key_1: "BCC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BCC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 240: /* search_key_1: "BEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 241: /* search_key_1: "BODY" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BODY)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 242: /* search_key_1: "CC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_CC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 243: /* search_key_1: "DELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DELETED)); }
    break;

  case 244: /* search_key_1: "FLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
    break;

  case 245: /* search_key_1: "FROM" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FROM)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 246: /* search_key_1: "KEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_KEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 247: /* search_key_1: "NEW"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NEW)); }
    break;

  case 248: /* search_key_1: "OLD"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OLD)); }
    break;

  case 249: /* search_key_1: "ON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 250: /* search_key_1: "RECENT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_RECENT)); }
    break;

  case 251: /* search_key_1: "SEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEEN)); }
    break;

  case 252: /* search_key_1: "SINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 253: /* search_key_1: "SUBJECT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SUBJECT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 254: /* search_key_1: "TEXT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TEXT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 255: /* search_key_1: "TO" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TO)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 256: /* search_key_1: "UNANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
    break;

  case 257: /* search_key_1: "UNDELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
    break;

  case 258: /* search_key_1: "UNFLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
    break;

  case 259: /* search_key_1: "UNKEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 260: /* search_key_1: "UNSEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
    break;

  case 261: /* search_key_1: "DRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DRAFT)); }
    break;

  case 262: /* search_key_1: "HEADER" "SP" header_fld_name "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_HEADER)); (yyval.key)->field = (yyvsp[-2].str); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 263: /* search_key_1: "LARGER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LARGER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 264: /* search_key_1: "NOT" "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NOT)); (yyval.key)->sub[0] = (yyvsp[0].key); }
    break;

  case 265: /* search_key_1: "OR" "SP" search_key "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OR)); (yyval.key)->sub[0] = (yyvsp[-2].key); (yyval.key)->sub[1] = (yyvsp[0].key); }
    break;

  case 266: /* search_key_1: "SENTBEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 267: /* search_key_1: "SENTON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 268: /* search_key_1: "SENTSINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTSINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 269: /* search_key_1: "SMALLER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SMALLER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 270: /* search_key_1: "UID" "SP" sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UID)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 271: /* search_key_1: "UNDRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
    break;

  case 272: /* search_key_1: "MODSEQ" "SP" mod_sequence_valzer  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_MODSEQ)); (yyval.key)->modseq = (yyvsp[0].u64); }
    break;

  case 273: /* search_key_1: "MODSEQ" "SP" "quoted string" "SP" atom "SP" mod_sequence_valzer  */
                                { CHECK(imap_build_modseq_entry(ctx, &(yyvsp[-4].tok), &(yyvsp[-2].str)));
				  CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_MODSEQ)); (yyval.key)->modseq = (yyvsp[0].u64); }
    break;

  case 274: /* search_key_1: sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEQSET)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 275: /* search_key_1: '(' search_key_list ')'  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LIST));
				  (yyval.key)->list = (yyvsp[-1].vec).v; (yyval.key)->nlist = (yyvsp[-1].vec).n; }
    break;

  case 276: /* mod_sequence_value: "number"  */
                                { CHECK(imap_build_modseq(ctx, &(yyvsp[0].tok), false, &(yyval.u64))); NOTE("mod-sequence"); }
    break;

  case 277: /* mod_sequence_valzer: "number"  */
                                { CHECK(imap_build_modseq(ctx, &(yyvsp[0].tok), true, &(yyval.u64))); NOTE("mod-sequence"); }
    break;

  case 278: /* sequence_set: "number"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 279: /* sequence_set: "sequence set"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 280: /* sequence_set: "sequence set with *"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 281: /* sequence_set: "$"  */
                                { (yyval.set) = (struct imap_seq_set){ .saved = true }; NOTE("sequence set"); }
    break;

  case 282: /* mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox name"); }
    break;

  case 283: /* list_mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox pattern"); }
    break;

  case 284: /* list_mailbox: "mailbox pattern"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 285: /* list_mailbox: "sequence set with *"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 286: /* astring: atom  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 287: /* astring: "astring"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 288: /* astring: string  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 289: /* string: "quoted string"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_QUOTED); }
    break;

  case 290: /* string: "literal"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL); }
    break;

  case 291: /* atom: "atom"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 292: /* atom: "number"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 293: /* atom: "sequence set"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 294: /* atom: "date"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 295: /* atom: "$"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 296: /* atom: keyword  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 363: /* flag_list: '(' ')'  */
                                { (yyval.flags) = (struct imap_flags){0}; NOTE("flag list"); }
    break;

  case 364: /* flag_list: '(' flag_seq ')'  */
                                { (yyval.flags) = (yyvsp[-1].flags); NOTE("flag list"); }
    break;

  case 365: /* flag_seq: flag  */
                                { (yyval.flags) = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 366: /* flag_seq: flag_seq "SP" flag  */
                                { (yyval.flags) = (yyvsp[-2].flags);
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 367: /* flag: "flag"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("flag"); }
    break;

  case 368: /* flag: flag_keyword  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 369: /* flag_keyword: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("flag keyword"); }
    break;

  case 370: /* date: "date"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 371: /* date: "quoted string"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 372: /* date_time: "quoted string"  */
                                { CHECK(imap_build_datetime(ctx, &(yyvsp[0].tok), &(yyval.datetime))); NOTE("date-time"); }
    break;

  case 373: /* number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), false, &(yyval.num))); NOTE("number"); }
    break;

  case 374: /* nz_number: "number"  */
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
