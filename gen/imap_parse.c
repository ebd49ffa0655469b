/* generated from grammar/imap.y (grammar sha256 b44a9cbc402a7dc23a262a7c15330a99aeb714e88c66403be7879eff63acac61), do not edit: run make gen */
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
  YYSYMBOL_K_MOVE = 47,                    /* "MOVE"  */
  YYSYMBOL_T_BINARY_SECTION = 48,          /* "BINARY["  */
  YYSYMBOL_T_BINARY_PEEK_SECTION = 49,     /* "BINARY.PEEK["  */
  YYSYMBOL_T_BINARY_SIZE_SECTION = 50,     /* "BINARY.SIZE["  */
  YYSYMBOL_T_LITERAL8 = 51,                /* "literal8"  */
  YYSYMBOL_K_RETURN = 52,                  /* "RETURN"  */
  YYSYMBOL_K_MIN = 53,                     /* "MIN"  */
  YYSYMBOL_K_MAX = 54,                     /* "MAX"  */
  YYSYMBOL_K_COUNT = 55,                   /* "COUNT"  */
  YYSYMBOL_K_SAVE = 56,                    /* "SAVE"  */
  YYSYMBOL_T_SEQLAST = 57,                 /* "$"  */
  YYSYMBOL_K_ALL = 58,                     /* "ALL"  */
  YYSYMBOL_K_FAST = 59,                    /* "FAST"  */
  YYSYMBOL_K_FULL = 60,                    /* "FULL"  */
  YYSYMBOL_K_ENVELOPE = 61,                /* "ENVELOPE"  */
  YYSYMBOL_K_FLAGS = 62,                   /* "FLAGS"  */
  YYSYMBOL_K_INTERNALDATE = 63,            /* "INTERNALDATE"  */
  YYSYMBOL_K_RFC822 = 64,                  /* "RFC822"  */
  YYSYMBOL_K_RFC822_HEADER = 65,           /* "RFC822.HEADER"  */
  YYSYMBOL_K_RFC822_SIZE = 66,             /* "RFC822.SIZE"  */
  YYSYMBOL_K_RFC822_TEXT = 67,             /* "RFC822.TEXT"  */
  YYSYMBOL_K_BODY = 68,                    /* "BODY"  */
  YYSYMBOL_K_BODYSTRUCTURE = 69,           /* "BODYSTRUCTURE"  */
  YYSYMBOL_K_ANSWERED = 70,                /* "ANSWERED"  */
  YYSYMBOL_K_BCC = 71,                     /* "BCC"  */
  YYSYMBOL_K_BEFORE = 72,                  /* "BEFORE"  */
  YYSYMBOL_K_CC = 73,                      /* "CC"  */
  YYSYMBOL_K_DELETED = 74,                 /* "DELETED"  */
  YYSYMBOL_K_DRAFT = 75,                   /* "DRAFT"  */
  YYSYMBOL_K_FLAGGED = 76,                 /* "FLAGGED"  */
  YYSYMBOL_K_FROM = 77,                    /* "FROM"  */
  YYSYMBOL_K_HEADER = 78,                  /* "HEADER"  */
  YYSYMBOL_K_KEYWORD = 79,                 /* "KEYWORD"  */
  YYSYMBOL_K_LARGER = 80,                  /* "LARGER"  */
  YYSYMBOL_K_NEW = 81,                     /* "NEW"  */
  YYSYMBOL_K_NOT = 82,                     /* "NOT"  */
  YYSYMBOL_K_OLD = 83,                     /* "OLD"  */
  YYSYMBOL_K_ON = 84,                      /* "ON"  */
  YYSYMBOL_K_OR = 85,                      /* "OR"  */
  YYSYMBOL_K_RECENT = 86,                  /* "RECENT"  */
  YYSYMBOL_K_SEEN = 87,                    /* "SEEN"  */
  YYSYMBOL_K_SENTBEFORE = 88,              /* "SENTBEFORE"  */
  YYSYMBOL_K_SENTON = 89,                  /* "SENTON"  */
  YYSYMBOL_K_SENTSINCE = 90,               /* "SENTSINCE"  */
  YYSYMBOL_K_SINCE = 91,                   /* "SINCE"  */
  YYSYMBOL_K_SMALLER = 92,                 /* "SMALLER"  */
  YYSYMBOL_K_SUBJECT = 93,                 /* "SUBJECT"  */
  YYSYMBOL_K_TEXT = 94,                    /* "TEXT"  */
  YYSYMBOL_K_TO = 95,                      /* "TO"  */
  YYSYMBOL_K_UNANSWERED = 96,              /* "UNANSWERED"  */
  YYSYMBOL_K_UNDELETED = 97,               /* "UNDELETED"  */
  YYSYMBOL_K_UNDRAFT = 98,                 /* "UNDRAFT"  */
  YYSYMBOL_K_UNFLAGGED = 99,               /* "UNFLAGGED"  */
  YYSYMBOL_K_UNKEYWORD = 100,              /* "UNKEYWORD"  */
  YYSYMBOL_K_UNSEEN = 101,                 /* "UNSEEN"  */
  YYSYMBOL_K_CHARSET = 102,                /* "CHARSET"  */
  YYSYMBOL_K_MESSAGES = 103,               /* "MESSAGES"  */
  YYSYMBOL_K_UIDNEXT = 104,                /* "UIDNEXT"  */
  YYSYMBOL_K_UIDVALIDITY = 105,            /* "UIDVALIDITY"  */
  YYSYMBOL_K_PLUS_FLAGS = 106,             /* "+FLAGS"  */
  YYSYMBOL_K_MINUS_FLAGS = 107,            /* "-FLAGS"  */
  YYSYMBOL_K_FLAGS_SILENT = 108,           /* "FLAGS.SILENT"  */
  YYSYMBOL_K_PLUS_FLAGS_SILENT = 109,      /* "+FLAGS.SILENT"  */
  YYSYMBOL_K_MINUS_FLAGS_SILENT = 110,     /* "-FLAGS.SILENT"  */
  YYSYMBOL_T_BODY_SECTION = 111,           /* "BODY["  */
  YYSYMBOL_T_BODY_PEEK_SECTION = 112,      /* "BODY.PEEK["  */
  YYSYMBOL_K_HEADER_FIELDS = 113,          /* "HEADER.FIELDS"  */
  YYSYMBOL_K_HEADER_FIELDS_NOT = 114,      /* "HEADER.FIELDS.NOT"  */
  YYSYMBOL_K_MIME = 115,                   /* "MIME"  */
  YYSYMBOL_116_ = 116,                     /* '('  */
  YYSYMBOL_117_ = 117,                     /* ')'  */
  YYSYMBOL_118_ = 118,                     /* ']'  */
  YYSYMBOL_119_ = 119,                     /* '<'  */
  YYSYMBOL_120_ = 120,                     /* '.'  */
  YYSYMBOL_121_ = 121,                     /* '>'  */
  YYSYMBOL_YYACCEPT = 122,                 /* $accept  */
  YYSYMBOL_command = 123,                  /* command  */
  YYSYMBOL_124_1 = 124,                    /* $@1  */
  YYSYMBOL_command_body = 125,             /* command_body  */
  YYSYMBOL_command_any = 126,              /* command_any  */
  YYSYMBOL_x_command = 127,                /* x_command  */
  YYSYMBOL_x_args = 128,                   /* x_args  */
  YYSYMBOL_unknown_command = 129,          /* unknown_command  */
  YYSYMBOL_command_nonauth = 130,          /* command_nonauth  */
  YYSYMBOL_command_auth = 131,             /* command_auth  */
  YYSYMBOL_idle = 132,                     /* idle  */
  YYSYMBOL_compress = 133,                 /* compress  */
  YYSYMBOL_command_select = 134,           /* command_select  */
  YYSYMBOL_uid = 135,                      /* uid  */
  YYSYMBOL_136_2 = 136,                    /* $@2  */
  YYSYMBOL_uid_command = 137,              /* uid_command  */
  YYSYMBOL_uid_expunge = 138,              /* uid_expunge  */
  YYSYMBOL_login = 139,                    /* login  */
  YYSYMBOL_userid = 140,                   /* userid  */
  YYSYMBOL_password = 141,                 /* password  */
  YYSYMBOL_authenticate = 142,             /* authenticate  */
  YYSYMBOL_initial_response = 143,         /* initial_response  */
  YYSYMBOL_auth_type = 144,                /* auth_type  */
  YYSYMBOL_append = 145,                   /* append  */
  YYSYMBOL_append_rest = 146,              /* append_rest  */
  YYSYMBOL_append_message = 147,           /* append_message  */
  YYSYMBOL_create = 148,                   /* create  */
  YYSYMBOL_delete = 149,                   /* delete  */
  YYSYMBOL_examine = 150,                  /* examine  */
  YYSYMBOL_list = 151,                     /* list  */
  YYSYMBOL_lsub = 152,                     /* lsub  */
  YYSYMBOL_rename = 153,                   /* rename  */
  YYSYMBOL_select = 154,                   /* select  */
  YYSYMBOL_status = 155,                   /* status  */
  YYSYMBOL_status_att_list = 156,          /* status_att_list  */
  YYSYMBOL_status_att = 157,               /* status_att  */
  YYSYMBOL_subscribe = 158,                /* subscribe  */
  YYSYMBOL_unsubscribe = 159,              /* unsubscribe  */
  YYSYMBOL_copy = 160,                     /* copy  */
  YYSYMBOL_move = 161,                     /* move  */
  YYSYMBOL_fetch = 162,                    /* fetch  */
  YYSYMBOL_fetch_what = 163,               /* fetch_what  */
  YYSYMBOL_fetch_att_list = 164,           /* fetch_att_list  */
  YYSYMBOL_fetch_att = 165,                /* fetch_att  */
  YYSYMBOL_fetch_att_binary = 166,         /* fetch_att_binary  */
  YYSYMBOL_section_binary = 167,           /* section_binary  */
  YYSYMBOL_partial = 168,                  /* partial  */
  YYSYMBOL_section = 169,                  /* section  */
  YYSYMBOL_section_spec = 170,             /* section_spec  */
  YYSYMBOL_section_part = 171,             /* section_part  */
  YYSYMBOL_section_msgtext = 172,          /* section_msgtext  */
  YYSYMBOL_section_text = 173,             /* section_text  */
  YYSYMBOL_header_list = 174,              /* header_list  */
  YYSYMBOL_header_fld_names = 175,         /* header_fld_names  */
  YYSYMBOL_header_fld_name = 176,          /* header_fld_name  */
  YYSYMBOL_store = 177,                    /* store  */
  YYSYMBOL_store_att_flags = 178,          /* store_att_flags  */
  YYSYMBOL_store_flags = 179,              /* store_flags  */
  YYSYMBOL_search = 180,                   /* search  */
  YYSYMBOL_search_program = 181,           /* search_program  */
  YYSYMBOL_search_return_opts = 182,       /* search_return_opts  */
  YYSYMBOL_search_return_opt_list = 183,   /* search_return_opt_list  */
  YYSYMBOL_search_return_opt = 184,        /* search_return_opt  */
  YYSYMBOL_charset = 185,                  /* charset  */
  YYSYMBOL_search_key_list = 186,          /* search_key_list  */
  YYSYMBOL_search_key = 187,               /* search_key  */
  YYSYMBOL_search_key_1 = 188,             /* search_key_1  */
  YYSYMBOL_sequence_set = 189,             /* sequence_set  */
  YYSYMBOL_mailbox = 190,                  /* mailbox  */
  YYSYMBOL_list_mailbox = 191,             /* list_mailbox  */
  YYSYMBOL_astring = 192,                  /* astring  */
  YYSYMBOL_string = 193,                   /* string  */
  YYSYMBOL_atom = 194,                     /* atom  */
  YYSYMBOL_keyword = 195,                  /* keyword  */
  YYSYMBOL_flag_list = 196,                /* flag_list  */
  YYSYMBOL_flag_seq = 197,                 /* flag_seq  */
  YYSYMBOL_flag = 198,                     /* flag  */
  YYSYMBOL_flag_keyword = 199,             /* flag_keyword  */
  YYSYMBOL_date = 200,                     /* date  */
  YYSYMBOL_date_time = 201,                /* date_time  */
  YYSYMBOL_number = 202,                   /* number  */
  YYSYMBOL_nz_number = 203                 /* nz_number  */
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
#define YYLAST   1064

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  122
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  82
/* YYNRULES -- Number of rules.  */
#define YYNRULES  287
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  452

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   370


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
     116,   117,     2,     2,     2,     2,   120,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     119,     2,   121,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,   118,     2,     2,     2,     2,     2,     2,
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
     115
};

