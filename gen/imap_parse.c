/* generated from grammar/imap.y (grammar sha256 8d6ba3a94765747b968f0b0dd4ff5cbbaf649c93d749c9b36068648a118e65b3), do not edit: run make gen */
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
  YYSYMBOL_T_BODY_SECTION = 115,           /* "BODY["  */
  YYSYMBOL_T_BODY_PEEK_SECTION = 116,      /* "BODY.PEEK["  */
  YYSYMBOL_K_HEADER_FIELDS = 117,          /* "HEADER.FIELDS"  */
  YYSYMBOL_K_HEADER_FIELDS_NOT = 118,      /* "HEADER.FIELDS.NOT"  */
  YYSYMBOL_K_MIME = 119,                   /* "MIME"  */
  YYSYMBOL_120_ = 120,                     /* '('  */
  YYSYMBOL_121_ = 121,                     /* ')'  */
  YYSYMBOL_122_ = 122,                     /* ']'  */
  YYSYMBOL_123_ = 123,                     /* '<'  */
  YYSYMBOL_124_ = 124,                     /* '.'  */
  YYSYMBOL_125_ = 125,                     /* '>'  */
  YYSYMBOL_YYACCEPT = 126,                 /* $accept  */
  YYSYMBOL_command = 127,                  /* command  */
  YYSYMBOL_128_1 = 128,                    /* $@1  */
  YYSYMBOL_command_body = 129,             /* command_body  */
  YYSYMBOL_command_any = 130,              /* command_any  */
  YYSYMBOL_x_command = 131,                /* x_command  */
  YYSYMBOL_x_args = 132,                   /* x_args  */
  YYSYMBOL_unknown_command = 133,          /* unknown_command  */
  YYSYMBOL_command_nonauth = 134,          /* command_nonauth  */
  YYSYMBOL_command_auth = 135,             /* command_auth  */
  YYSYMBOL_idle = 136,                     /* idle  */
  YYSYMBOL_compress = 137,                 /* compress  */
  YYSYMBOL_namespace = 138,                /* namespace  */
  YYSYMBOL_enable = 139,                   /* enable  */
  YYSYMBOL_enable_caps = 140,              /* enable_caps  */
  YYSYMBOL_id = 141,                       /* id  */
  YYSYMBOL_id_params_list = 142,           /* id_params_list  */
  YYSYMBOL_id_pairs = 143,                 /* id_pairs  */
  YYSYMBOL_id_nstring = 144,               /* id_nstring  */
  YYSYMBOL_unselect = 145,                 /* unselect  */
  YYSYMBOL_command_select = 146,           /* command_select  */
  YYSYMBOL_uid = 147,                      /* uid  */
  YYSYMBOL_148_2 = 148,                    /* $@2  */
  YYSYMBOL_uid_command = 149,              /* uid_command  */
  YYSYMBOL_uid_expunge = 150,              /* uid_expunge  */
  YYSYMBOL_login = 151,                    /* login  */
  YYSYMBOL_userid = 152,                   /* userid  */
  YYSYMBOL_password = 153,                 /* password  */
  YYSYMBOL_authenticate = 154,             /* authenticate  */
  YYSYMBOL_initial_response = 155,         /* initial_response  */
  YYSYMBOL_auth_type = 156,                /* auth_type  */
  YYSYMBOL_append = 157,                   /* append  */
  YYSYMBOL_append_rest = 158,              /* append_rest  */
  YYSYMBOL_append_message = 159,           /* append_message  */
  YYSYMBOL_create = 160,                   /* create  */
  YYSYMBOL_create_params = 161,            /* create_params  */
  YYSYMBOL_create_param_list = 162,        /* create_param_list  */
  YYSYMBOL_create_param = 163,             /* create_param  */
  YYSYMBOL_create_param_name = 164,        /* create_param_name  */
  YYSYMBOL_use_attrs = 165,                /* use_attrs  */
  YYSYMBOL_use_attr_list = 166,            /* use_attr_list  */
  YYSYMBOL_delete = 167,                   /* delete  */
  YYSYMBOL_examine = 168,                  /* examine  */
  YYSYMBOL_list = 169,                     /* list  */
  YYSYMBOL_list_return_tail = 170,         /* list_return_tail  */
  YYSYMBOL_list_select_opts = 171,         /* list_select_opts  */
  YYSYMBOL_list_select_seq = 172,          /* list_select_seq  */
  YYSYMBOL_list_patterns = 173,            /* list_patterns  */
  YYSYMBOL_list_pattern_seq = 174,         /* list_pattern_seq  */
  YYSYMBOL_list_return_opts = 175,         /* list_return_opts  */
  YYSYMBOL_list_return_word = 176,         /* list_return_word  */
  YYSYMBOL_list_return_body = 177,         /* list_return_body  */
  YYSYMBOL_list_return_seq = 178,          /* list_return_seq  */
  YYSYMBOL_list_return_item = 179,         /* list_return_item  */
  YYSYMBOL_180_3 = 180,                    /* $@3  */
  YYSYMBOL_lsub = 181,                     /* lsub  */
  YYSYMBOL_rename = 182,                   /* rename  */
  YYSYMBOL_select = 183,                   /* select  */
  YYSYMBOL_status = 184,                   /* status  */
  YYSYMBOL_status_att_list = 185,          /* status_att_list  */
  YYSYMBOL_status_att = 186,               /* status_att  */
  YYSYMBOL_subscribe = 187,                /* subscribe  */
  YYSYMBOL_unsubscribe = 188,              /* unsubscribe  */
  YYSYMBOL_copy = 189,                     /* copy  */
  YYSYMBOL_move = 190,                     /* move  */
  YYSYMBOL_fetch = 191,                    /* fetch  */
  YYSYMBOL_fetch_what = 192,               /* fetch_what  */
  YYSYMBOL_fetch_att_list = 193,           /* fetch_att_list  */
  YYSYMBOL_fetch_att = 194,                /* fetch_att  */
  YYSYMBOL_fetch_att_binary = 195,         /* fetch_att_binary  */
  YYSYMBOL_section_binary = 196,           /* section_binary  */
  YYSYMBOL_partial = 197,                  /* partial  */
  YYSYMBOL_section = 198,                  /* section  */
  YYSYMBOL_section_spec = 199,             /* section_spec  */
  YYSYMBOL_section_part = 200,             /* section_part  */
  YYSYMBOL_section_msgtext = 201,          /* section_msgtext  */
  YYSYMBOL_section_text = 202,             /* section_text  */
  YYSYMBOL_header_list = 203,              /* header_list  */
  YYSYMBOL_header_fld_names = 204,         /* header_fld_names  */
  YYSYMBOL_header_fld_name = 205,          /* header_fld_name  */
  YYSYMBOL_store = 206,                    /* store  */
  YYSYMBOL_store_att_flags = 207,          /* store_att_flags  */
  YYSYMBOL_store_flags = 208,              /* store_flags  */
  YYSYMBOL_search = 209,                   /* search  */
  YYSYMBOL_search_program = 210,           /* search_program  */
  YYSYMBOL_search_return_opts = 211,       /* search_return_opts  */
  YYSYMBOL_search_return_opt_list = 212,   /* search_return_opt_list  */
  YYSYMBOL_search_return_opt = 213,        /* search_return_opt  */
  YYSYMBOL_charset = 214,                  /* charset  */
  YYSYMBOL_search_key_list = 215,          /* search_key_list  */
  YYSYMBOL_search_key = 216,               /* search_key  */
  YYSYMBOL_search_key_1 = 217,             /* search_key_1  */
  YYSYMBOL_sequence_set = 218,             /* sequence_set  */
  YYSYMBOL_mailbox = 219,                  /* mailbox  */
  YYSYMBOL_list_mailbox = 220,             /* list_mailbox  */
  YYSYMBOL_astring = 221,                  /* astring  */
  YYSYMBOL_string = 222,                   /* string  */
  YYSYMBOL_atom = 223,                     /* atom  */
  YYSYMBOL_keyword = 224,                  /* keyword  */
  YYSYMBOL_flag_list = 225,                /* flag_list  */
  YYSYMBOL_flag_seq = 226,                 /* flag_seq  */
  YYSYMBOL_flag = 227,                     /* flag  */
  YYSYMBOL_flag_keyword = 228,             /* flag_keyword  */
  YYSYMBOL_date = 229,                     /* date  */
  YYSYMBOL_date_time = 230,                /* date_time  */
  YYSYMBOL_number = 231,                   /* number  */
  YYSYMBOL_nz_number = 232                 /* nz_number  */
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
#define YYLAST   1728

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  126
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  107
/* YYNRULES -- Number of rules.  */
#define YYNRULES  338
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  544

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   374


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     120,   121,     2,     2,     2,     2,   124,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     123,     2,   125,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,   122,     2,     2,     2,     2,     2,     2,
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
     115,   116,   117,   118,   119
};

#if IMAP_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   152,   152,   152,   156,   157,   158,   159,   160,   165,
     166,   167,   168,   169,   175,   180,   181,   184,   191,   197,
     198,   199,   205,   205,   205,   205,   205,   205,   205,   205,
     206,   206,   206,   206,   206,   207,   207,   214,   221,   230,
     239,   243,   244,   253,   257,   258,   259,   263,   264,   270,
     271,   279,   285,   286,   287,   288,   288,   288,   288,   289,
     290,   291,   296,   296,   300,   300,   300,   300,   301,   302,
     307,   315,   322,   327,   334,   337,   346,   351,   361,   366,
     367,   369,   371,   377,   381,   389,   390,   398,   403,   404,
     412,   416,   423,   424,   428,   429,   435,   440,   450,   453,
     457,   461,   465,   474,   475,   485,   486,   492,   493,   499,
     504,   505,   516,   523,   524,   528,   529,   533,   534,   538,
     539,   539,   545,   553,   560,   565,   570,   571,   578,   579,
     580,   581,   582,   585,   590,   595,   603,   614,   622,   627,
     628,   629,   630,   632,   638,   639,   649,   650,   651,   652,
     653,   654,   655,   656,   657,   658,   659,   662,   664,   667,
     669,   678,   681,   684,   687,   690,   697,   698,   703,   714,
     715,   720,   721,   722,   728,   729,   736,   737,   740,   743,
     748,   749,   754,   759,   760,   766,   771,   779,   780,   781,
     782,   783,   784,   788,   789,   797,   799,   806,   810,   822,
     823,   828,   829,   837,   838,   839,   840,   841,   846,   850,
     851,   869,   873,   874,   875,   876,   877,   878,   879,   880,
     881,   882,   884,   885,   886,   887,   888,   889,   890,   891,
     892,   893,   894,   895,   896,   898,   899,   900,   902,   903,
     904,   906,   907,   908,   909,   910,   911,   912,   913,   925,
     926,   927,   929,   935,   941,   942,   943,   950,   951,   952,
     957,   958,   964,   965,   966,   967,   968,   969,   975,   975,
     975,   975,   975,   975,   975,   976,   976,   976,   976,   977,
     977,   977,   977,   977,   977,   978,   978,   978,   978,   978,
     978,   979,   979,   979,   979,   979,   979,   979,   979,   980,
     980,   980,   980,   980,   980,   981,   981,   981,   981,   981,
     981,   982,   982,   982,   982,   982,   983,   983,   983,   983,
     984,   984,   986,   986,   986,   986,   986,   992,   993,   997,
     999,  1008,  1009,  1014,  1020,  1021,  1027,  1032,  1037
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
  "+FLAGS.SILENT", "-FLAGS.SILENT", "BODY[", "BODY.PEEK[", "HEADER.FIELDS",
  "HEADER.FIELDS.NOT", "MIME", "'('", "')'", "']'", "'<'", "'.'", "'>'",
  "$accept", "command", "$@1", "command_body", "command_any", "x_command",
  "x_args", "unknown_command", "command_nonauth", "command_auth", "idle",
  "compress", "namespace", "enable", "enable_caps", "id", "id_params_list",
  "id_pairs", "id_nstring", "unselect", "command_select", "uid", "$@2",
  "uid_command", "uid_expunge", "login", "userid", "password",
  "authenticate", "initial_response", "auth_type", "append", "append_rest",
  "append_message", "create", "create_params", "create_param_list",
  "create_param", "create_param_name", "use_attrs", "use_attr_list",
  "delete", "examine", "list", "list_return_tail", "list_select_opts",
  "list_select_seq", "list_patterns", "list_pattern_seq",
  "list_return_opts", "list_return_word", "list_return_body",
  "list_return_seq", "list_return_item", "$@3", "lsub", "rename", "select",
  "status", "status_att_list", "status_att", "subscribe", "unsubscribe",
  "copy", "move", "fetch", "fetch_what", "fetch_att_list", "fetch_att",
  "fetch_att_binary", "section_binary", "partial", "section",
  "section_spec", "section_part", "section_msgtext", "section_text",
  "header_list", "header_fld_names", "header_fld_name", "store",
  "store_att_flags", "store_flags", "search", "search_program",
  "search_return_opts", "search_return_opt_list", "search_return_opt",
  "charset", "search_key_list", "search_key", "search_key_1",
  "sequence_set", "mailbox", "list_mailbox", "astring", "string", "atom",
  "keyword", "flag_list", "flag_seq", "flag", "flag_keyword", "date",
  "date_time", "number", "nz_number", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-478)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      17,  -478,    16,    51,  -478,  1677,  -478,  -478,    56,    65,
    -478,  -478,  -478,    69,    80,    84,    88,  -478,    90,   113,
     116,  -478,   124,  -478,   139,   150,   155,  -478,   159,   173,
     181,   185,   187,  -478,   192,  -478,   194,  -478,   195,   196,
      18,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,    55,  1233,  1566,    66,  1233,  1233,  1233,    66,
     625,  1233,  1233,  1233,   188,  1233,  1233,    66,  1233,  1233,
    -478,  1566,   847,  1566,   199,    66,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,   201,  -478,  -478,  -478,
    -478,   203,  -478,  -478,  -478,  -478,  -478,   204,   205,  -478,
    -478,   207,     8,   208,   209,   210,  -478,   211,   219,   221,
     222,  -478,   223,  -478,   224,   225,   227,  -478,  -478,  -478,
     228,   229,   230,   233,  -478,   235,  -478,   236,   237,  -478,
    -478,   239,   240,   243,   277,   278,   279,   280,   281,  -478,
    -478,  -478,  -478,   282,  -478,   283,  1020,  -478,   284,   285,
    -478,  -478,  -478,  -478,   286,   287,  -478,  -478,   179,  -478,
       7,  -478,  -478,  -478,  1566,   288,    33,  1566,  1233,   -66,
     265,  -478,  -478,    14,  1233,   512,  1233,  1122,  1233,    66,
      86,  1233,  1233,    74,  1233,  1233,  1233,  1566,   117,  1020,
      74,  1020,    74,    74,    74,    74,   117,  1233,  1233,  1233,
    1566,  1233,    25,   957,  1020,   190,    -1,   289,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,    28,   293,  -478,  1233,
    -478,  -478,  -478,   394,  -478,  -478,   294,   295,  -478,  -478,
    -478,   310,  -478,  -478,    10,    10,    10,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,     2,
       2,    24,  -478,  -478,  -478,   312,  -478,   302,  -478,  -478,
    1122,   303,   304,  -478,  -478,  -478,  -478,  -478,  -478,     4,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,   305,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,   306,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,   307,  -478,  -478,  -478,  -478,
      36,  -478,  -478,  -478,  -478,  -478,  -478,   321,    66,   104,
    -478,  1344,  -478,  -478,  -478,    30,  -478,  -478,    68,    92,
    -478,    34,  -478,   322,  -478,  -478,   218,   -19,  -478,   218,
    -478,  -478,  -478,   324,   326,  -478,   218,   226,   231,  -478,
     218,    35,  -478,  -478,   512,    37,  -478,    43,  -478,    43,
    -478,  -478,  -478,  -478,  -478,  -478,    38,  -478,  1233,  1020,
    1020,  -478,  -478,  -478,  -478,  -478,  -478,    39,  -478,   736,
    -478,   327,  -478,  -478,  -478,  1455,  -478,  -478,   328,  -478,
     310,  -478,   232,   117,  -478,  -478,   342,  -478,   234,   234,
    -478,  -478,    19,  -478,    24,  -478,   303,   303,  1122,  -478,
    -478,  -478,  -478,   331,  -478,   107,  -478,  -478,  -478,   285,
      36,  -478,  -478,  -478,   332,  1344,  -478,    92,  -478,     0,
     238,  -478,  1233,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,   241,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
      40,   342,    41,  -478,    13,   338,  -478,   242,  1233,  -478,
    -478,  -478,   244,   335,  -478,  -478,  -478,  -478,    36,  -478,
      13,    42,  -478,  -478
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
      62,     0,     0,     0,    40,     0,     3,    17,    16,   262,
     263,   264,   265,   258,   260,   261,   280,   322,   323,   324,
     325,   326,   266,   268,   269,   270,   271,   272,   273,   274,
     275,   276,   277,   278,   279,   281,   282,   283,   284,   285,
     286,   287,   288,   289,   290,   291,   292,   293,   294,   295,
     296,   297,   298,   299,   300,   301,   302,   303,   304,   305,
     306,   307,   308,   309,   310,   311,   312,   313,   314,   315,
     316,   317,   318,   319,   320,   321,     0,   253,   259,   257,
     267,    74,    77,   249,   250,   251,   252,     0,    85,    96,
      97,     0,     0,     0,     0,     0,    72,     0,     0,     0,
       0,   212,     0,   213,     0,     0,     0,   218,   236,   219,
       0,     0,     0,     0,   222,     0,   223,     0,     0,   225,
     226,     0,     0,     0,     0,     0,     0,     0,     0,   231,
     232,   246,   233,     0,   235,     0,     0,   195,     0,   197,
     209,   211,   247,   124,     0,     0,   134,   135,     0,    38,
       0,    43,    46,    41,     0,     0,     0,     0,     0,     0,
       0,   107,   105,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,    63,    68,
      64,    69,    65,    67,    66,    44,     0,     0,    42,     0,
     336,    83,    84,     0,    78,    79,     0,     0,    75,    76,
     136,     0,    86,   155,     0,     0,     0,   139,   141,   140,
     146,   147,   148,   149,   150,   151,   152,   153,   154,     0,
       0,     0,   138,   142,   160,     0,   106,     0,   256,   255,
       0,   103,    98,   254,    71,    73,   122,   123,   245,     0,
     216,   214,   334,   335,   215,   217,   220,     0,   185,   333,
     221,   337,   238,   239,   224,     0,   241,   242,   243,   227,
     244,   228,   229,   230,   234,     0,   208,   248,   196,   210,
       0,   187,   189,   191,   188,   190,   192,     0,     0,     0,
      45,     0,   137,   331,   327,     0,   329,   332,     0,     0,
      91,     0,    88,     0,   338,   166,   161,     0,   174,   163,
     165,   176,   179,     0,     0,   169,   156,     0,   172,   171,
     158,     0,   144,   108,     0,     0,   110,     0,   100,     0,
     203,   204,   206,   207,   205,   199,     0,   201,     0,     0,
       0,   133,   129,   132,   128,   130,   131,     0,   126,     0,
      70,     0,    47,    49,    50,     0,   328,    80,     0,    81,
       0,    87,     0,     0,   162,   167,     0,   164,     0,     0,
     157,   170,     0,   159,     0,   143,   103,   103,     0,   109,
     114,   113,   104,     0,    99,     0,   200,   237,   240,   198,
       0,   125,   186,   193,   194,     0,   330,     0,    89,     0,
       0,   175,     0,   177,   178,   181,   180,   173,   145,   102,
     101,   111,     0,   202,   127,    48,    82,    94,    92,    90,
       0,     0,     0,   183,   115,     0,    93,     0,     0,   182,
     119,   120,     0,   116,   117,    95,   168,   184,     0,   112,
       0,     0,   118,   121
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -139,  -478,
    -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,  -478,
    -478,  -478,  -478,  -349,  -478,  -478,  -478,  -102,  -478,  -478,
    -478,  -478,  -478,  -478,  -305,  -478,  -478,   -64,  -478,   -70,
    -478,  -478,  -478,  -177,  -478,  -478,  -478,  -478,  -478,  -174,
    -124,  -478,  -478,   130,   131,   132,  -478,  -478,  -320,  -478,
    -128,  -302,    44,  -478,  -140,  -101,  -478,   -97,  -478,  -477,
     135,  -478,  -478,   137,    93,  -478,  -478,  -108,  -478,  -222,
    -261,  -478,   -73,   -47,  -254,   -81,  -239,   -65,  -478,   -71,
     -67,   -76,  -246,   -39,   -15,  -271,  -391
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int16 yydefgoto[] =
{
       0,     2,     3,    40,    41,    42,    72,    43,    44,    45,
      46,    47,    48,    49,    94,    50,   241,   296,   452,    51,
      52,    53,   238,   288,   289,    54,   185,   344,    55,   308,
     171,    56,   304,   305,    57,   312,   401,   402,   403,   519,
     520,    58,    59,    60,   428,   183,   253,   341,   425,   482,
     483,   532,   533,   534,   538,    61,    62,    63,    64,   447,
     448,    65,    66,    67,    68,    69,   332,   421,   333,   334,
     406,   464,   416,   417,   407,   419,   507,   503,   522,   357,
      70,   387,   492,    71,   227,   228,   436,   437,   375,   229,
     230,   231,   232,   166,   342,   167,   168,   169,   170,   306,
     395,   396,   397,   354,   307,   362,   408
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
     186,   297,   177,   346,   282,   370,   181,   404,   363,   172,
     365,   422,   251,   517,   235,   404,     4,   530,   104,   105,
       1,   360,   245,   379,   404,   523,   239,   242,   243,   178,
     179,   180,   335,   184,   374,   187,   188,    96,   233,   234,
     441,   236,   237,   284,   300,   301,   389,   480,   455,   457,
     459,   537,   460,   474,   311,   478,   485,   490,   525,   528,
     490,   430,   431,   432,   433,   381,   434,    97,   313,     5,
      98,   173,   174,   175,    73,   501,   314,   315,   316,   300,
     301,   501,   352,    74,   411,   353,   426,    75,   302,   320,
     321,   322,   323,   324,   325,   326,   327,   328,    76,   481,
     412,   411,    77,   465,   301,   466,    78,   467,    79,   382,
     383,   384,   385,   386,   470,   104,   105,   412,   473,   413,
     414,   518,   361,   302,   415,   435,   442,   176,   295,   252,
     527,    80,   405,   531,    81,   336,   413,   414,   505,   329,
     330,   443,    82,   444,   445,   446,   377,   302,   516,   390,
     451,   456,   453,   303,   508,   461,   475,    83,   479,   486,
     491,   526,   529,   543,   430,   431,   432,   433,    84,   434,
     477,   509,   510,    85,   343,   345,   343,    86,   488,   298,
     350,   351,   309,   355,   356,   358,   348,   409,   410,   418,
     418,    87,   500,   173,   174,   175,   371,   372,   373,    88,
     376,   310,   359,    89,    13,    90,   349,   337,   287,    18,
      91,   347,    92,    93,    95,   359,    25,   244,   489,   246,
      29,   247,   248,   249,   511,   250,   254,   255,   256,   257,
      39,   364,   189,   366,   367,   368,   369,   258,   359,   259,
     260,   261,   262,   263,   190,   264,   265,   266,   267,   176,
     191,   268,   392,   269,   270,   271,   453,   272,   273,   343,
     192,   274,   193,   194,   195,   196,   197,   198,   199,   200,
     201,   202,   203,   204,   205,   206,   207,   208,   209,   210,
     211,   212,   213,   214,   215,   216,   217,   218,   219,   220,
     221,   222,   223,   224,   225,   275,   276,   277,   278,   279,
     280,   281,   283,   284,   285,   286,   299,   388,   226,   313,
     380,   391,   398,   399,   400,   450,   423,   314,   315,   316,
     424,   427,   429,   438,   439,   440,   454,   317,   318,   319,
     320,   321,   322,   323,   324,   325,   326,   327,   328,   449,
     462,   463,   468,   343,   469,   495,   497,   404,   471,   512,
     455,   535,   499,   540,   502,   472,   515,   487,   498,   484,
     476,   524,   521,   542,   541,   539,   514,   536,   290,   291,
     292,   506,   504,   293,   420,   294,   378,   513,   493,   496,
     329,   330,   494,   458,   359,   331,     0,     0,     0,     0,
     359,     0,     0,     0,     0,     0,     0,   343,    99,   100,
     101,     0,   102,     0,     0,     0,     0,   393,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   358,     0,     0,     0,     0,     0,     0,     0,     0,
     454,     0,     0,     0,     0,     0,     0,     0,   106,     0,
       0,     0,     0,     0,     0,     0,     0,   358,     0,     0,
     107,   108,   109,   110,   111,   112,   113,   114,   115,   116,
     117,   118,   119,   120,   121,   122,   123,   124,   125,   126,
     127,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,     0,
       0,     0,     0,     0,     0,   394,    99,   100,   101,   338,
     102,   103,   339,   104,   105,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   106,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,   127,   128,
     129,   130,   131,   132,   133,   134,   135,   136,   137,   138,
     139,   140,   141,   142,   143,   144,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   155,   156,   157,   158,
     159,   160,   161,   162,   163,   164,   165,     0,     0,    99,
     100,   101,   340,   102,   103,     0,   104,   105,     0,     0,
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
      99,   100,   101,     0,   102,   182,     0,     0,     0,   393,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     106,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,   127,   128,   129,   130,   131,   132,   133,   134,
     135,   136,   137,   138,   139,   140,   141,   142,   143,   144,
     145,   146,   147,   148,   149,   150,   151,   152,   153,   154,
     155,   156,   157,   158,   159,   160,   161,   162,   163,   164,
     165,    99,   100,   101,     0,   102,   303,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   106,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,   141,   142,   143,
     144,   145,   146,   147,   148,   149,   150,   151,   152,   153,
     154,   155,   156,   157,   158,   159,   160,   161,   162,   163,
     164,   165,   173,   174,   175,     0,     0,   240,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,   189,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   176,   191,
       0,     0,     0,     0,     0,   173,   174,   175,     0,   192,
       0,   193,   194,   195,   196,   197,   198,   199,   200,   201,
     202,   203,   204,   205,   206,   207,   208,   209,   210,   211,
     212,   213,   214,   215,   216,   217,   218,   219,   220,   221,
     222,   223,   224,   225,   189,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   226,     0,     0,
       0,   176,   191,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   192,     0,   193,   194,   195,   196,   197,   198,
     199,   200,   201,   202,   203,   204,   205,   206,   207,   208,
     209,   210,   211,   212,   213,   214,   215,   216,   217,   218,
     219,   220,   221,   222,   223,   224,    99,   100,   101,   338,
     102,   103,   339,   104,   105,     0,     0,     0,     0,     0,
     226,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   106,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,   127,   128,
     129,   130,   131,   132,   133,   134,   135,   136,   137,   138,
     139,   140,   141,   142,   143,   144,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   155,   156,   157,   158,
     159,   160,   161,   162,   163,   164,   165,    99,   100,   101,
       0,   102,   103,     0,   104,   105,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   106,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,   127,
     128,   129,   130,   131,   132,   133,   134,   135,   136,   137,
     138,   139,   140,   141,   142,   143,   144,   145,   146,   147,
     148,   149,   150,   151,   152,   153,   154,   155,   156,   157,
     158,   159,   160,   161,   162,   163,   164,   165,    99,   100,
     101,     0,   102,     0,     0,   104,   105,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   106,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     107,   108,   109,   110,   111,   112,   113,   114,   115,   116,
     117,   118,   119,   120,   121,   122,   123,   124,   125,   126,
     127,   128,   129,   130,   131,   132,   133,   134,   135,   136,
     137,   138,   139,   140,   141,   142,   143,   144,   145,   146,
     147,   148,   149,   150,   151,   152,   153,   154,   155,   156,
     157,   158,   159,   160,   161,   162,   163,   164,   165,    99,
     100,   101,     0,   102,     0,     0,     0,     0,   393,     0,
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
      99,   100,   101,     0,   102,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
     106,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,   127,   128,   129,   130,   131,   132,   133,   134,
     135,   136,   137,   138,   139,   140,   141,   142,   143,   144,
     145,   146,   147,   148,   149,   150,   151,   152,   153,   154,
     155,   156,   157,   158,   159,   160,   161,   162,   163,   164,
     165,     6,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     7,     0,     0,     0,     0,     0,     8,     9,    10,
      11,    12,    13,    14,    15,    16,    17,    18,    19,    20,
      21,    22,    23,    24,    25,    26,    27,    28,    29,    30,
      31,    32,    33,    34,    35,    36,    37,    38,    39
};