#if IMAP_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   148,   148,   148,   152,   153,   154,   155,   156,   161,
     162,   163,   164,   170,   175,   176,   179,   186,   192,   193,
     194,   200,   200,   200,   200,   200,   200,   200,   200,   201,
     201,   201,   201,   201,   208,   215,   222,   223,   224,   225,
     225,   225,   225,   226,   227,   232,   232,   236,   236,   236,
     236,   237,   238,   243,   251,   258,   263,   270,   273,   282,
     287,   297,   303,   304,   306,   308,   314,   318,   325,   331,
     337,   343,   350,   358,   367,   373,   379,   380,   387,   388,
     389,   390,   391,   396,   402,   411,   422,   430,   435,   436,
     437,   438,   440,   446,   447,   457,   458,   459,   460,   461,
     462,   463,   464,   465,   466,   467,   470,   472,   475,   477,
     486,   489,   492,   495,   498,   505,   506,   511,   522,   523,
     528,   529,   530,   536,   537,   544,   545,   548,   551,   556,
     557,   562,   567,   568,   574,   579,   587,   588,   589,   590,
     591,   592,   596,   597,   605,   607,   614,   618,   630,   631,
     636,   637,   645,   646,   647,   648,   649,   654,   658,   659,
     677,   681,   682,   683,   684,   685,   686,   687,   688,   689,
     690,   692,   693,   694,   695,   696,   697,   698,   699,   700,
     701,   702,   703,   704,   706,   707,   708,   710,   711,   712,
     714,   715,   716,   717,   718,   719,   720,   721,   733,   734,
     735,   737,   743,   749,   750,   751,   758,   759,   760,   765,
     766,   772,   773,   774,   775,   776,   777,   783,   783,   783,
     783,   783,   783,   783,   784,   784,   784,   784,   785,   785,
     785,   785,   785,   785,   786,   786,   786,   786,   786,   786,
     787,   787,   787,   787,   787,   787,   787,   787,   788,   788,
     788,   788,   788,   788,   789,   789,   789,   789,   789,   789,
     790,   790,   790,   790,   790,   791,   791,   791,   791,   792,
     792,   794,   794,   794,   794,   794,   800,   801,   805,   807,
     816,   817,   822,   828,   829,   835,   840,   845
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
  "COMPRESS", "MOVE", "BINARY[", "BINARY.PEEK[", "BINARY.SIZE[",
  "literal8", "RETURN", "MIN", "MAX", "COUNT", "SAVE", "$", "ALL", "FAST",
  "FULL", "ENVELOPE", "FLAGS", "INTERNALDATE", "RFC822", "RFC822.HEADER",
  "RFC822.SIZE", "RFC822.TEXT", "BODY", "BODYSTRUCTURE", "ANSWERED", "BCC",
  "BEFORE", "CC", "DELETED", "DRAFT", "FLAGGED", "FROM", "HEADER",
  "KEYWORD", "LARGER", "NEW", "NOT", "OLD", "ON", "OR", "RECENT", "SEEN",
  "SENTBEFORE", "SENTON", "SENTSINCE", "SINCE", "SMALLER", "SUBJECT",
  "TEXT", "TO", "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED",
  "UNKEYWORD", "UNSEEN", "CHARSET", "MESSAGES", "UIDNEXT", "UIDVALIDITY",
  "+FLAGS", "-FLAGS", "FLAGS.SILENT", "+FLAGS.SILENT", "-FLAGS.SILENT",
  "BODY[", "BODY.PEEK[", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "MIME",
  "'('", "')'", "']'", "'<'", "'.'", "'>'", "$accept", "command", "$@1",
  "command_body", "command_any", "x_command", "x_args", "unknown_command",
  "command_nonauth", "command_auth", "idle", "compress", "command_select",
  "uid", "$@2", "uid_command", "uid_expunge", "login", "userid",
  "password", "authenticate", "initial_response", "auth_type", "append",
  "append_rest", "append_message", "create", "delete", "examine", "list",
  "lsub", "rename", "select", "status", "status_att_list", "status_att",
  "subscribe", "unsubscribe", "copy", "move", "fetch", "fetch_what",
  "fetch_att_list", "fetch_att", "fetch_att_binary", "section_binary",
  "partial", "section", "section_spec", "section_part", "section_msgtext",
  "section_text", "header_list", "header_fld_names", "header_fld_name",
  "store", "store_att_flags", "store_flags", "search", "search_program",
  "search_return_opts", "search_return_opt_list", "search_return_opt",
  "charset", "search_key_list", "search_key", "search_key_1",
  "sequence_set", "mailbox", "list_mailbox", "astring", "string", "atom",
  "keyword", "flag_list", "flag_seq", "flag", "flag_keyword", "date",
  "date_time", "number", "nz_number", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-410)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      55,  -410,    59,   101,  -410,  1017,  -410,  -410,   112,   115,
    -410,  -410,  -410,   145,   156,   160,   162,  -410,   168,   173,
     175,  -410,   178,  -410,   181,   183,   185,  -410,   198,   202,
     203,   205,   206,  -410,   207,   211,   169,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,    29,   696,   910,   141,   696,   696,
     696,   141,   696,   696,   696,   696,   170,   696,   696,   141,
     696,   696,  -410,   910,   141,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,   212,  -410,  -410,  -410,  -410,
     213,  -410,  -410,  -410,  -410,  -410,   217,  -410,  -410,  -410,
     219,   221,   261,  -410,   262,   266,   267,   269,  -410,   270,
    -410,   271,   286,   287,  -410,  -410,  -410,   288,   292,   293,
     294,  -410,   295,  -410,   296,   297,  -410,  -410,   298,   300,
     301,   314,   316,   318,   321,   322,  -410,  -410,  -410,  -410,
     323,  -410,   324,   491,  -410,   328,   329,  -410,  -410,  -410,
    -410,   330,   332,  -410,  -410,   165,  -410,   333,   120,   910,
     696,   233,   589,   696,   589,   696,   141,   227,   696,   696,
     142,   696,   696,   696,   910,   347,   491,   142,   491,   142,
     142,   142,   142,   347,   696,   696,   696,   910,   696,     9,
     431,   491,   237,   -53,   336,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,   696,  -410,  -410,  -410,     8,  -410,  -410,   337,
     338,  -410,  -410,  -410,  -410,     5,     5,     5,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
      44,    44,   259,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,    87,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,   339,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,   340,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,   341,  -410,  -410,  -410,  -410,   114,  -410,  -410,  -410,
    -410,  -410,  -410,   342,   141,  -410,  -410,  -410,    12,  -410,
    -410,   116,   122,  -410,  -410,   243,    34,  -410,   243,  -410,
    -410,  -410,   345,   346,  -410,   243,   247,   246,  -410,   243,
      18,  -410,  -410,  -410,  -410,  -410,  -410,  -410,    19,  -410,
     696,   491,   491,  -410,  -410,  -410,  -410,  -410,    20,  -410,
     325,  -410,   803,  -410,  -410,   349,  -410,   347,  -410,  -410,
     363,  -410,   256,   256,  -410,  -410,   119,  -410,   259,  -410,
     220,  -410,  -410,  -410,   329,   114,  -410,  -410,  -410,   355,
    -410,   122,   254,  -410,   696,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,   363,    22,  -410,   255,   696,  -410,
    -410,  -410
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int16 yydefact[] =
{
       0,     2,     0,     0,     1,     0,    17,    14,     0,     0,
       9,    36,    37,     0,     0,     0,     0,    38,     0,     0,
       0,    10,     0,    11,     0,     0,     0,    20,     0,     0,
       0,     0,     0,    34,     0,     0,     0,     4,    12,     8,
       5,     6,    32,    33,     7,    43,    18,    19,    21,    22,
      23,    24,    25,    26,    27,    28,    29,    30,    31,    39,
      44,    40,    41,    42,    13,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,    45,     0,     0,     3,    16,    15,   211,   212,
     213,   214,   207,   209,   210,   229,   271,   272,   273,   274,
     275,   215,   217,   218,   219,   220,   221,   222,   223,   224,
     225,   226,   227,   228,   230,   231,   232,   233,   234,   235,
     236,   237,   238,   239,   240,   241,   242,   243,   244,   245,
     246,   247,   248,   249,   250,   251,   252,   253,   254,   255,
     256,   257,   258,   259,   260,   261,   262,   263,   264,   265,
     266,   267,   268,   269,   270,     0,   202,   208,   206,   216,
      57,    60,   198,   199,   200,   201,     0,    68,    69,    70,
       0,     0,     0,    55,     0,     0,     0,     0,   161,     0,
     162,     0,     0,     0,   167,   185,   168,     0,     0,     0,
       0,   171,     0,   172,     0,     0,   174,   175,     0,     0,
       0,     0,     0,     0,     0,     0,   180,   181,   195,   182,
       0,   184,     0,     0,   144,     0,   146,   158,   160,   196,
      74,     0,     0,    83,    84,     0,    35,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,    46,    51,    47,    52,    48,
      50,    49,     0,   285,    66,    67,     0,    61,    62,     0,
       0,    58,    59,    85,   104,     0,     0,     0,    88,    90,
      89,    95,    96,    97,    98,    99,   100,   101,   102,   103,
       0,     0,     0,    87,    91,   109,   205,   204,    71,   203,
      54,    56,    72,    73,   194,     0,   165,   163,   283,   284,
     164,   166,   169,     0,   134,   282,   170,   286,   187,   188,
     173,     0,   190,   191,   192,   176,   193,   177,   178,   179,
     183,     0,   157,   197,   145,   159,     0,   136,   138,   140,
     137,   139,   141,     0,     0,    86,   280,   276,     0,   278,
     281,     0,     0,   287,   115,   110,     0,   123,   112,   114,
     125,   128,     0,     0,   118,   105,     0,   121,   120,   107,
       0,    93,   152,   153,   155,   156,   154,   148,     0,   150,
       0,     0,     0,    79,    82,    78,    80,    81,     0,    76,
       0,    53,     0,   277,    63,     0,    64,     0,   111,   116,
       0,   113,     0,     0,   106,   119,     0,   108,     0,    92,
       0,   149,   186,   189,   147,     0,    75,   135,   142,   143,
     279,     0,     0,   124,     0,   126,   127,   130,   129,   122,
      94,   151,    77,    65,     0,     0,   132,     0,     0,   131,
     117,   133
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,  -311,  -410,  -410,  -410,  -410,
    -410,  -410,  -410,  -410,  -410,    14,  -410,  -410,   215,   218,
     222,  -410,  -410,  -297,  -410,  -244,  -224,   143,  -410,  -253,
      26,  -410,    32,  -410,  -409,   223,  -410,  -410,   224,   186,
    -410,  -410,    30,  -410,  -205,  -242,  -410,   -64,   -46,   225,
     -73,  -410,   -65,  -410,    51,    52,    53,  -211,   -42,    92,
    -251,  -399
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int16 yydefgoto[] =
{
       0,     2,     3,    36,    37,    38,    64,    39,    40,    41,
      42,    43,    44,    45,   225,   265,   266,    46,   172,   310,
      47,   281,   160,    48,   277,   278,    49,    50,    51,    52,
      53,    54,    55,    56,   398,   399,    57,    58,    59,    60,
      61,   303,   380,   304,   305,   365,   408,   375,   376,   366,
     378,   439,   435,   445,   323,    62,   353,   427,    63,   214,
     215,   388,   389,   341,   216,   217,   218,   219,   155,   308,
     156,   157,   158,   159,   279,   358,   359,   360,   320,   280,
     328,   367
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
     173,   161,   336,   166,   329,   381,   331,   170,   259,   347,
     363,   433,    88,    89,    90,   222,    91,   433,   226,   345,
     227,   356,   167,   168,   169,   446,   171,   261,   174,   175,
     402,   220,   221,   326,   223,   224,   418,   420,   425,   451,
     448,    86,   368,   369,    87,   447,   340,   377,   377,   363,
     404,   406,    95,   348,   349,   350,   351,   352,     1,     4,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,   127,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,   141,   142,   143,   144,   145,
     146,   147,   148,   149,   150,   151,   152,   153,   154,     5,
     443,   440,   370,   364,   363,   357,   343,   273,   274,   403,
      65,   273,   274,    66,   274,   419,   421,   426,   371,   449,
     382,   383,   384,   385,   411,   386,   162,   163,   164,   423,
     318,   414,   409,   319,   410,   417,   432,   372,   373,   309,
     311,   309,   374,    67,   282,   316,   317,   275,   321,   322,
     324,   275,   314,   275,    68,   162,   163,   164,    69,   325,
      70,   337,   338,   339,   283,   342,    71,   424,    85,   313,
      13,    72,   325,    73,   264,    18,    74,   370,   165,    75,
     393,    76,    25,    77,   387,   330,    29,   332,   333,   334,
     335,   325,    35,   371,   176,   394,    78,   395,   396,   397,
      79,    80,   177,    81,    82,    83,   355,   165,   178,    84,
     228,   229,   372,   373,   437,   230,   276,   231,   179,   232,
     180,   181,   182,   183,   184,   185,   186,   187,   188,   189,
     190,   191,   192,   193,   194,   195,   196,   197,   198,   199,
     200,   201,   202,   203,   204,   205,   206,   207,   208,   209,
     210,   211,   212,   382,   383,   384,   385,   284,   386,   233,
     234,   285,   286,   287,   235,   236,   213,   237,   238,   239,
     401,   288,   289,   290,   291,   292,   293,   294,   295,   296,
     297,   298,   299,   284,   240,   241,   242,   285,   286,   287,
     243,   244,   245,   246,   247,   248,   249,   422,   250,   251,
     291,   292,   293,   294,   295,   296,   297,   298,   299,    88,
      89,    90,   252,    91,   253,   325,   254,   325,   356,   255,
     256,   257,   258,   315,   300,   301,   260,   261,   262,   302,
     263,   272,   327,   346,   354,   361,   362,   390,   391,   392,
     400,   324,   407,   412,   413,   415,   416,   431,   363,    95,
     300,   301,   434,   402,   444,   324,   450,    96,    97,    98,
      99,   100,   101,   102,   103,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   113,   114,   115,   116,   117,   118,
     119,   120,   121,   122,   123,   124,   125,   126,   127,   128,
     129,   130,   131,   132,   133,   134,   135,   136,   137,   138,
     139,   140,   141,   142,   143,   144,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   162,   163,   164,   442,
     267,   276,   438,   268,   379,   436,   344,   269,   270,   271,
     441,   428,   429,   405,     0,   430,     0,     0,     0,   312,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,   176,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   165,   178,
       0,     0,     0,     0,     0,     0,   162,   163,   164,   179,
       0,   180,   181,   182,   183,   184,   185,   186,   187,   188,
     189,   190,   191,   192,   193,   194,   195,   196,   197,   198,
     199,   200,   201,   202,   203,   204,   205,   206,   207,   208,
     209,   210,   211,   212,     0,   176,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   213,   165,   178,
       0,     0,     0,     0,     0,     0,     0,     0,     0,   179,
       0,   180,   181,   182,   183,   184,   185,   186,   187,   188,
     189,   190,   191,   192,   193,   194,   195,   196,   197,   198,
     199,   200,   201,   202,   203,   204,   205,   206,   207,   208,
     209,   210,   211,    88,    89,    90,   306,    91,    92,   307,
      93,    94,     0,     0,     0,     0,     0,   213,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    95,     0,     0,     0,     0,     0,     0,
       0,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,   111,   112,   113,   114,
     115,   116,   117,   118,   119,   120,   121,   122,   123,   124,
     125,   126,   127,   128,   129,   130,   131,   132,   133,   134,
     135,   136,   137,   138,   139,   140,   141,   142,   143,   144,
     145,   146,   147,   148,   149,   150,   151,   152,   153,   154,
      88,    89,    90,     0,    91,    92,     0,    93,    94,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
      95,     0,     0,     0,     0,     0,     0,     0,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,   127,
     128,   129,   130,   131,   132,   133,   134,   135,   136,   137,
     138,   139,   140,   141,   142,   143,   144,   145,   146,   147,
     148,   149,   150,   151,   152,   153,   154,    88,    89,    90,
       0,    91,     0,     0,     0,     0,   356,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,    95,     0,     0,
       0,     0,     0,     0,     0,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
     111,   112,   113,   114,   115,   116,   117,   118,   119,   120,
     121,   122,   123,   124,   125,   126,   127,   128,   129,   130,
     131,   132,   133,   134,   135,   136,   137,   138,   139,   140,
     141,   142,   143,   144,   145,   146,   147,   148,   149,   150,
     151,   152,   153,   154,    88,    89,    90,     0,    91,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,    95,     0,     0,     0,     0,     0,
       0,     0,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,   141,   142,   143,
     144,   145,   146,   147,   148,   149,   150,   151,   152,   153,
     154,     6,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     7,     0,     0,     0,     0,     0,     8,     9,    10,
      11,    12,    13,    14,    15,    16,    17,    18,    19,    20,
      21,    22,    23,    24,    25,    26,    27,    28,    29,    30,
      31,    32,    33,    34,    35
};

static const yytype_int16 yycheck[] =
{
      73,    66,   253,    67,   246,   302,   248,    71,   213,    62,
       5,   410,     4,     5,     6,    79,     8,   416,    83,   261,
      84,    13,    68,    69,    70,   434,    72,    18,    74,    75,
      18,    77,    78,   244,    80,    81,    18,    18,    18,   448,
      18,    12,   286,   287,    15,   444,   257,   300,   301,     5,
     361,   362,    44,   106,   107,   108,   109,   110,     3,     0,
      52,    53,    54,    55,    56,    57,    58,    59,    60,    61,
      62,    63,    64,    65,    66,    67,    68,    69,    70,    71,
      72,    73,    74,    75,    76,    77,    78,    79,    80,    81,
      82,    83,    84,    85,    86,    87,    88,    89,    90,    91,
      92,    93,    94,    95,    96,    97,    98,    99,   100,   101,
     102,   103,   104,   105,   106,   107,   108,   109,   110,    18,
     431,   418,    78,   118,     5,   117,   117,    11,    12,   117,
      18,    11,    12,    18,    12,   117,   117,   117,    94,   117,
      53,    54,    55,    56,   368,    58,     5,     6,     7,   391,
       8,   375,   118,    11,   120,   379,   407,   113,   114,   232,
     233,   234,   118,    18,   229,   238,   239,    51,   241,   242,
     243,    51,   236,    51,    18,     5,     6,     7,    18,   244,
      18,   254,   255,   256,   230,   258,    18,   392,    19,   235,
      25,    18,   257,    18,    29,    30,    18,    78,    57,    18,
      86,    18,    37,    18,   117,   247,    41,   249,   250,   251,
     252,   276,    47,    94,    44,   101,    18,   103,   104,   105,
      18,    18,    52,    18,    18,    18,   272,    57,    58,    18,
      18,    18,   113,   114,   115,    18,   116,    18,    68,    18,
      70,    71,    72,    73,    74,    75,    76,    77,    78,    79,
      80,    81,    82,    83,    84,    85,    86,    87,    88,    89,
      90,    91,    92,    93,    94,    95,    96,    97,    98,    99,
     100,   101,   102,    53,    54,    55,    56,    44,    58,    18,
      18,    48,    49,    50,    18,    18,   116,    18,    18,    18,
     354,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    44,    18,    18,    18,    48,    49,    50,
      18,    18,    18,    18,    18,    18,    18,   390,    18,    18,
      61,    62,    63,    64,    65,    66,    67,    68,    69,     4,
       5,     6,    18,     8,    18,   400,    18,   402,    13,    18,
      18,    18,    18,   116,   111,   112,    18,    18,    18,   116,
      18,    18,     5,   116,    18,    18,    18,    18,    18,    18,
      18,   434,   119,    18,    18,   118,   120,    18,     5,    44,
     111,   112,   116,    18,   120,   448,   121,    52,    53,    54,
      55,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,    98,    99,   100,   101,   102,   103,   104,
     105,   106,   107,   108,   109,   110,     5,     6,     7,   425,
     225,   116,   416,   225,   301,   413,   260,   225,   225,   225,
     420,   400,   400,   361,    -1,   402,    -1,    -1,    -1,   234,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    57,    58,
      -1,    -1,    -1,    -1,    -1,    -1,     5,     6,     7,    68,
      -1,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,   102,    -1,    44,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,   116,    57,    58,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    68,
      -1,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,    98,
      99,   100,   101,     4,     5,     6,     7,     8,     9,    10,
      11,    12,    -1,    -1,    -1,    -1,    -1,   116,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    52,    53,    54,    55,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,   108,   109,   110,
       4,     5,     6,    -1,     8,     9,    -1,    11,    12,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      44,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    52,    53,
      54,    55,    56,    57,    58,    59,    60,    61,    62,    63,
      64,    65,    66,    67,    68,    69,    70,    71,    72,    73,
      74,    75,    76,    77,    78,    79,    80,    81,    82,    83,
      84,    85,    86,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,     4,     5,     6,
      -1,     8,    -1,    -1,    -1,    -1,    13,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    52,    53,    54,    55,    56,
      57,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,    79,    80,    81,    82,    83,    84,    85,    86,
      87,    88,    89,    90,    91,    92,    93,    94,    95,    96,
      97,    98,    99,   100,   101,   102,   103,   104,   105,   106,
     107,   108,   109,   110,     4,     5,     6,    -1,     8,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    44,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    52,    53,    54,    55,    56,    57,    58,    59,
      60,    61,    62,    63,    64,    65,    66,    67,    68,    69,
      70,    71,    72,    73,    74,    75,    76,    77,    78,    79,
      80,    81,    82,    83,    84,    85,    86,    87,    88,    89,
      90,    91,    92,    93,    94,    95,    96,    97,    98,    99,
     100,   101,   102,   103,   104,   105,   106,   107,   108,   109,
     110,     4,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    14,    -1,    -1,    -1,    -1,    -1,    20,    21,    22,
      23,    24,    25,    26,    27,    28,    29,    30,    31,    32,
      33,    34,    35,    36,    37,    38,    39,    40,    41,    42,
      43,    44,    45,    46,    47
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_uint8 yystos[] =
{
       0,     3,   123,   124,     0,    18,     4,    14,    20,    21,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      32,    33,    34,    35,    36,    37,    38,    39,    40,    41,
      42,    43,    44,    45,    46,    47,   125,   126,   127,   129,
     130,   131,   132,   133,   134,   135,   139,   142,   145,   148,
     149,   150,   151,   152,   153,   154,   155,   158,   159,   160,
     161,   162,   177,   180,   128,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    19,    12,    15,     4,     5,
       6,     8,     9,    11,    12,    44,    52,    53,    54,    55,
      56,    57,    58,    59,    60,    61,    62,    63,    64,    65,
      66,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   190,   192,   193,   194,   195,
     144,   194,     5,     6,     7,    57,   189,   190,   190,   190,
     189,   190,   140,   192,   190,   190,    44,    52,    58,    68,
      70,    71,    72,    73,    74,    75,    76,    77,    78,    79,
      80,    81,    82,    83,    84,    85,    86,    87,    88,    89,
      90,    91,    92,    93,    94,    95,    96,    97,    98,    99,
     100,   101,   102,   116,   181,   182,   186,   187,   188,   189,
     190,   190,   189,   190,   190,   136,   194,   189,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,   186,
      18,    18,    18,    18,    29,   137,   138,   160,   161,   162,
     177,   180,    18,    11,    12,    51,   116,   146,   147,   196,
     201,   143,   194,   190,    44,    48,    49,    50,    58,    59,
      60,    61,    62,    63,    64,    65,    66,    67,    68,    69,
     111,   112,   116,   163,   165,   166,     7,    10,   191,   192,
     141,   192,   191,   190,   189,   116,   192,   192,     8,    11,
     200,   192,   192,   176,   192,   194,   199,     5,   202,   187,
     200,   187,   200,   200,   200,   200,   202,   192,   192,   192,
     199,   185,   192,   117,   181,   187,   116,    62,   106,   107,
     108,   109,   110,   178,    18,   190,    13,   117,   197,   198,
     199,    18,    18,     5,   118,   167,   171,   203,   167,   167,
      78,    94,   113,   114,   118,   169,   170,   171,   172,   169,
     164,   165,    53,    54,    55,    56,    58,   117,   183,   184,
      18,    18,    18,    86,   101,   103,   104,   105,   156,   157,
      18,   189,    18,   117,   147,   201,   147,   119,   168,   118,
     120,   168,    18,    18,   168,   118,   120,   168,    18,   117,
      18,   117,   192,   187,   186,    18,   117,   179,   196,   197,
     198,    18,   202,   203,   116,   174,   174,   115,   172,   173,
     165,   184,   157,   147,   120,   175,   176,   203,    18,   117,
     121,   176
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_uint8 yyr1[] =
{
       0,   122,   124,   123,   125,   125,   125,   125,   125,   126,
     126,   126,   126,   127,   128,   128,   128,   129,   130,   130,
     130,   131,   131,   131,   131,   131,   131,   131,   131,   131,
     131,   131,   131,   131,   132,   133,   134,   134,   134,   134,
     134,   134,   134,   134,   134,   136,   135,   137,   137,   137,
     137,   137,   137,   138,   139,   140,   141,   142,   142,   143,
     144,   145,   146,   146,   146,   146,   147,   147,   148,   149,
     150,   151,   152,   153,   154,   155,   156,   156,   157,   157,
     157,   157,   157,   158,   159,   160,   161,   162,   163,   163,
     163,   163,   163,   164,   164,   165,   165,   165,   165,   165,
     165,   165,   165,   165,   165,   165,   165,   165,   165,   165,
     166,   166,   166,   166,   166,   167,   167,   168,   169,   169,
     170,   170,   170,   171,   171,   172,   172,   172,   172,   173,
     173,   174,   175,   175,   176,   177,   178,   178,   178,   178,
     178,   178,   179,   179,   180,   180,   181,   181,   182,   182,
     183,   183,   184,   184,   184,   184,   184,   185,   186,   186,
     187,   188,   188,   188,   188,   188,   188,   188,   188,   188,
     188,   188,   188,   188,   188,   188,   188,   188,   188,   188,
     188,   188,   188,   188,   188,   188,   188,   188,   188,   188,
     188,   188,   188,   188,   188,   188,   188,   188,   189,   189,
     189,   189,   190,   191,   191,   191,   192,   192,   192,   193,
     193,   194,   194,   194,   194,   194,   194,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   195,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   195,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   195,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   195,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   195,   195,   195,   195,
     195,   195,   195,   195,   195,   195,   196,   196,   197,   197,
     198,   198,   199,   200,   200,   201,   202,   203
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     5,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     2,     0,     2,     2,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     3,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     0,     4,     1,     1,     1,
       1,     1,     1,     3,     5,     1,     1,     3,     5,     1,
       1,     5,     1,     3,     3,     5,     1,     1,     3,     3,
       3,     5,     5,     5,     3,     7,     1,     3,     1,     1,
       1,     1,     1,     3,     3,     5,     5,     5,     1,     1,
       1,     1,     3,     1,     3,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     2,     3,     2,     3,     1,
       2,     3,     2,     3,     2,     1,     2,     5,     1,     2,
       1,     1,     3,     1,     3,     1,     3,     3,     1,     1,
       1,     3,     1,     3,     1,     7,     1,     1,     1,     1,
       1,     1,     1,     1,     3,     5,     1,     5,     4,     5,
       1,     3,     1,     1,     1,     1,     1,     1,     1,     3,
       1,     1,     1,     3,     3,     3,     3,     1,     1,     3,
       3,     1,     1,     3,     1,     1,     3,     3,     3,     3,
       1,     1,     1,     3,     1,     1,     5,     3,     3,     5,
       3,     3,     3,     3,     3,     1,     1,     3,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     2,     3,     1,     3,
       1,     1,     1,     1,     1,     1,     1,     1
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

  case 13: /* x_command: "X-command" x_args  */
                                { CMD->type = IMAP_CMD_X; CMD->u.x.name = (yyvsp[-1].tok).s;
				  if (CMD->u.x.args == NULL) CMD->u.x.args = ""; }
    break;

  case 15: /* x_args: x_args "X-command arguments"  */
                                { CMD->u.x.args = CMD->u.x.args == NULL ? (yyvsp[0].tok).s
				    : arena_printf(ctx->arena, "%s%s", CMD->u.x.args, (yyvsp[0].tok).s);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
    break;

  case 16: /* x_args: x_args "literal"  */
                                { CMD->u.x.args = arena_printf(ctx->arena, "%s{%zu}\r\n",
				    CMD->u.x.args == NULL ? "" : CMD->u.x.args, (yyvsp[0].tok).len);
				  if (CMD->u.x.args == NULL) YYNOMEM; }
    break;

  case 17: /* unknown_command: "atom"  */
                                { imap_parse_fail(ctx, "Unknown command %s", (yyvsp[0].tok).s); YYERROR; }
    break;

  case 20: /* command_nonauth: "STARTTLS"  */
                                { CMD->type = IMAP_CMD_STARTTLS; }
    break;

  case 34: /* idle: "IDLE"  */
                                { CMD->type = IMAP_CMD_IDLE; }
    break;

  case 35: /* compress: "COMPRESS" "SP" atom  */
                                { CMD->type = IMAP_CMD_COMPRESS;
				  CMD->u.compress.algorithm = (yyvsp[0].str).data; NOTE("compression algorithm"); }
    break;

  case 36: /* command_select: "CHECK"  */
                                { CMD->type = IMAP_CMD_CHECK; }
    break;

  case 37: /* command_select: "CLOSE"  */
                                { CMD->type = IMAP_CMD_CLOSE; }
    break;

  case 38: /* command_select: "EXPUNGE"  */
                                { CMD->type = IMAP_CMD_EXPUNGE; }
    break;

  case 45: /* $@2: %empty  */
                 { CMD->uid = true; }
    break;

  case 53: /* uid_expunge: "EXPUNGE" "SP" sequence_set  */
                                { CMD->type = IMAP_CMD_EXPUNGE; CMD->u.expunge.set = (yyvsp[0].set); }
    break;

  case 54: /* login: "LOGIN" "SP" userid "SP" password  */
                { CMD->type = IMAP_CMD_LOGIN;
		  CMD->u.login.userid = (yyvsp[-2].str); CMD->u.login.password = (yyvsp[0].str); }
    break;

  case 55: /* userid: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("user name"); }
    break;

  case 56: /* password: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("password"); }
    break;

  case 57: /* authenticate: "AUTHENTICATE" "SP" auth_type  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[0].str).data; }
    break;

  case 58: /* authenticate: "AUTHENTICATE" "SP" auth_type "SP" initial_response  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[-2].str).data;
		  CMD->u.authenticate.has_initial = true;
		  CMD->u.authenticate.initial = (yyvsp[0].str); }
    break;

  case 59: /* initial_response: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("initial response"); }
    break;

  case 60: /* auth_type: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("authentication mechanism");
				  for (char *p = (char *)(yyval.str).data; *p; p++)
					  if (*p >= 'a' && *p <= 'z') *p -= 32; }
    break;

  case 61: /* append: "APPEND" "SP" mailbox "SP" append_rest  */
                { CMD->type = IMAP_CMD_APPEND; CMD->u.append.mailbox = (yyvsp[-2].str);
		  CMD->u.append.is_inbox = imap_str_is_inbox(&(yyvsp[-2].str)); }
    break;

  case 63: /* append_rest: flag_list "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-2].flags); }
    break;

  case 64: /* append_rest: date_time "SP" append_message  */
                { CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 65: /* append_rest: flag_list "SP" date_time "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-4].flags);
		  CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 66: /* append_message: "literal"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  NOTE("message literal"); }
    break;

  case 67: /* append_message: "literal8"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  CMD->u.append.binary = true; NOTE("message literal"); }
    break;

  case 68: /* create: "CREATE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 69: /* delete: "DELETE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_DELETE; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 70: /* examine: "EXAMINE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 71: /* list: "LIST" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LIST;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 72: /* lsub: "LSUB" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LSUB;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 73: /* rename: "RENAME" "SP" mailbox "SP" mailbox  */
                { CMD->type = IMAP_CMD_RENAME;
		  CMD->u.rename.from = (yyvsp[-2].str); CMD->u.rename.to = (yyvsp[0].str);
		  CMD->u.rename.from_inbox = imap_str_is_inbox(&(yyvsp[-2].str));
		  CMD->u.rename.to_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 74: /* select: "SELECT" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 75: /* status: "STATUS" "SP" mailbox "SP" '(' status_att_list ')'  */
                { CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = (yyvsp[-4].str);
		  CMD->u.status.is_inbox = imap_str_is_inbox(&(yyvsp[-4].str)); }
    break;

  case 76: /* status_att_list: status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 77: /* status_att_list: status_att_list "SP" status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 78: /* status_att: "MESSAGES"  */
                                { (yyval.op) = IMAP_STATUS_MESSAGES; }
    break;

  case 79: /* status_att: "RECENT"  */
                                { (yyval.op) = IMAP_STATUS_RECENT; }
    break;

  case 80: /* status_att: "UIDNEXT"  */
                                { (yyval.op) = IMAP_STATUS_UIDNEXT; }
    break;

  case 81: /* status_att: "UIDVALIDITY"  */
                                { (yyval.op) = IMAP_STATUS_UIDVALIDITY; }
    break;

  case 82: /* status_att: "UNSEEN"  */
                                { (yyval.op) = IMAP_STATUS_UNSEEN; }
    break;

  case 83: /* subscribe: "SUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 84: /* unsubscribe: "UNSUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str);
				  CMD->u.mailbox.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 85: /* copy: "COPY" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); CMD->u.copy.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 86: /* move: "MOVE" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_MOVE; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); CMD->u.copy.is_inbox = imap_str_is_inbox(&(yyvsp[0].str)); }
    break;

  case 87: /* fetch: "FETCH" "SP" sequence_set "SP" fetch_what  */
                { CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = (yyvsp[-2].set); }
    break;

  case 88: /* fetch_what: "ALL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
    break;

  case 89: /* fetch_what: "FULL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
    break;

  case 90: /* fetch_what: "FAST"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
    break;

  case 91: /* fetch_what: fetch_att  */
                                { struct imap_vec v = {0}; PUSH(v, (yyvsp[0].att));
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
    break;

  case 92: /* fetch_what: '(' fetch_att_list ')'  */
                                { CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = (yyvsp[-1].vec).v; CMD->u.fetch.natts = (yyvsp[-1].vec).n; }
    break;

  case 93: /* fetch_att_list: fetch_att  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 94: /* fetch_att_list: fetch_att_list "SP" fetch_att  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 95: /* fetch_att: "ENVELOPE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
    break;

  case 96: /* fetch_att: "FLAGS"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
    break;

  case 97: /* fetch_att: "INTERNALDATE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
    break;

  case 98: /* fetch_att: "RFC822"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
    break;

  case 99: /* fetch_att: "RFC822.HEADER"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
    break;

  case 100: /* fetch_att: "RFC822.SIZE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
    break;

  case 101: /* fetch_att: "RFC822.TEXT"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
    break;

  case 102: /* fetch_att: "BODY"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
    break;

  case 103: /* fetch_att: "BODYSTRUCTURE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
    break;

  case 104: /* fetch_att: "UID"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
    break;

  case 105: /* fetch_att: "BODY[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = (yyvsp[0].section) };
				  NOTE("section"); }
    break;

  case 106: /* fetch_att: "BODY[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 107: /* fetch_att: "BODY.PEEK[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = (yyvsp[0].section) }; NOTE("section"); }
    break;

  case 108: /* fetch_att: "BODY.PEEK[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).peek = true; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 110: /* fetch_att_binary: "BINARY[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 111: /* fetch_att_binary: "BINARY[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 112: /* fetch_att_binary: "BINARY.PEEK[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY, .peek = true,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 113: /* fetch_att_binary: "BINARY.PEEK[" section_binary partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BINARY; (yyval.att).peek = true;
				  (yyval.att).section = (struct imap_section){ .parts = (yyvsp[-1].vec).v, .nparts = (yyvsp[-1].vec).n }; }
    break;

  case 114: /* fetch_att_binary: "BINARY.SIZE[" section_binary  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BINARY_SIZE,
					.section = { .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n } }; NOTE("section"); }
    break;

  case 115: /* section_binary: ']'  */
                                { (yyval.vec) = (struct imap_vec){0}; }
    break;

  case 116: /* section_binary: section_part ']'  */
                                { (yyval.vec) = (yyvsp[-1].vec); }
    break;

  case 117: /* partial: '<' number '.' nz_number '>'  */
                                { (yyval.att) = (struct imap_fetch_att){ .partial = true,
					.partial_start = (yyvsp[-3].num), .partial_len = (yyvsp[-1].num) }; NOTE("partial"); }
    break;

  case 118: /* section: ']'  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
    break;

  case 119: /* section: section_spec ']'  */
                                { (yyval.section) = (yyvsp[-1].section); }
    break;

  case 120: /* section_spec: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 121: /* section_spec: section_part  */
                                { (yyval.section) = (struct imap_section){ .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n }; }
    break;

  case 122: /* section_spec: section_part '.' section_text  */
                                { (yyval.section) = (yyvsp[0].section); (yyval.section).parts = (yyvsp[-2].vec).v; (yyval.section).nparts = (yyvsp[-2].vec).n; }
    break;

  case 123: /* section_part: nz_number  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 124: /* section_part: section_part '.' nz_number  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 125: /* section_msgtext: "HEADER"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
    break;

  case 126: /* section_msgtext: "HEADER.FIELDS" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 127: /* section_msgtext: "HEADER.FIELDS.NOT" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 128: /* section_msgtext: "TEXT"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
    break;

  case 129: /* section_text: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 130: /* section_text: "MIME"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
    break;

  case 131: /* header_list: '(' header_fld_names ')'  */
                                { (yyval.vec) = (yyvsp[-1].vec); NOTE("header list"); }
    break;

  case 132: /* header_fld_names: header_fld_name  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 133: /* header_fld_names: header_fld_names "SP" header_fld_name  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 134: /* header_fld_name: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("header field name"); }
    break;

  case 135: /* store: "STORE" "SP" sequence_set "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-4].set); }
    break;

  case 136: /* store_att_flags: "FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); (yyval.op) = 0; }
    break;

  case 137: /* store_att_flags: "FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 138: /* store_att_flags: "+FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); (yyval.op) = 0; }
    break;

  case 139: /* store_att_flags: "+FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 140: /* store_att_flags: "-FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); (yyval.op) = 0; }
    break;

  case 141: /* store_att_flags: "-FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 142: /* store_flags: flag_list  */
                                { CMD->u.store.flags = (yyvsp[0].flags); CMD->u.store.parenthesised = true; }
    break;

  case 143: /* store_flags: flag_seq  */
                                { CMD->u.store.flags = (yyvsp[0].flags); }
    break;

  case 144: /* search: "SEARCH" "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 145: /* search: "SEARCH" "SP" search_return_opts "SP" search_program  */
                                { CMD->type = IMAP_CMD_SEARCH; }
    break;

  case 146: /* search_program: search_key_list  */
                { CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 147: /* search_program: "CHARSET" "SP" charset "SP" search_key_list  */
                { CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 148: /* search_return_opts: "RETURN" "SP" '(' ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 149: /* search_return_opts: "RETURN" "SP" '(' search_return_opt_list ')'  */
                                { CMD->u.search.has_return = true; NOTE("search return options"); }
    break;

  case 152: /* search_return_opt: "MIN"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MIN; NOTE("search return option"); }
    break;

  case 153: /* search_return_opt: "MAX"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_MAX; NOTE("search return option"); }
    break;

  case 154: /* search_return_opt: "ALL"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_ALL; NOTE("search return option"); }
    break;

  case 155: /* search_return_opt: "COUNT"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_COUNT; NOTE("search return option"); }
    break;

  case 156: /* search_return_opt: "SAVE"  */
                                { CMD->u.search.ret |= IMAP_SEARCH_RET_SAVE; NOTE("search return option"); }
    break;

  case 157: /* charset: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("charset name"); }
    break;

  case 158: /* search_key_list: search_key  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 159: /* search_key_list: search_key_list "SP" search_key  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 160: /* search_key: search_key_1  */
                                { (yyval.key) = (yyvsp[0].key); NOTE("search key"); }
    break;

  case 161: /* search_key_1: "ALL"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ALL)); }
    break;

  case 162: /* search_key_1: "ANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
    break;

  case 163: /* search_key_1: "BCC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BCC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 164: /* search_key_1: "BEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 165: /* search_key_1: "BODY" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BODY)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 166: /* search_key_1: "CC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_CC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 167: /* search_key_1: "DELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DELETED)); }
    break;

  case 168: /* search_key_1: "FLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
    break;

  case 169: /* search_key_1: "FROM" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FROM)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 170: /* search_key_1: "KEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_KEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 171: /* search_key_1: "NEW"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NEW)); }
    break;

  case 172: /* search_key_1: "OLD"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OLD)); }
    break;

  case 173: /* search_key_1: "ON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 174: /* search_key_1: "RECENT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_RECENT)); }
    break;

  case 175: /* search_key_1: "SEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEEN)); }
    break;

  case 176: /* search_key_1: "SINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 177: /* search_key_1: "SUBJECT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SUBJECT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 178: /* search_key_1: "TEXT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TEXT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 179: /* search_key_1: "TO" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TO)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 180: /* search_key_1: "UNANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
    break;

  case 181: /* search_key_1: "UNDELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
    break;

  case 182: /* search_key_1: "UNFLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
    break;

  case 183: /* search_key_1: "UNKEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 184: /* search_key_1: "UNSEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
    break;

  case 185: /* search_key_1: "DRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DRAFT)); }
    break;

  case 186: /* search_key_1: "HEADER" "SP" header_fld_name "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_HEADER)); (yyval.key)->field = (yyvsp[-2].str); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 187: /* search_key_1: "LARGER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LARGER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 188: /* search_key_1: "NOT" "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NOT)); (yyval.key)->sub[0] = (yyvsp[0].key); }
    break;

  case 189: /* search_key_1: "OR" "SP" search_key "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OR)); (yyval.key)->sub[0] = (yyvsp[-2].key); (yyval.key)->sub[1] = (yyvsp[0].key); }
    break;

  case 190: /* search_key_1: "SENTBEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 191: /* search_key_1: "SENTON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 192: /* search_key_1: "SENTSINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTSINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 193: /* search_key_1: "SMALLER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SMALLER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 194: /* search_key_1: "UID" "SP" sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UID)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 195: /* search_key_1: "UNDRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
    break;

  case 196: /* search_key_1: sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEQSET)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 197: /* search_key_1: '(' search_key_list ')'  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LIST));
				  (yyval.key)->list = (yyvsp[-1].vec).v; (yyval.key)->nlist = (yyvsp[-1].vec).n; }
    break;

  case 198: /* sequence_set: "number"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 199: /* sequence_set: "sequence set"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 200: /* sequence_set: "sequence set with *"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 201: /* sequence_set: "$"  */
                                { (yyval.set) = (struct imap_seq_set){ .saved = true }; NOTE("sequence set"); }
    break;

  case 202: /* mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox name"); }
    break;

  case 203: /* list_mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox pattern"); }
    break;

  case 204: /* list_mailbox: "mailbox pattern"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 205: /* list_mailbox: "sequence set with *"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 206: /* astring: atom  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 207: /* astring: "astring"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 208: /* astring: string  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 209: /* string: "quoted string"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_QUOTED); }
    break;

  case 210: /* string: "literal"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL); }
    break;

  case 211: /* atom: "atom"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 212: /* atom: "number"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 213: /* atom: "sequence set"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 214: /* atom: "date"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 215: /* atom: "$"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 216: /* atom: keyword  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 276: /* flag_list: '(' ')'  */
                                { (yyval.flags) = (struct imap_flags){0}; NOTE("flag list"); }
    break;

  case 277: /* flag_list: '(' flag_seq ')'  */
                                { (yyval.flags) = (yyvsp[-1].flags); NOTE("flag list"); }
    break;

  case 278: /* flag_seq: flag  */
                                { (yyval.flags) = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 279: /* flag_seq: flag_seq "SP" flag  */
                                { (yyval.flags) = (yyvsp[-2].flags);
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 280: /* flag: "flag"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("flag"); }
    break;

  case 281: /* flag: flag_keyword  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 282: /* flag_keyword: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("flag keyword"); }
    break;

  case 283: /* date: "date"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 284: /* date: "quoted string"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 285: /* date_time: "quoted string"  */
                                { CHECK(imap_build_datetime(ctx, &(yyvsp[0].tok), &(yyval.datetime))); NOTE("date-time"); }
    break;

  case 286: /* number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), false, &(yyval.num))); NOTE("number"); }
    break;

  case 287: /* nz_number: "number"  */
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
	if (HAS(K_MESSAGES) && !HAS(T_ATOM))
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