static const yytype_int16 yycheck[] =
{
      81,   240,    75,   257,   226,   276,    79,     5,   269,    74,
     271,   331,     4,    13,    87,     5,     0,     4,    11,    12,
       3,   267,    95,   284,     5,   502,    91,    92,    93,    76,
      77,    78,    18,    80,   280,    82,    83,    19,    85,    86,
       4,    88,    89,    18,    11,    12,    18,     4,    18,   398,
     399,   528,    18,    18,   120,    18,    18,    18,    18,    18,
      18,    57,    58,    59,    60,    66,    62,    12,    44,    18,
      15,     5,     6,     7,    18,   466,    52,    53,    54,    11,
      12,   472,     8,    18,    82,    11,   340,    18,    55,    65,
      66,    67,    68,    69,    70,    71,    72,    73,    18,    56,
      98,    82,    18,   122,    12,   124,    18,   409,    18,   110,
     111,   112,   113,   114,   416,    11,    12,    98,   420,   117,
     118,   121,     5,    55,   122,   121,    90,    61,   121,   121,
     521,    18,   122,   120,    18,   121,   117,   118,   119,   115,
     116,   105,    18,   107,   108,   109,   121,    55,   497,   121,
     389,   121,   391,   120,   474,   121,   121,    18,   121,   121,
     121,   121,   121,   121,    57,    58,    59,    60,    18,    62,
     424,   476,   477,    18,   255,   256,   257,    18,   439,   244,
     261,   262,   247,   264,   265,   266,   259,   315,   316,   329,
     330,    18,   463,     5,     6,     7,   277,   278,   279,    18,
     281,   248,   267,    18,    25,    18,   120,   254,    29,    30,
      18,   258,    18,    18,    18,   280,    37,    18,   440,    18,
      41,    18,    18,    18,   478,    18,    18,    18,    18,    18,
      51,   270,    44,   272,   273,   274,   275,    18,   303,    18,
      18,    18,    18,    18,    56,    18,    18,    18,    18,    61,
      62,    18,   299,    18,    18,    18,   495,    18,    18,   340,
      72,    18,    74,    75,    76,    77,    78,    79,    80,    81,
      82,    83,    84,    85,    86,    87,    88,    89,    90,    91,
      92,    93,    94,    95,    96,    97,    98,    99,   100,   101,
     102,   103,   104,   105,   106,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,   120,    44,
     120,    18,    18,    18,     4,   388,     4,    52,    53,    54,
      18,    18,    18,    18,    18,    18,   391,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    18,
      18,   123,    18,   424,    18,    18,    18,     5,   122,    18,
      18,    13,   120,    18,   120,   124,   495,   438,   460,   429,
     424,   120,   124,   540,   538,   121,   490,   125,   238,   238,
     238,   472,   469,   238,   330,   238,   283,   485,   449,   455,
     115,   116,   449,   398,   449,   120,    -1,    -1,    -1,    -1,
     455,    -1,    -1,    -1,    -1,    -1,    -1,   478,     4,     5,
       6,    -1,     8,    -1,    -1,    -1,    -1,    13,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,   502,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
     495,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   528,    -1,    -1,
      56,    57,    58,    59,    60,    61,    62,    63,    64,    65,
      66,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,    -1,
      -1,    -1,    -1,    -1,    -1,   121,     4,     5,     6,     7,
       8,     9,    10,    11,    12,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,
      58,    59,    60,    61,    62,    63,    64,    65,    66,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,    -1,    -1,     4,
       5,     6,   120,     8,     9,    -1,    11,    12,    -1,    -1,
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
       4,     5,     6,    -1,     8,   120,    -1,    -1,    -1,    13,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    56,    57,    58,    59,    60,    61,    62,    63,
      64,    65,    66,    67,    68,    69,    70,    71,    72,    73,
      74,    75,    76,    77,    78,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   112,   113,
     114,     4,     5,     6,    -1,     8,   120,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    56,    57,    58,    59,    60,    61,    62,
      63,    64,    65,    66,    67,    68,    69,    70,    71,    72,
      73,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,    98,    99,   100,   101,   102,
     103,   104,   105,   106,   107,   108,   109,   110,   111,   112,
     113,   114,     5,     6,     7,    -1,    -1,   120,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    61,    62,
      -1,    -1,    -1,    -1,    -1,     5,     6,     7,    -1,    72,
      -1,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,    98,    99,   100,   101,   102,
     103,   104,   105,   106,    44,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   120,    -1,    -1,
      -1,    61,    62,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    72,    -1,    74,    75,    76,    77,    78,    79,
      80,    81,    82,    83,    84,    85,    86,    87,    88,    89,
      90,    91,    92,    93,    94,    95,    96,    97,    98,    99,
     100,   101,   102,   103,   104,   105,     4,     5,     6,     7,
       8,     9,    10,    11,    12,    -1,    -1,    -1,    -1,    -1,
     120,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,    57,
      58,    59,    60,    61,    62,    63,    64,    65,    66,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,     4,     5,     6,
      -1,     8,     9,    -1,    11,    12,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    56,
      57,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,    79,    80,    81,    82,    83,    84,    85,    86,
      87,    88,    89,    90,    91,    92,    93,    94,    95,    96,
      97,    98,    99,   100,   101,   102,   103,   104,   105,   106,
     107,   108,   109,   110,   111,   112,   113,   114,     4,     5,
       6,    -1,     8,    -1,    -1,    11,    12,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      56,    57,    58,    59,    60,    61,    62,    63,    64,    65,
      66,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,     4,
       5,     6,    -1,     8,    -1,    -1,    -1,    -1,    13,    -1,
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
       4,     5,     6,    -1,     8,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    56,    57,    58,    59,    60,    61,    62,    63,
      64,    65,    66,    67,    68,    69,    70,    71,    72,    73,
      74,    75,    76,    77,    78,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   112,   113,
     114,     4,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    14,    -1,    -1,    -1,    -1,    -1,    20,    21,    22,
      23,    24,    25,    26,    27,    28,    29,    30,    31,    32,
      33,    34,    35,    36,    37,    38,    39,    40,    41,    42,
      43,    44,    45,    46,    47,    48,    49,    50,    51
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_uint8 yystos[] =
{
       0,     3,   127,   128,     0,    18,     4,    14,    20,    21,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      32,    33,    34,    35,    36,    37,    38,    39,    40,    41,
      42,    43,    44,    45,    46,    47,    48,    49,    50,    51,
     129,   130,   131,   133,   134,   135,   136,   137,   138,   139,
     141,   145,   146,   147,   151,   154,   157,   160,   167,   168,
     169,   181,   182,   183,   184,   187,   188,   189,   190,   191,
     206,   209,   132,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,   140,    18,    19,    12,    15,     4,
       5,     6,     8,     9,    11,    12,    44,    56,    57,    58,
      59,    60,    61,    62,    63,    64,    65,    66,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   219,   221,   222,   223,
     224,   156,   223,     5,     6,     7,    61,   218,   219,   219,
     219,   218,   120,   171,   219,   152,   221,   219,   219,    44,
      56,    62,    72,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   120,   210,   211,   215,
     216,   217,   218,   219,   219,   218,   219,   219,   148,   223,
     120,   142,   223,   223,    18,   218,    18,    18,    18,    18,
      18,     4,   121,   172,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,   215,    18,    18,    18,    18,    29,   149,   150,
     189,   190,   191,   206,   209,   121,   143,   222,   223,    18,
      11,    12,    55,   120,   158,   159,   225,   230,   155,   223,
     219,   120,   161,    44,    52,    53,    54,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,   115,
     116,   120,   192,   194,   195,    18,   121,   219,     7,    10,
     120,   173,   220,   221,   153,   221,   220,   219,   218,   120,
     221,   221,     8,    11,   229,   221,   221,   205,   221,   223,
     228,     5,   231,   216,   229,   216,   229,   229,   229,   229,
     231,   221,   221,   221,   228,   214,   221,   121,   210,   216,
     120,    66,   110,   111,   112,   113,   114,   207,    18,    18,
     121,    18,   219,    13,   121,   226,   227,   228,    18,    18,
       4,   162,   163,   164,     5,   122,   196,   200,   232,   196,
     196,    82,    98,   117,   118,   122,   198,   199,   200,   201,
     198,   193,   194,     4,    18,   174,   220,    18,   170,    18,
      57,    58,    59,    60,    62,   121,   212,   213,    18,    18,
      18,     4,    90,   105,   107,   108,   109,   185,   186,    18,
     218,   222,   144,   222,   223,    18,   121,   159,   230,   159,
      18,   121,    18,   123,   197,   122,   124,   197,    18,    18,
     197,   122,   124,   197,    18,   121,   173,   220,    18,   121,
       4,    56,   175,   176,   175,    18,   121,   221,   216,   215,
      18,   121,   208,   225,   226,    18,   227,    18,   163,   120,
     231,   232,   120,   203,   203,   119,   201,   202,   194,   170,
     170,   220,    18,   213,   186,   144,   159,    13,   121,   165,
     166,   124,   204,   205,   120,    18,   121,   232,    18,   121,
       4,   120,   177,   178,   179,    13,   125,   205,   180,   121,
      18,   185,   179,   121
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_uint8 yyr1[] =
{
       0,   126,   128,   127,   129,   129,   129,   129,   129,   130,
     130,   130,   130,   130,   131,   132,   132,   132,   133,   134,
     134,   134,   135,   135,   135,   135,   135,   135,   135,   135,
     135,   135,   135,   135,   135,   135,   135,   136,   137,   138,
     139,   140,   140,   141,   142,   142,   142,   143,   143,   144,
     144,   145,   146,   146,   146,   146,   146,   146,   146,   146,
     146,   146,   148,   147,   149,   149,   149,   149,   149,   149,
     150,   151,   152,   153,   154,   154,   155,   156,   157,   158,
     158,   158,   158,   159,   159,   160,   160,   161,   162,   162,
     163,   164,   165,   165,   166,   166,   167,   168,   169,   169,
     169,   169,   169,   170,   170,   171,   171,   172,   172,   173,
     174,   174,   175,   176,   176,   177,   177,   178,   178,   179,
     180,   179,   181,   182,   183,   184,   185,   185,   186,   186,
     186,   186,   186,   186,   187,   188,   189,   190,   191,   192,
     192,   192,   192,   192,   193,   193,   194,   194,   194,   194,
     194,   194,   194,   194,   194,   194,   194,   194,   194,   194,
     194,   195,   195,   195,   195,   195,   196,   196,   197,   198,
     198,   199,   199,   199,   200,   200,   201,   201,   201,   201,
     202,   202,   203,   204,   204,   205,   206,   207,   207,   207,
     207,   207,   207,   208,   208,   209,   209,   210,   210,   211,
     211,   212,   212,   213,   213,   213,   213,   213,   214,   215,
     215,   216,   217,   217,   217,   217,   217,   217,   217,   217,
     217,   217,   217,   217,   217,   217,   217,   217,   217,   217,
     217,   217,   217,   217,   217,   217,   217,   217,   217,   217,
     217,   217,   217,   217,   217,   217,   217,   217,   217,   218,
     218,   218,   218,   219,   220,   220,   220,   221,   221,   221,
     222,   222,   223,   223,   223,   223,   223,   223,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   224,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   224,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   224,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   224,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   224,   224,   224,
     224,   224,   224,   224,   224,   224,   224,   225,   225,   226,
     226,   227,   227,   228,   229,   229,   230,   231,   232
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
       4,     1,     1,     2,     1,     3,     3,     3,     5,     7,
       6,     8,     8,     0,     2,     2,     3,     1,     3,     3,
       1,     3,     5,     1,     1,     0,     1,     1,     3,     1,
       0,     4,     5,     5,     3,     7,     1,     3,     1,     1,
       1,     1,     1,     1,     3,     3,     5,     5,     5,     1,
       1,     1,     1,     3,     1,     3,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     2,     3,     2,     3,
       1,     2,     3,     2,     3,     2,     1,     2,     5,     1,
       2,     1,     1,     3,     1,     3,     1,     3,     3,     1,
       1,     1,     3,     1,     3,     1,     7,     1,     1,     1,
       1,     1,     1,     1,     1,     3,     5,     1,     5,     4,
       5,     1,     3,     1,     1,     1,     1,     1,     1,     1,
       3,     1,     1,     1,     3,     3,     3,     3,     1,     1,
       3,     3,     1,     1,     3,     1,     1,     3,     3,     3,
       3,     1,     1,     1,     3,     1,     1,     5,     3,     3,
       5,     3,     3,     3,     3,     3,     1,     1,     3,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     2,     3,     1,
       3,     1,     1,     1,     1,     1,     1,     1,     1
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

  case 97: /* examine: "EXAMINE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
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

  case 124: /* select: "SELECT" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 125: /* status: "STATUS" "SP" mailbox "SP" '(' status_att_list ')'  */
                { CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = (yyvsp[-4].str); }
    break;

  case 126: /* status_att_list: status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 127: /* status_att_list: status_att_list "SP" status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 128: /* status_att: "MESSAGES"  */
                                { (yyval.op) = IMAP_STATUS_MESSAGES; }
    break;

  case 129: /* status_att: "RECENT"  */
                                { (yyval.op) = IMAP_STATUS_RECENT; }
    break;

  case 130: /* status_att: "UIDNEXT"  */
                                { (yyval.op) = IMAP_STATUS_UIDNEXT; }
    break;

  case 131: /* status_att: "UIDVALIDITY"  */
                                { (yyval.op) = IMAP_STATUS_UIDVALIDITY; }
    break;

  case 132: /* status_att: "UNSEEN"  */
                                { (yyval.op) = IMAP_STATUS_UNSEEN; }
    break;

  case 133: /* status_att: "atom"  */
                                { int a = 0; CHECK(imap_build_status_att(ctx, &(yyvsp[0].tok), &a)); (yyval.op) = a; }
    break;

  case 134: /* subscribe: "SUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 135: /* unsubscribe: "UNSUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 136: /* copy: "COPY" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 137: /* move: "MOVE" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_MOVE; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 138: /* fetch: "FETCH" "SP" sequence_set "SP" fetch_what  */
                { CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = (yyvsp[-2].set); }
    break;

  case 139: /* fetch_what: "ALL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
    break;

  case 140: /* fetch_what: "FULL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
    break;

  case 141: /* fetch_what: "FAST"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
    break;

  case 142: /* fetch_what: fetch_att  */
                                { struct imap_vec v = {0}; PUSH(v, (yyvsp[0].att));
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
    break;

  case 143: /* fetch_what: '(' fetch_att_list ')'  */
                                { CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = (yyvsp[-1].vec).v; CMD->u.fetch.natts = (yyvsp[-1].vec).n; }
    break;

  case 144: /* fetch_att_list: fetch_att  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 145: /* fetch_att_list: fetch_att_list "SP" fetch_att  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 146: /* fetch_att: "ENVELOPE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
    break;

  case 147: /* fetch_att: "FLAGS"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
    break;

  case 148: /* fetch_att: "INTERNALDATE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
    break;

  case 149: /* fetch_att: "RFC822"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
    break;

  case 150: /* fetch_att: "RFC822.HEADER"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
    break;

  case 151: /* fetch_att: "RFC822.SIZE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
    break;

  case 152: /* fetch_att: "RFC822.TEXT"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
    break;

  case 153: /* fetch_att: "BODY"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
    break;

  case 154: /* fetch_att: "BODYSTRUCTURE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
    break;

  case 155: /* fetch_att: "UID"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
    break;

  case 156: /* fetch_att: "BODY[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = (yyvsp[0].section) };
				  NOTE("section"); }
    break;

  case 157: /* fetch_att: "BODY[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 158: /* fetch_att: "BODY.PEEK[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = (yyvsp[0].section) }; NOTE("section"); }
    break;

  case 159: /* fetch_att: "BODY.PEEK[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).peek = true; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 161: /* fetch_att_binary: "BINARY[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 162: /* fetch_att_binary: "BINARY[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 163: /* fetch_att_binary: "BINARY.PEEK[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY, .peek = true,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 164: /* fetch_att_binary: "BINARY.PEEK[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY; (yyval.att).peek = true;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 165: /* fetch_att_binary: "BINARY.SIZE[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY_SIZE,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 166: /* section_binary: ']'  */
                                { (yyval.vec) = (struct imap_vec){0}; }
    break;

  case 167: /* section_binary: section_part ']'  */
                                { (yyval.vec) = (yyvsp[-1].vec); }
    break;

  case 168: /* partial: '<' number '.' nz_number '>'  */
                                { (yyval.att) = (struct imap_fetch_att){ .partial = true,
					.partial_start = (yyvsp[-3].num), .partial_len = (yyvsp[-1].num) }; NOTE("partial"); }
    break;

  case 169: /* section: ']'  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
    break;

  case 170: /* section: section_spec ']'  */
                                { (yyval.section) = (yyvsp[-1].section); }
    break;

  case 171: /* section_spec: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 172: /* section_spec: section_part  */
                                { (yyval.section) = (struct imap_section){ .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n }; }
    break;

  case 173: /* section_spec: section_part '.' section_text  */
                                { (yyval.section) = (yyvsp[0].section); (yyval.section).parts = (yyvsp[-2].vec).v; (yyval.section).nparts = (yyvsp[-2].vec).n; }
    break;

  case 174: /* section_part: nz_number  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 175: /* section_part: section_part '.' nz_number  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 176: /* section_msgtext: "HEADER"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
    break;

  case 177: /* section_msgtext: "HEADER.FIELDS" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 178: /* section_msgtext: "HEADER.FIELDS.NOT" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 179: /* section_msgtext: "TEXT"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
    break;

  case 180: /* section_text: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 181: /* section_text: "MIME"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
    break;

  case 182: /* header_list: '(' header_fld_names ')'  */
                                { (yyval.vec) = (yyvsp[-1].vec); NOTE("header list"); }
    break;

  case 183: /* header_fld_names: header_fld_name  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 184: /* header_fld_names: header_fld_names "SP" header_fld_name  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 185: /* header_fld_name: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("header field name"); }
    break;

  case 186: /* store: "STORE" "SP" sequence_set "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-4].set); }
    break;

  case 187: /* store_att_flags: "FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); (yyval.op) = 0; }
    break;

  case 188: /* store_att_flags: "FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 189: /* store_att_flags: "+FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); (yyval.op) = 0; }
    break;

  case 190: /* store_att_flags: "+FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 191: /* store_att_flags: "-FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); (yyval.op) = 0; }
    break;

  case 192: /* store_att_flags: "-FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 193: /* store_flags: flag_list  */
                                { CMD->u.store.flags = (yyvsp[0].flags); CMD->u.store.parenthesised = true; }
    break;

  case 194: /* store_flags: flag_seq  */
                                { CMD->u.store.flags = (yyvsp[0].flags); }
    break;

  case 195: /* search: "SEARCH" "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 196: /* search: "SEARCH" "SP" search_return_opts "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 197: /* search_program: search_key_list  */
                { CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 198: /* search_program: "CHARSET" "SP" charset "SP" search_key_list  */
                { CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 199: /* search_return_opts: "RETURN" "SP" '(' ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 200: /* search_return_opts: "RETURN" "SP" '(' search_return_opt_list ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 203: /* search_return_opt: "MIN"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MIN; NOTE("search return option"); }
    break;

  case 204: /* search_return_opt: "MAX"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MAX; NOTE("search return option"); }
    break;

  case 205: /* search_return_opt: "ALL"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_ALL; NOTE("search return option"); }
    break;

  case 206: /* search_return_opt: "COUNT"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_COUNT; NOTE("search return option"); }
    break;

  case 207: /* search_return_opt: "SAVE"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_SAVE; NOTE("search return option"); }
    break;

  case 208: /* charset: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("charset name"); }
    break;

  case 209: /* search_key_list: search_key  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 210: /* search_key_list: search_key_list "SP" search_key  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 211: /* search_key: search_key_1  */
                                { (yyval.key) = (yyvsp[0].key); NOTE("search key"); }
    break;

  case 212: /* search_key_1: "ALL"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ALL)); }
    break;

  case 213: /* search_key_1: "ANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
    break;

  case 214: /* search_key_1: "BCC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BCC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 215: /* search_key_1: "BEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 216: /* search_key_1: "BODY" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BODY)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 217: /* search_key_1: "CC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_CC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 218: /* search_key_1: "DELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DELETED)); }
    break;

  case 219: /* search_key_1: "FLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
    break;

  case 220: /* search_key_1: "FROM" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FROM)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 221: /* search_key_1: "KEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_KEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 222: /* search_key_1: "NEW"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NEW)); }
    break;

  case 223: /* search_key_1: "OLD"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OLD)); }
    break;

  case 224: /* search_key_1: "ON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 225: /* search_key_1: "RECENT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_RECENT)); }
    break;

  case 226: /* search_key_1: "SEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEEN)); }
    break;

  case 227: /* search_key_1: "SINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 228: /* search_key_1: "SUBJECT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SUBJECT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 229: /* search_key_1: "TEXT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TEXT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 230: /* search_key_1: "TO" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TO)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 231: /* search_key_1: "UNANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
    break;

  case 232: /* search_key_1: "UNDELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
    break;

  case 233: /* search_key_1: "UNFLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
    break;

  case 234: /* search_key_1: "UNKEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 235: /* search_key_1: "UNSEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
    break;

  case 236: /* search_key_1: "DRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DRAFT)); }
    break;

  case 237: /* search_key_1: "HEADER" "SP" header_fld_name "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_HEADER)); (yyval.key)->field = (yyvsp[-2].str); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 238: /* search_key_1: "LARGER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LARGER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 239: /* search_key_1: "NOT" "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NOT)); (yyval.key)->sub[0] = (yyvsp[0].key); }
    break;

  case 240: /* search_key_1: "OR" "SP" search_key "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OR)); (yyval.key)->sub[0] = (yyvsp[-2].key); (yyval.key)->sub[1] = (yyvsp[0].key); }
    break;

  case 241: /* search_key_1: "SENTBEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 242: /* search_key_1: "SENTON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 243: /* search_key_1: "SENTSINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTSINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 244: /* search_key_1: "SMALLER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SMALLER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 245: /* search_key_1: "UID" "SP" sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UID)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 246: /* search_key_1: "UNDRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
    break;

  case 247: /* search_key_1: sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEQSET)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 248: /* search_key_1: '(' search_key_list ')'  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LIST));
				  (yyval.key)->list = (yyvsp[-1].vec).v; (yyval.key)->nlist = (yyvsp[-1].vec).n; }
    break;

  case 249: /* sequence_set: "number"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 250: /* sequence_set: "sequence set"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 251: /* sequence_set: "sequence set with *"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 252: /* sequence_set: "$"  */
                                { (yyval.set) = (struct imap_seq_set){ .saved = true }; NOTE("sequence set"); }
    break;

  case 253: /* mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox name"); }
    break;

  case 254: /* list_mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox pattern"); }
    break;

  case 255: /* list_mailbox: "mailbox pattern"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 256: /* list_mailbox: "sequence set with *"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 257: /* astring: atom  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 258: /* astring: "astring"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 259: /* astring: string  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 260: /* string: "quoted string"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_QUOTED); }
    break;

  case 261: /* string: "literal"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL); }
    break;

  case 262: /* atom: "atom"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 263: /* atom: "number"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 264: /* atom: "sequence set"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 265: /* atom: "date"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 266: /* atom: "$"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 267: /* atom: keyword  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 327: /* flag_list: '(' ')'  */
                                { (yyval.flags) = (struct imap_flags){0}; NOTE("flag list"); }
    break;

  case 328: /* flag_list: '(' flag_seq ')'  */
                                { (yyval.flags) = (yyvsp[-1].flags); NOTE("flag list"); }
    break;

  case 329: /* flag_seq: flag  */
                                { (yyval.flags) = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 330: /* flag_seq: flag_seq "SP" flag  */
                                { (yyval.flags) = (yyvsp[-2].flags);
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 331: /* flag: "flag"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("flag"); }
    break;

  case 332: /* flag: flag_keyword  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 333: /* flag_keyword: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("flag keyword"); }
    break;

  case 334: /* date: "date"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 335: /* date: "quoted string"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 336: /* date_time: "quoted string"  */
                                { CHECK(imap_build_datetime(ctx, &(yyvsp[0].tok), &(yyval.datetime))); NOTE("date-time"); }
    break;

  case 337: /* number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), false, &(yyval.num))); NOTE("number"); }
    break;

  case 338: /* nz_number: "number"  */
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
