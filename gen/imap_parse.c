/* generated from grammar/imap.y (grammar sha256 f98de6a7a35ee67df27868ae4a6f76286f74ef965d45822bdc0163f425fabf69), do not edit: run make gen */
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
  YYSYMBOL_K_ALL = 45,                     /* "ALL"  */
  YYSYMBOL_K_FAST = 46,                    /* "FAST"  */
  YYSYMBOL_K_FULL = 47,                    /* "FULL"  */
  YYSYMBOL_K_ENVELOPE = 48,                /* "ENVELOPE"  */
  YYSYMBOL_K_FLAGS = 49,                   /* "FLAGS"  */
  YYSYMBOL_K_INTERNALDATE = 50,            /* "INTERNALDATE"  */
  YYSYMBOL_K_RFC822 = 51,                  /* "RFC822"  */
  YYSYMBOL_K_RFC822_HEADER = 52,           /* "RFC822.HEADER"  */
  YYSYMBOL_K_RFC822_SIZE = 53,             /* "RFC822.SIZE"  */
  YYSYMBOL_K_RFC822_TEXT = 54,             /* "RFC822.TEXT"  */
  YYSYMBOL_K_BODY = 55,                    /* "BODY"  */
  YYSYMBOL_K_BODYSTRUCTURE = 56,           /* "BODYSTRUCTURE"  */
  YYSYMBOL_K_ANSWERED = 57,                /* "ANSWERED"  */
  YYSYMBOL_K_BCC = 58,                     /* "BCC"  */
  YYSYMBOL_K_BEFORE = 59,                  /* "BEFORE"  */
  YYSYMBOL_K_CC = 60,                      /* "CC"  */
  YYSYMBOL_K_DELETED = 61,                 /* "DELETED"  */
  YYSYMBOL_K_DRAFT = 62,                   /* "DRAFT"  */
  YYSYMBOL_K_FLAGGED = 63,                 /* "FLAGGED"  */
  YYSYMBOL_K_FROM = 64,                    /* "FROM"  */
  YYSYMBOL_K_HEADER = 65,                  /* "HEADER"  */
  YYSYMBOL_K_KEYWORD = 66,                 /* "KEYWORD"  */
  YYSYMBOL_K_LARGER = 67,                  /* "LARGER"  */
  YYSYMBOL_K_NEW = 68,                     /* "NEW"  */
  YYSYMBOL_K_NOT = 69,                     /* "NOT"  */
  YYSYMBOL_K_OLD = 70,                     /* "OLD"  */
  YYSYMBOL_K_ON = 71,                      /* "ON"  */
  YYSYMBOL_K_OR = 72,                      /* "OR"  */
  YYSYMBOL_K_RECENT = 73,                  /* "RECENT"  */
  YYSYMBOL_K_SEEN = 74,                    /* "SEEN"  */
  YYSYMBOL_K_SENTBEFORE = 75,              /* "SENTBEFORE"  */
  YYSYMBOL_K_SENTON = 76,                  /* "SENTON"  */
  YYSYMBOL_K_SENTSINCE = 77,               /* "SENTSINCE"  */
  YYSYMBOL_K_SINCE = 78,                   /* "SINCE"  */
  YYSYMBOL_K_SMALLER = 79,                 /* "SMALLER"  */
  YYSYMBOL_K_SUBJECT = 80,                 /* "SUBJECT"  */
  YYSYMBOL_K_TEXT = 81,                    /* "TEXT"  */
  YYSYMBOL_K_TO = 82,                      /* "TO"  */
  YYSYMBOL_K_UNANSWERED = 83,              /* "UNANSWERED"  */
  YYSYMBOL_K_UNDELETED = 84,               /* "UNDELETED"  */
  YYSYMBOL_K_UNDRAFT = 85,                 /* "UNDRAFT"  */
  YYSYMBOL_K_UNFLAGGED = 86,               /* "UNFLAGGED"  */
  YYSYMBOL_K_UNKEYWORD = 87,               /* "UNKEYWORD"  */
  YYSYMBOL_K_UNSEEN = 88,                  /* "UNSEEN"  */
  YYSYMBOL_K_CHARSET = 89,                 /* "CHARSET"  */
  YYSYMBOL_K_MESSAGES = 90,                /* "MESSAGES"  */
  YYSYMBOL_K_UIDNEXT = 91,                 /* "UIDNEXT"  */
  YYSYMBOL_K_UIDVALIDITY = 92,             /* "UIDVALIDITY"  */
  YYSYMBOL_K_PLUS_FLAGS = 93,              /* "+FLAGS"  */
  YYSYMBOL_K_MINUS_FLAGS = 94,             /* "-FLAGS"  */
  YYSYMBOL_K_FLAGS_SILENT = 95,            /* "FLAGS.SILENT"  */
  YYSYMBOL_K_PLUS_FLAGS_SILENT = 96,       /* "+FLAGS.SILENT"  */
  YYSYMBOL_K_MINUS_FLAGS_SILENT = 97,      /* "-FLAGS.SILENT"  */
  YYSYMBOL_T_BODY_SECTION = 98,            /* "BODY["  */
  YYSYMBOL_T_BODY_PEEK_SECTION = 99,       /* "BODY.PEEK["  */
  YYSYMBOL_K_HEADER_FIELDS = 100,          /* "HEADER.FIELDS"  */
  YYSYMBOL_K_HEADER_FIELDS_NOT = 101,      /* "HEADER.FIELDS.NOT"  */
  YYSYMBOL_K_MIME = 102,                   /* "MIME"  */
  YYSYMBOL_103_ = 103,                     /* '('  */
  YYSYMBOL_104_ = 104,                     /* ')'  */
  YYSYMBOL_105_ = 105,                     /* '<'  */
  YYSYMBOL_106_ = 106,                     /* '.'  */
  YYSYMBOL_107_ = 107,                     /* '>'  */
  YYSYMBOL_108_ = 108,                     /* ']'  */
  YYSYMBOL_YYACCEPT = 109,                 /* $accept  */
  YYSYMBOL_command = 110,                  /* command  */
  YYSYMBOL_111_1 = 111,                    /* $@1  */
  YYSYMBOL_command_body = 112,             /* command_body  */
  YYSYMBOL_command_any = 113,              /* command_any  */
  YYSYMBOL_x_command = 114,                /* x_command  */
  YYSYMBOL_x_args = 115,                   /* x_args  */
  YYSYMBOL_unknown_command = 116,          /* unknown_command  */
  YYSYMBOL_command_nonauth = 117,          /* command_nonauth  */
  YYSYMBOL_command_auth = 118,             /* command_auth  */
  YYSYMBOL_command_select = 119,           /* command_select  */
  YYSYMBOL_uid = 120,                      /* uid  */
  YYSYMBOL_121_2 = 121,                    /* $@2  */
  YYSYMBOL_uid_command = 122,              /* uid_command  */
  YYSYMBOL_uid_expunge = 123,              /* uid_expunge  */
  YYSYMBOL_login = 124,                    /* login  */
  YYSYMBOL_userid = 125,                   /* userid  */
  YYSYMBOL_password = 126,                 /* password  */
  YYSYMBOL_authenticate = 127,             /* authenticate  */
  YYSYMBOL_initial_response = 128,         /* initial_response  */
  YYSYMBOL_auth_type = 129,                /* auth_type  */
  YYSYMBOL_append = 130,                   /* append  */
  YYSYMBOL_append_rest = 131,              /* append_rest  */
  YYSYMBOL_append_message = 132,           /* append_message  */
  YYSYMBOL_create = 133,                   /* create  */
  YYSYMBOL_delete = 134,                   /* delete  */
  YYSYMBOL_examine = 135,                  /* examine  */
  YYSYMBOL_list = 136,                     /* list  */
  YYSYMBOL_lsub = 137,                     /* lsub  */
  YYSYMBOL_rename = 138,                   /* rename  */
  YYSYMBOL_select = 139,                   /* select  */
  YYSYMBOL_status = 140,                   /* status  */
  YYSYMBOL_status_att_list = 141,          /* status_att_list  */
  YYSYMBOL_status_att = 142,               /* status_att  */
  YYSYMBOL_subscribe = 143,                /* subscribe  */
  YYSYMBOL_unsubscribe = 144,              /* unsubscribe  */
  YYSYMBOL_copy = 145,                     /* copy  */
  YYSYMBOL_fetch = 146,                    /* fetch  */
  YYSYMBOL_fetch_what = 147,               /* fetch_what  */
  YYSYMBOL_fetch_att_list = 148,           /* fetch_att_list  */
  YYSYMBOL_fetch_att = 149,                /* fetch_att  */
  YYSYMBOL_partial = 150,                  /* partial  */
  YYSYMBOL_section = 151,                  /* section  */
  YYSYMBOL_section_spec = 152,             /* section_spec  */
  YYSYMBOL_section_part = 153,             /* section_part  */
  YYSYMBOL_section_msgtext = 154,          /* section_msgtext  */
  YYSYMBOL_section_text = 155,             /* section_text  */
  YYSYMBOL_header_list = 156,              /* header_list  */
  YYSYMBOL_header_fld_names = 157,         /* header_fld_names  */
  YYSYMBOL_header_fld_name = 158,          /* header_fld_name  */
  YYSYMBOL_store = 159,                    /* store  */
  YYSYMBOL_store_att_flags = 160,          /* store_att_flags  */
  YYSYMBOL_store_flags = 161,              /* store_flags  */
  YYSYMBOL_search = 162,                   /* search  */
  YYSYMBOL_charset = 163,                  /* charset  */
  YYSYMBOL_search_key_list = 164,          /* search_key_list  */
  YYSYMBOL_search_key = 165,               /* search_key  */
  YYSYMBOL_search_key_1 = 166,             /* search_key_1  */
  YYSYMBOL_sequence_set = 167,             /* sequence_set  */
  YYSYMBOL_mailbox = 168,                  /* mailbox  */
  YYSYMBOL_list_mailbox = 169,             /* list_mailbox  */
  YYSYMBOL_astring = 170,                  /* astring  */
  YYSYMBOL_string = 171,                   /* string  */
  YYSYMBOL_atom = 172,                     /* atom  */
  YYSYMBOL_keyword = 173,                  /* keyword  */
  YYSYMBOL_flag_list = 174,                /* flag_list  */
  YYSYMBOL_flag_seq = 175,                 /* flag_seq  */
  YYSYMBOL_flag = 176,                     /* flag  */
  YYSYMBOL_flag_keyword = 177,             /* flag_keyword  */
  YYSYMBOL_date = 178,                     /* date  */
  YYSYMBOL_date_time = 179,                /* date_time  */
  YYSYMBOL_number = 180,                   /* number  */
  YYSYMBOL_nz_number = 181                 /* nz_number  */
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
#define YYLAST   977

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  109
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  73
/* YYNRULES -- Number of rules.  */
#define YYNRULES  253
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  400

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   357


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
     103,   104,     2,     2,     2,     2,   106,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
     105,     2,   107,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,   108,     2,     2,     2,     2,     2,     2,
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
      95,    96,    97,    98,    99,   100,   101,   102
};

#if IMAP_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   139,   139,   139,   143,   144,   145,   146,   147,   152,
     153,   154,   155,   161,   166,   167,   170,   177,   183,   184,
     185,   191,   191,   191,   191,   191,   191,   191,   191,   192,
     192,   192,   198,   199,   200,   201,   201,   201,   201,   202,
     207,   207,   211,   211,   211,   211,   212,   217,   225,   232,
     237,   244,   247,   256,   261,   271,   276,   277,   279,   281,
     287,   294,   299,   304,   309,   316,   324,   331,   336,   341,
     342,   349,   350,   351,   352,   353,   358,   363,   371,   379,
     384,   385,   386,   387,   389,   395,   396,   406,   407,   408,
     409,   410,   411,   412,   413,   414,   415,   416,   419,   421,
     424,   430,   441,   442,   447,   448,   449,   455,   456,   463,
     464,   467,   470,   475,   476,   481,   486,   487,   493,   498,
     506,   507,   508,   509,   510,   511,   515,   516,   523,   528,
     538,   542,   543,   561,   565,   566,   567,   568,   569,   570,
     571,   572,   573,   574,   576,   577,   578,   579,   580,   581,
     582,   583,   584,   585,   586,   587,   588,   590,   591,   592,
     594,   595,   596,   598,   599,   600,   601,   602,   603,   604,
     605,   617,   618,   619,   625,   631,   632,   633,   640,   641,
     642,   647,   648,   654,   655,   656,   657,   658,   664,   664,
     664,   664,   664,   664,   664,   665,   665,   665,   665,   666,
     666,   666,   666,   666,   666,   667,   667,   667,   667,   667,
     667,   668,   668,   668,   668,   668,   668,   668,   668,   669,
     669,   669,   669,   669,   669,   670,   670,   670,   670,   670,
     670,   671,   671,   671,   671,   671,   672,   672,   672,   672,
     673,   673,   679,   680,   684,   686,   695,   696,   701,   707,
     708,   714,   719,   724
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
  "STARTTLS", "STATUS", "STORE", "SUBSCRIBE", "UNSUBSCRIBE", "UID", "ALL",
  "FAST", "FULL", "ENVELOPE", "FLAGS", "INTERNALDATE", "RFC822",
  "RFC822.HEADER", "RFC822.SIZE", "RFC822.TEXT", "BODY", "BODYSTRUCTURE",
  "ANSWERED", "BCC", "BEFORE", "CC", "DELETED", "DRAFT", "FLAGGED", "FROM",
  "HEADER", "KEYWORD", "LARGER", "NEW", "NOT", "OLD", "ON", "OR", "RECENT",
  "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE", "SINCE", "SMALLER",
  "SUBJECT", "TEXT", "TO", "UNANSWERED", "UNDELETED", "UNDRAFT",
  "UNFLAGGED", "UNKEYWORD", "UNSEEN", "CHARSET", "MESSAGES", "UIDNEXT",
  "UIDVALIDITY", "+FLAGS", "-FLAGS", "FLAGS.SILENT", "+FLAGS.SILENT",
  "-FLAGS.SILENT", "BODY[", "BODY.PEEK[", "HEADER.FIELDS",
  "HEADER.FIELDS.NOT", "MIME", "'('", "')'", "'<'", "'.'", "'>'", "']'",
  "$accept", "command", "$@1", "command_body", "command_any", "x_command",
  "x_args", "unknown_command", "command_nonauth", "command_auth",
  "command_select", "uid", "$@2", "uid_command", "uid_expunge", "login",
  "userid", "password", "authenticate", "initial_response", "auth_type",
  "append", "append_rest", "append_message", "create", "delete", "examine",
  "list", "lsub", "rename", "select", "status", "status_att_list",
  "status_att", "subscribe", "unsubscribe", "copy", "fetch", "fetch_what",
  "fetch_att_list", "fetch_att", "partial", "section", "section_spec",
  "section_part", "section_msgtext", "section_text", "header_list",
  "header_fld_names", "header_fld_name", "store", "store_att_flags",
  "store_flags", "search", "charset", "search_key_list", "search_key",
  "search_key_1", "sequence_set", "mailbox", "list_mailbox", "astring",
  "string", "atom", "keyword", "flag_list", "flag_seq", "flag",
  "flag_keyword", "date", "date_time", "number", "nz_number", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-349)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      47,  -349,    51,    63,  -349,   933,  -349,  -349,    65,    66,
    -349,  -349,  -349,    69,    70,    78,    86,  -349,    90,    91,
      93,  -349,    96,  -349,    97,   101,   107,  -349,   108,   114,
     115,   116,   118,   119,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,    40,   651,
     839,    72,   651,   651,   651,    72,   651,   651,   651,   651,
     153,   651,   651,    72,   651,   651,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,   121,  -349,  -349,  -349,  -349,   122,  -349,  -349,  -349,
    -349,   123,  -349,  -349,  -349,   124,   125,   126,  -349,   130,
     131,   143,  -349,   144,  -349,   145,   147,   154,  -349,  -349,
    -349,   155,   156,   157,   158,  -349,   159,  -349,   160,   161,
    -349,  -349,   162,   163,   164,   165,   167,   168,   169,   170,
    -349,  -349,  -349,  -349,   171,  -349,   172,   472,   173,  -349,
    -349,  -349,  -349,   174,   175,  -349,  -349,    24,     3,   839,
     651,   -13,   557,   651,   557,   651,    72,   651,   651,    48,
     651,   651,   651,   839,   132,   472,    48,   472,    48,    48,
      48,    48,   132,   651,   651,   651,   839,   651,    -7,   472,
      92,    27,   176,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,   285,  -349,  -349,   178,   182,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,    -1,    -1,    19,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,   183,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,   184,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,   185,  -349,  -349,  -349,    39,  -349,  -349,  -349,  -349,
    -349,  -349,   186,    72,  -349,  -349,    -6,  -349,  -349,    46,
     193,  -349,  -349,  -349,   188,   189,  -349,   104,   135,   138,
    -349,  -349,   104,     6,  -349,   651,   472,   472,  -349,  -349,
    -349,  -349,  -349,     9,  -349,   379,  -349,   745,  -349,  -349,
     227,  -349,   146,   146,   132,  -349,  -349,     1,  -349,    19,
    -349,  -349,  -349,   173,    39,  -349,  -349,  -349,   228,  -349,
     193,   651,  -349,  -349,   141,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,    12,  -349,   243,   651,  -349,   148,  -349,  -349
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_uint8 yydefact[] =
{
       0,     2,     0,     0,     1,     0,    17,    14,     0,     0,
       9,    32,    33,     0,     0,     0,     0,    34,     0,     0,
       0,    10,     0,    11,     0,     0,     0,    20,     0,     0,
       0,     0,     0,     0,     4,    12,     8,     5,     6,     7,
      39,    18,    19,    21,    22,    23,    24,    25,    26,    27,
      28,    29,    30,    31,    35,    36,    37,    38,    13,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,    40,     3,    16,    15,
     183,   184,   185,   186,   179,   181,   182,   200,   188,   189,
     190,   191,   192,   193,   194,   195,   196,   197,   198,   199,
     201,   202,   203,   204,   205,   206,   207,   208,   209,   210,
     211,   212,   213,   214,   215,   216,   217,   218,   219,   220,
     221,   222,   223,   224,   225,   226,   227,   228,   229,   230,
     231,   232,   233,   234,   235,   236,   237,   238,   239,   240,
     241,     0,   174,   180,   178,   187,    51,    54,   171,   172,
     173,     0,    61,    62,    63,     0,     0,     0,    49,     0,
       0,     0,   134,     0,   135,     0,     0,     0,   140,   158,
     141,     0,     0,     0,     0,   144,     0,   145,     0,     0,
     147,   148,     0,     0,     0,     0,     0,     0,     0,     0,
     153,   154,   168,   155,     0,   157,     0,     0,   128,   131,
     133,   169,    67,     0,     0,    76,    77,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    41,    46,    42,    43,    45,    44,   251,
      60,     0,    55,    56,     0,     0,    52,    53,    78,    96,
      80,    82,    81,    87,    88,    89,    90,    91,    92,    93,
      94,    95,     0,     0,     0,    79,    83,   177,   176,    64,
     175,    48,    50,    65,    66,   167,   138,   136,   249,   250,
     137,   139,   142,     0,   118,   248,   143,   252,   160,   161,
     146,     0,   163,   164,   165,   149,   166,   150,   151,   152,
     156,     0,   130,   170,   132,     0,   120,   122,   124,   121,
     123,   125,     0,     0,   246,   242,     0,   244,   247,     0,
       0,   253,   109,   112,     0,     0,   102,    97,     0,   105,
     104,   107,    99,     0,    85,     0,     0,     0,    72,    75,
      71,    73,    74,     0,    69,     0,    47,     0,   243,    57,
       0,    58,     0,     0,     0,    98,   103,     0,   100,     0,
      84,   159,   162,   129,     0,    68,   119,   126,   127,   245,
       0,     0,   110,   111,     0,   114,   113,   106,   108,    86,
      70,    59,     0,   116,     0,     0,   115,     0,   117,   101
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -285,  -349,  -349,  -349,  -349,  -349,  -349,
    -349,  -349,  -349,  -124,  -349,  -349,    44,    45,  -349,  -349,
    -264,   -89,   -19,  -349,  -349,  -110,  -349,  -105,  -349,  -333,
      52,  -349,  -349,    53,  -349,  -195,  -218,  -349,   -60,   -46,
      50,   -67,  -349,   -52,  -349,   -94,   -93,   -92,  -176,  -137,
     -63,  -229,  -348
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int16 yydefgoto[] =
{
       0,     2,     3,    33,    34,    35,    58,    36,    37,    38,
      39,    40,   207,   243,   244,    41,   157,   281,    42,   256,
     146,    43,   252,   253,    44,    45,    46,    47,    48,    49,
      50,    51,   353,   354,    52,    53,    54,    55,   275,   343,
     276,   365,   337,   338,   339,   340,   387,   382,   392,   293,
      56,   322,   376,    57,   311,   198,   199,   200,   201,   141,
     279,   142,   143,   144,   145,   254,   326,   327,   328,   290,
     255,   298,   341
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
     158,   151,   238,   306,   331,   155,   331,   299,   147,   301,
     344,   239,   357,   204,   249,   250,   152,   153,   154,   388,
     156,   314,   159,   160,   369,   202,   203,   374,   205,   206,
     395,   259,   260,   261,   262,   263,   264,   265,   266,   267,
     268,   269,   270,   271,   359,   361,   397,   296,   393,    13,
       1,     4,    78,   242,    18,    79,   288,   249,   250,   289,
     310,    25,   398,   259,   332,    29,   332,   263,   264,   265,
     266,   267,   268,   269,   270,   271,   316,   148,   149,   150,
     333,     5,   333,    59,    60,   272,   273,    61,    62,   300,
     274,   302,   303,   304,   305,   391,    63,   313,   358,   334,
     335,   334,   335,   385,    64,   389,   251,   336,    65,    66,
     370,    67,   348,   375,    68,    69,   396,   272,   273,    70,
     317,   318,   319,   320,   321,    71,    72,   349,   372,   350,
     351,   352,    73,    74,    75,   384,    76,   297,    77,   208,
     209,   210,   211,   212,   213,   280,   282,   280,   214,   215,
     286,   287,   373,   291,   292,   294,   285,   257,   148,   149,
     150,   216,   217,   218,   258,   219,   307,   308,   309,   284,
     312,   295,   220,   221,   222,   223,   224,   225,   226,   227,
     228,   229,   230,   231,   295,   232,   233,   234,   235,   236,
     237,   239,   240,   241,   323,   315,   329,   161,   162,   295,
     330,   345,   346,   347,   355,   250,   362,   363,   163,   364,
     164,   165,   166,   167,   168,   169,   170,   171,   172,   173,
     174,   175,   176,   177,   178,   179,   180,   181,   182,   183,
     184,   185,   186,   187,   188,   189,   190,   191,   192,   193,
     194,   195,   196,   366,   367,   380,   357,   394,   331,   381,
     390,   245,   246,   368,   342,   399,   197,   386,   383,   247,
     248,   377,   378,   356,   283,   379,   360,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   371,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,    80,
      81,    82,     0,    83,     0,     0,     0,     0,   324,     0,
       0,     0,     0,   295,     0,   295,     0,     0,     0,     0,
       0,     0,     0,     0,   294,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,   294,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,   127,
     128,   129,   130,   131,   132,   133,   134,   135,   136,   137,
     138,   139,   140,    80,    81,    82,     0,    83,     0,   325,
       0,     0,   324,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,   148,   149,   150,
       0,     0,   251,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,   161,   162,     0,     0,
       0,     0,     0,     0,     0,     0,     0,   163,     0,   164,
     165,   166,   167,   168,   169,   170,   171,   172,   173,   174,
     175,   176,   177,   178,   179,   180,   181,   182,   183,   184,
     185,   186,   187,   188,   189,   190,   191,   192,   193,   194,
     195,    80,    81,    82,   277,    83,    84,   278,    85,    86,
       0,     0,     0,     0,     0,   197,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,    87,    88,    89,    90,    91,    92,    93,    94,    95,
      96,    97,    98,    99,   100,   101,   102,   103,   104,   105,
     106,   107,   108,   109,   110,   111,   112,   113,   114,   115,
     116,   117,   118,   119,   120,   121,   122,   123,   124,   125,
     126,   127,   128,   129,   130,   131,   132,   133,   134,   135,
     136,   137,   138,   139,   140,    80,    81,    82,     0,    83,
      84,     0,    85,    86,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,    87,    88,    89,    90,    91,
      92,    93,    94,    95,    96,    97,    98,    99,   100,   101,
     102,   103,   104,   105,   106,   107,   108,   109,   110,   111,
     112,   113,   114,   115,   116,   117,   118,   119,   120,   121,
     122,   123,   124,   125,   126,   127,   128,   129,   130,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,    80,
      81,    82,     0,    83,     0,     0,     0,     0,   324,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,    87,
      88,    89,    90,    91,    92,    93,    94,    95,    96,    97,
      98,    99,   100,   101,   102,   103,   104,   105,   106,   107,
     108,   109,   110,   111,   112,   113,   114,   115,   116,   117,
     118,   119,   120,   121,   122,   123,   124,   125,   126,   127,
     128,   129,   130,   131,   132,   133,   134,   135,   136,   137,
     138,   139,   140,    80,    81,    82,     0,    83,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    87,    88,    89,    90,    91,    92,    93,
      94,    95,    96,    97,    98,    99,   100,   101,   102,   103,
     104,   105,   106,   107,   108,   109,   110,   111,   112,   113,
     114,   115,   116,   117,   118,   119,   120,   121,   122,   123,
     124,   125,   126,   127,   128,   129,   130,   131,   132,   133,
     134,   135,   136,   137,   138,   139,   140,     6,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     7,     0,     0,
       0,     0,     0,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29,    30,    31,    32
};

static const yytype_int16 yycheck[] =
{
      67,    61,   197,   232,     5,    65,     5,   225,    60,   227,
     274,    18,    18,    73,    11,    12,    62,    63,    64,   367,
      66,   239,    68,    69,    18,    71,    72,    18,    74,    75,
      18,    44,    45,    46,    47,    48,    49,    50,    51,    52,
      53,    54,    55,    56,   329,   330,   394,   223,   381,    25,
       3,     0,    12,    29,    30,    15,     8,    11,    12,    11,
     236,    37,   395,    44,    65,    41,    65,    48,    49,    50,
      51,    52,    53,    54,    55,    56,    49,     5,     6,     7,
      81,    18,    81,    18,    18,    98,    99,    18,    18,   226,
     103,   228,   229,   230,   231,   380,    18,   104,   104,   100,
     101,   100,   101,   102,    18,   369,   103,   108,    18,    18,
     104,    18,    73,   104,    18,    18,   104,    98,    99,    18,
      93,    94,    95,    96,    97,    18,    18,    88,   346,    90,
      91,    92,    18,    18,    18,   364,    18,     5,    19,    18,
      18,    18,    18,    18,    18,   212,   213,   214,    18,    18,
     217,   218,   347,   220,   221,   222,   216,   209,     5,     6,
       7,    18,    18,    18,   210,    18,   233,   234,   235,   215,
     237,   223,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,   236,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,   103,    18,    44,    45,   251,
      18,    18,    18,    18,    18,    12,    18,    18,    55,   105,
      57,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,    79,    80,    81,    82,    83,    84,    85,    86,
      87,    88,    89,   108,   106,    18,    18,   106,     5,   103,
     374,   207,   207,   342,   273,   107,   103,   367,   363,   207,
     207,   355,   355,   323,   214,   357,   329,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,   345,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,     4,
       5,     6,    -1,     8,    -1,    -1,    -1,    -1,    13,    -1,
      -1,    -1,    -1,   355,    -1,   357,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,   381,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,   395,    44,
      45,    46,    47,    48,    49,    50,    51,    52,    53,    54,
      55,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,     4,     5,     6,    -1,     8,    -1,   104,
      -1,    -1,    13,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    45,    46,    47,    48,    49,    50,
      51,    52,    53,    54,    55,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,     5,     6,     7,
      -1,    -1,   103,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    44,    45,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    55,    -1,    57,
      58,    59,    60,    61,    62,    63,    64,    65,    66,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,     4,     5,     6,     7,     8,     9,    10,    11,    12,
      -1,    -1,    -1,    -1,    -1,   103,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    44,    45,    46,    47,    48,    49,    50,    51,    52,
      53,    54,    55,    56,    57,    58,    59,    60,    61,    62,
      63,    64,    65,    66,    67,    68,    69,    70,    71,    72,
      73,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,    90,    91,    92,
      93,    94,    95,    96,    97,     4,     5,     6,    -1,     8,
       9,    -1,    11,    12,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    44,    45,    46,    47,    48,
      49,    50,    51,    52,    53,    54,    55,    56,    57,    58,
      59,    60,    61,    62,    63,    64,    65,    66,    67,    68,
      69,    70,    71,    72,    73,    74,    75,    76,    77,    78,
      79,    80,    81,    82,    83,    84,    85,    86,    87,    88,
      89,    90,    91,    92,    93,    94,    95,    96,    97,     4,
       5,     6,    -1,     8,    -1,    -1,    -1,    -1,    13,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    44,
      45,    46,    47,    48,    49,    50,    51,    52,    53,    54,
      55,    56,    57,    58,    59,    60,    61,    62,    63,    64,
      65,    66,    67,    68,    69,    70,    71,    72,    73,    74,
      75,    76,    77,    78,    79,    80,    81,    82,    83,    84,
      85,    86,    87,    88,    89,    90,    91,    92,    93,    94,
      95,    96,    97,     4,     5,     6,    -1,     8,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    44,    45,    46,    47,    48,    49,    50,
      51,    52,    53,    54,    55,    56,    57,    58,    59,    60,
      61,    62,    63,    64,    65,    66,    67,    68,    69,    70,
      71,    72,    73,    74,    75,    76,    77,    78,    79,    80,
      81,    82,    83,    84,    85,    86,    87,    88,    89,    90,
      91,    92,    93,    94,    95,    96,    97,     4,    -1,    -1,
      -1,    -1,    -1,    -1,    -1,    -1,    -1,    14,    -1,    -1,
      -1,    -1,    -1,    20,    21,    22,    23,    24,    25,    26,
      27,    28,    29,    30,    31,    32,    33,    34,    35,    36,
      37,    38,    39,    40,    41,    42,    43,    44
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_uint8 yystos[] =
{
       0,     3,   110,   111,     0,    18,     4,    14,    20,    21,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      32,    33,    34,    35,    36,    37,    38,    39,    40,    41,
      42,    43,    44,   112,   113,   114,   116,   117,   118,   119,
     120,   124,   127,   130,   133,   134,   135,   136,   137,   138,
     139,   140,   143,   144,   145,   146,   159,   162,   115,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    19,    12,    15,
       4,     5,     6,     8,     9,    11,    12,    44,    45,    46,
      47,    48,    49,    50,    51,    52,    53,    54,    55,    56,
      57,    58,    59,    60,    61,    62,    63,    64,    65,    66,
      67,    68,    69,    70,    71,    72,    73,    74,    75,    76,
      77,    78,    79,    80,    81,    82,    83,    84,    85,    86,
      87,    88,    89,    90,    91,    92,    93,    94,    95,    96,
      97,   168,   170,   171,   172,   173,   129,   172,     5,     6,
       7,   167,   168,   168,   168,   167,   168,   125,   170,   168,
     168,    44,    45,    55,    57,    58,    59,    60,    61,    62,
      63,    64,    65,    66,    67,    68,    69,    70,    71,    72,
      73,    74,    75,    76,    77,    78,    79,    80,    81,    82,
      83,    84,    85,    86,    87,    88,    89,   103,   164,   165,
     166,   167,   168,   168,   167,   168,   168,   121,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,    18,    18,
      18,    18,    18,    18,    18,    18,    18,    18,   164,    18,
      18,    18,    29,   122,   123,   145,   146,   159,   162,    11,
      12,   103,   131,   132,   174,   179,   128,   172,   168,    44,
      45,    46,    47,    48,    49,    50,    51,    52,    53,    54,
      55,    56,    98,    99,   103,   147,   149,     7,    10,   169,
     170,   126,   170,   169,   168,   167,   170,   170,     8,    11,
     178,   170,   170,   158,   170,   172,   177,     5,   180,   165,
     178,   165,   178,   178,   178,   178,   180,   170,   170,   170,
     177,   163,   170,   104,   165,   103,    49,    93,    94,    95,
      96,    97,   160,    18,    13,   104,   175,   176,   177,    18,
      18,     5,    65,    81,   100,   101,   108,   151,   152,   153,
     154,   181,   151,   148,   149,    18,    18,    18,    73,    88,
      90,    91,    92,   141,   142,    18,   167,    18,   104,   132,
     179,   132,    18,    18,   105,   150,   108,   106,   150,    18,
     104,   170,   165,   164,    18,   104,   161,   174,   175,   176,
      18,   103,   156,   156,   180,   102,   154,   155,   181,   149,
     142,   132,   157,   158,   106,    18,   104,   181,   158,   107
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_uint8 yyr1[] =
{
       0,   109,   111,   110,   112,   112,   112,   112,   112,   113,
     113,   113,   113,   114,   115,   115,   115,   116,   117,   117,
     117,   118,   118,   118,   118,   118,   118,   118,   118,   118,
     118,   118,   119,   119,   119,   119,   119,   119,   119,   119,
     121,   120,   122,   122,   122,   122,   122,   123,   124,   125,
     126,   127,   127,   128,   129,   130,   131,   131,   131,   131,
     132,   133,   134,   135,   136,   137,   138,   139,   140,   141,
     141,   142,   142,   142,   142,   142,   143,   144,   145,   146,
     147,   147,   147,   147,   147,   148,   148,   149,   149,   149,
     149,   149,   149,   149,   149,   149,   149,   149,   149,   149,
     149,   150,   151,   151,   152,   152,   152,   153,   153,   154,
     154,   154,   154,   155,   155,   156,   157,   157,   158,   159,
     160,   160,   160,   160,   160,   160,   161,   161,   162,   162,
     163,   164,   164,   165,   166,   166,   166,   166,   166,   166,
     166,   166,   166,   166,   166,   166,   166,   166,   166,   166,
     166,   166,   166,   166,   166,   166,   166,   166,   166,   166,
     166,   166,   166,   166,   166,   166,   166,   166,   166,   166,
     166,   167,   167,   167,   168,   169,   169,   169,   170,   170,
     170,   171,   171,   172,   172,   172,   172,   172,   173,   173,
     173,   173,   173,   173,   173,   173,   173,   173,   173,   173,
     173,   173,   173,   173,   173,   173,   173,   173,   173,   173,
     173,   173,   173,   173,   173,   173,   173,   173,   173,   173,
     173,   173,   173,   173,   173,   173,   173,   173,   173,   173,
     173,   173,   173,   173,   173,   173,   173,   173,   173,   173,
     173,   173,   174,   174,   175,   175,   176,   176,   177,   178,
     178,   179,   180,   181
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     5,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     2,     0,     2,     2,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       0,     4,     1,     1,     1,     1,     1,     3,     5,     1,
       1,     3,     5,     1,     1,     5,     1,     3,     3,     5,
       1,     3,     3,     3,     5,     5,     5,     3,     7,     1,
       3,     1,     1,     1,     1,     1,     3,     3,     5,     5,
       1,     1,     1,     1,     3,     1,     3,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     2,     3,     2,
       3,     5,     1,     2,     1,     1,     3,     1,     3,     1,
       3,     3,     1,     1,     1,     3,     1,     3,     1,     7,
       1,     1,     1,     1,     1,     1,     1,     1,     3,     7,
       1,     1,     3,     1,     1,     1,     3,     3,     3,     3,
       1,     1,     3,     3,     1,     1,     3,     1,     1,     3,
       3,     3,     3,     1,     1,     1,     3,     1,     1,     5,
       3,     3,     5,     3,     3,     3,     3,     3,     1,     1,
       3,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     2,     3,     1,     3,     1,     1,     1,     1,
       1,     1,     1,     1
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

  case 32: /* command_select: "CHECK"  */
                                { CMD->type = IMAP_CMD_CHECK; }
    break;

  case 33: /* command_select: "CLOSE"  */
                                { CMD->type = IMAP_CMD_CLOSE; }
    break;

  case 34: /* command_select: "EXPUNGE"  */
                                { CMD->type = IMAP_CMD_EXPUNGE; }
    break;

  case 40: /* $@2: %empty  */
                 { CMD->uid = true; }
    break;

  case 47: /* uid_expunge: "EXPUNGE" "SP" sequence_set  */
                                { CMD->type = IMAP_CMD_EXPUNGE; CMD->u.expunge.set = (yyvsp[0].set); }
    break;

  case 48: /* login: "LOGIN" "SP" userid "SP" password  */
                { CMD->type = IMAP_CMD_LOGIN;
		  CMD->u.login.userid = (yyvsp[-2].str); CMD->u.login.password = (yyvsp[0].str); }
    break;

  case 49: /* userid: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("user name"); }
    break;

  case 50: /* password: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("password"); }
    break;

  case 51: /* authenticate: "AUTHENTICATE" "SP" auth_type  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[0].str).data; }
    break;

  case 52: /* authenticate: "AUTHENTICATE" "SP" auth_type "SP" initial_response  */
                { CMD->type = IMAP_CMD_AUTHENTICATE;
		  CMD->u.authenticate.mechanism = (yyvsp[-2].str).data;
		  CMD->u.authenticate.has_initial = true;
		  CMD->u.authenticate.initial = (yyvsp[0].str); }
    break;

  case 53: /* initial_response: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("initial response"); }
    break;

  case 54: /* auth_type: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("authentication mechanism");
				  for (char *p = (char *)(yyval.str).data; *p; p++)
					  if (*p >= 'a' && *p <= 'z') *p -= 32; }
    break;

  case 55: /* append: "APPEND" "SP" mailbox "SP" append_rest  */
                { CMD->type = IMAP_CMD_APPEND; CMD->u.append.mailbox = (yyvsp[-2].str); }
    break;

  case 57: /* append_rest: flag_list "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-2].flags); }
    break;

  case 58: /* append_rest: date_time "SP" append_message  */
                { CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 59: /* append_rest: flag_list "SP" date_time "SP" append_message  */
                { CMD->u.append.has_flags = true; CMD->u.append.flags = (yyvsp[-4].flags);
		  CMD->u.append.has_date = true; CMD->u.append.date = (yyvsp[-2].datetime); }
    break;

  case 60: /* append_message: "literal"  */
                                { CMD->u.append.message = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL);
				  NOTE("message literal"); }
    break;

  case 61: /* create: "CREATE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_CREATE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 62: /* delete: "DELETE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_DELETE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 63: /* examine: "EXAMINE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_EXAMINE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 64: /* list: "LIST" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LIST;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 65: /* lsub: "LSUB" "SP" mailbox "SP" list_mailbox  */
                { CMD->type = IMAP_CMD_LSUB;
		  CMD->u.list.reference = (yyvsp[-2].str); CMD->u.list.pattern = (yyvsp[0].str); }
    break;

  case 66: /* rename: "RENAME" "SP" mailbox "SP" mailbox  */
                { CMD->type = IMAP_CMD_RENAME;
		  CMD->u.rename.from = (yyvsp[-2].str); CMD->u.rename.to = (yyvsp[0].str); }
    break;

  case 67: /* select: "SELECT" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SELECT; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 68: /* status: "STATUS" "SP" mailbox "SP" '(' status_att_list ')'  */
                { CMD->type = IMAP_CMD_STATUS; CMD->u.status.mailbox = (yyvsp[-4].str); }
    break;

  case 69: /* status_att_list: status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 70: /* status_att_list: status_att_list "SP" status_att  */
                                { CHECK(imap_status_add(ctx, (yyvsp[0].op))); }
    break;

  case 71: /* status_att: "MESSAGES"  */
                                { (yyval.op) = IMAP_STATUS_MESSAGES; }
    break;

  case 72: /* status_att: "RECENT"  */
                                { (yyval.op) = IMAP_STATUS_RECENT; }
    break;

  case 73: /* status_att: "UIDNEXT"  */
                                { (yyval.op) = IMAP_STATUS_UIDNEXT; }
    break;

  case 74: /* status_att: "UIDVALIDITY"  */
                                { (yyval.op) = IMAP_STATUS_UIDVALIDITY; }
    break;

  case 75: /* status_att: "UNSEEN"  */
                                { (yyval.op) = IMAP_STATUS_UNSEEN; }
    break;

  case 76: /* subscribe: "SUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_SUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 77: /* unsubscribe: "UNSUBSCRIBE" "SP" mailbox  */
                                { CMD->type = IMAP_CMD_UNSUBSCRIBE; CMD->u.mailbox.mailbox = (yyvsp[0].str); }
    break;

  case 78: /* copy: "COPY" "SP" sequence_set "SP" mailbox  */
                { CMD->type = IMAP_CMD_COPY; CMD->u.copy.set = (yyvsp[-2].set);
		  CMD->u.copy.mailbox = (yyvsp[0].str); }
    break;

  case 79: /* fetch: "FETCH" "SP" sequence_set "SP" fetch_what  */
                { CMD->type = IMAP_CMD_FETCH; CMD->u.fetch.set = (yyvsp[-2].set); }
    break;

  case 80: /* fetch_what: "ALL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_ALL; NOTE("ALL"); }
    break;

  case 81: /* fetch_what: "FULL"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FULL; NOTE("FULL"); }
    break;

  case 82: /* fetch_what: "FAST"  */
                                { CMD->u.fetch.macro = IMAP_FETCH_MACRO_FAST; NOTE("FAST"); }
    break;

  case 83: /* fetch_what: fetch_att  */
                                { struct imap_vec v = {0}; PUSH(v, (yyvsp[0].att));
				  CMD->u.fetch.atts = v.v; CMD->u.fetch.natts = v.n; }
    break;

  case 84: /* fetch_what: '(' fetch_att_list ')'  */
                                { CMD->u.fetch.parenthesised = true;
				  CMD->u.fetch.atts = (yyvsp[-1].vec).v; CMD->u.fetch.natts = (yyvsp[-1].vec).n; }
    break;

  case 85: /* fetch_att_list: fetch_att  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 86: /* fetch_att_list: fetch_att_list "SP" fetch_att  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].att)); }
    break;

  case 87: /* fetch_att: "ENVELOPE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_ENVELOPE }; NOTE("fetch attribute"); }
    break;

  case 88: /* fetch_att: "FLAGS"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_FLAGS }; NOTE("fetch attribute"); }
    break;

  case 89: /* fetch_att: "INTERNALDATE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_INTERNALDATE }; NOTE("fetch attribute"); }
    break;

  case 90: /* fetch_att: "RFC822"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822 }; NOTE("fetch attribute"); }
    break;

  case 91: /* fetch_att: "RFC822.HEADER"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_HEADER }; NOTE("fetch attribute"); }
    break;

  case 92: /* fetch_att: "RFC822.SIZE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_SIZE }; NOTE("fetch attribute"); }
    break;

  case 93: /* fetch_att: "RFC822.TEXT"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_RFC822_TEXT }; NOTE("fetch attribute"); }
    break;

  case 94: /* fetch_att: "BODY"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY }; NOTE("fetch attribute"); }
    break;

  case 95: /* fetch_att: "BODYSTRUCTURE"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODYSTRUCTURE }; NOTE("fetch attribute"); }
    break;

  case 96: /* fetch_att: "UID"  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_UID }; NOTE("fetch attribute"); }
    break;

  case 97: /* fetch_att: "BODY[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .section = (yyvsp[0].section) };
				  NOTE("section"); }
    break;

  case 98: /* fetch_att: "BODY[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 99: /* fetch_att: "BODY.PEEK[" section  */
                                { (yyval.att) = (struct imap_fetch_att){ .type = IMAP_FETCH_BODY_SECTION, .peek = true,
					.section = (yyvsp[0].section) }; NOTE("section"); }
    break;

  case 100: /* fetch_att: "BODY.PEEK[" section partial  */
                                { (yyval.att) = (yyvsp[0].att); (yyval.att).type = IMAP_FETCH_BODY_SECTION; (yyval.att).peek = true; (yyval.att).section = (yyvsp[-1].section); }
    break;

  case 101: /* partial: '<' number '.' nz_number '>'  */
                                { (yyval.att) = (struct imap_fetch_att){ .partial = true,
					.partial_start = (yyvsp[-3].num), .partial_len = (yyvsp[-1].num) }; NOTE("partial"); }
    break;

  case 102: /* section: ']'  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_NONE }; }
    break;

  case 103: /* section: section_spec ']'  */
                                { (yyval.section) = (yyvsp[-1].section); }
    break;

  case 104: /* section_spec: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 105: /* section_spec: section_part  */
                                { (yyval.section) = (struct imap_section){ .parts = (yyvsp[0].vec).v, .nparts = (yyvsp[0].vec).n }; }
    break;

  case 106: /* section_spec: section_part '.' section_text  */
                                { (yyval.section) = (yyvsp[0].section); (yyval.section).parts = (yyvsp[-2].vec).v; (yyval.section).nparts = (yyvsp[-2].vec).n; }
    break;

  case 107: /* section_part: nz_number  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 108: /* section_part: section_part '.' nz_number  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].num)); NOTE("section part"); }
    break;

  case 109: /* section_msgtext: "HEADER"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER }; }
    break;

  case 110: /* section_msgtext: "HEADER.FIELDS" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 111: /* section_msgtext: "HEADER.FIELDS.NOT" "SP" header_list  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_HEADER_FIELDS_NOT,
					.fields = (yyvsp[0].vec).v, .nfields = (yyvsp[0].vec).n }; }
    break;

  case 112: /* section_msgtext: "TEXT"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_TEXT }; }
    break;

  case 113: /* section_text: section_msgtext  */
                                { (yyval.section) = (yyvsp[0].section); }
    break;

  case 114: /* section_text: "MIME"  */
                                { (yyval.section) = (struct imap_section){ .text = IMAP_SECTION_MIME }; }
    break;

  case 115: /* header_list: '(' header_fld_names ')'  */
                                { (yyval.vec) = (yyvsp[-1].vec); NOTE("header list"); }
    break;

  case 116: /* header_fld_names: header_fld_name  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 117: /* header_fld_names: header_fld_names "SP" header_fld_name  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].str)); }
    break;

  case 118: /* header_fld_name: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("header field name"); }
    break;

  case 119: /* store: "STORE" "SP" sequence_set "SP" store_att_flags "SP" store_flags  */
                { CMD->type = IMAP_CMD_STORE; CMD->u.store.set = (yyvsp[-4].set); }
    break;

  case 120: /* store_att_flags: "FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; NOTE("FLAGS"); (yyval.op) = 0; }
    break;

  case 121: /* store_att_flags: "FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REPLACE; CMD->u.store.silent = true; NOTE("FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 122: /* store_att_flags: "+FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; NOTE("+FLAGS"); (yyval.op) = 0; }
    break;

  case 123: /* store_att_flags: "+FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_ADD; CMD->u.store.silent = true; NOTE("+FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 124: /* store_att_flags: "-FLAGS"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; NOTE("-FLAGS"); (yyval.op) = 0; }
    break;

  case 125: /* store_att_flags: "-FLAGS.SILENT"  */
                                { CMD->u.store.op = IMAP_STORE_REMOVE; CMD->u.store.silent = true; NOTE("-FLAGS.SILENT"); (yyval.op) = 0; }
    break;

  case 126: /* store_flags: flag_list  */
                                { CMD->u.store.flags = (yyvsp[0].flags); CMD->u.store.parenthesised = true; }
    break;

  case 127: /* store_flags: flag_seq  */
                                { CMD->u.store.flags = (yyvsp[0].flags); }
    break;

  case 128: /* search: "SEARCH" "SP" search_key_list  */
                { CMD->type = IMAP_CMD_SEARCH;
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 129: /* search: "SEARCH" "SP" "CHARSET" "SP" charset "SP" search_key_list  */
                { CMD->type = IMAP_CMD_SEARCH;
		  CMD->u.search.has_charset = true; CMD->u.search.charset = (yyvsp[-2].str);
		  CMD->u.search.keys = imap_key_new(ctx, IMAP_SK_LIST);
		  if (CMD->u.search.keys == NULL) YYNOMEM;
		  CMD->u.search.keys->list = (yyvsp[0].vec).v; CMD->u.search.keys->nlist = (yyvsp[0].vec).n; }
    break;

  case 130: /* charset: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("charset name"); }
    break;

  case 131: /* search_key_list: search_key  */
                                { (yyval.vec) = (struct imap_vec){0}; PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 132: /* search_key_list: search_key_list "SP" search_key  */
                                { (yyval.vec) = (yyvsp[-2].vec); PUSH((yyval.vec), (yyvsp[0].key)); }
    break;

  case 133: /* search_key: search_key_1  */
                                { (yyval.key) = (yyvsp[0].key); NOTE("search key"); }
    break;

  case 134: /* search_key_1: "ALL"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ALL)); }
    break;

  case 135: /* search_key_1: "ANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ANSWERED)); }
    break;

  case 136: /* search_key_1: "BCC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BCC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 137: /* search_key_1: "BEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 138: /* search_key_1: "BODY" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_BODY)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 139: /* search_key_1: "CC" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_CC)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 140: /* search_key_1: "DELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DELETED)); }
    break;

  case 141: /* search_key_1: "FLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FLAGGED)); }
    break;

  case 142: /* search_key_1: "FROM" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_FROM)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 143: /* search_key_1: "KEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_KEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 144: /* search_key_1: "NEW"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NEW)); }
    break;

  case 145: /* search_key_1: "OLD"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OLD)); }
    break;

  case 146: /* search_key_1: "ON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_ON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 147: /* search_key_1: "RECENT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_RECENT)); }
    break;

  case 148: /* search_key_1: "SEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEEN)); }
    break;

  case 149: /* search_key_1: "SINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 150: /* search_key_1: "SUBJECT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SUBJECT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 151: /* search_key_1: "TEXT" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TEXT)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 152: /* search_key_1: "TO" "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_TO)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 153: /* search_key_1: "UNANSWERED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNANSWERED)); }
    break;

  case 154: /* search_key_1: "UNDELETED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDELETED)); }
    break;

  case 155: /* search_key_1: "UNFLAGGED"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNFLAGGED)); }
    break;

  case 156: /* search_key_1: "UNKEYWORD" "SP" flag_keyword  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNKEYWORD)); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 157: /* search_key_1: "UNSEEN"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNSEEN)); }
    break;

  case 158: /* search_key_1: "DRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_DRAFT)); }
    break;

  case 159: /* search_key_1: "HEADER" "SP" header_fld_name "SP" astring  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_HEADER)); (yyval.key)->field = (yyvsp[-2].str); (yyval.key)->str = (yyvsp[0].str); }
    break;

  case 160: /* search_key_1: "LARGER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LARGER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 161: /* search_key_1: "NOT" "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_NOT)); (yyval.key)->sub[0] = (yyvsp[0].key); }
    break;

  case 162: /* search_key_1: "OR" "SP" search_key "SP" search_key  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_OR)); (yyval.key)->sub[0] = (yyvsp[-2].key); (yyval.key)->sub[1] = (yyvsp[0].key); }
    break;

  case 163: /* search_key_1: "SENTBEFORE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTBEFORE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 164: /* search_key_1: "SENTON" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTON)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 165: /* search_key_1: "SENTSINCE" "SP" date  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SENTSINCE)); (yyval.key)->date = (yyvsp[0].date); }
    break;

  case 166: /* search_key_1: "SMALLER" "SP" number  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SMALLER)); (yyval.key)->number = (yyvsp[0].num); }
    break;

  case 167: /* search_key_1: "UID" "SP" sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UID)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 168: /* search_key_1: "UNDRAFT"  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_UNDRAFT)); }
    break;

  case 169: /* search_key_1: sequence_set  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_SEQSET)); (yyval.key)->set = (yyvsp[0].set); }
    break;

  case 170: /* search_key_1: '(' search_key_list ')'  */
                                { CHECK((yyval.key) = imap_key_new(ctx, IMAP_SK_LIST));
				  (yyval.key)->list = (yyvsp[-1].vec).v; (yyval.key)->nlist = (yyvsp[-1].vec).n; }
    break;

  case 171: /* sequence_set: "number"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 172: /* sequence_set: "sequence set"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 173: /* sequence_set: "sequence set with *"  */
                                { CHECK(imap_build_seqset(ctx, &(yyvsp[0].tok), &(yyval.set))); NOTE("sequence set"); }
    break;

  case 174: /* mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox name"); }
    break;

  case 175: /* list_mailbox: astring  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("mailbox pattern"); }
    break;

  case 176: /* list_mailbox: "mailbox pattern"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 177: /* list_mailbox: "sequence set with *"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("mailbox pattern"); }
    break;

  case 178: /* astring: atom  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 179: /* astring: "astring"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 180: /* astring: string  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 181: /* string: "quoted string"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_QUOTED); }
    break;

  case 182: /* string: "literal"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_LITERAL); }
    break;

  case 183: /* atom: "atom"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 184: /* atom: "number"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 185: /* atom: "sequence set"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 186: /* atom: "date"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 187: /* atom: keyword  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); }
    break;

  case 242: /* flag_list: '(' ')'  */
                                { (yyval.flags) = (struct imap_flags){0}; NOTE("flag list"); }
    break;

  case 243: /* flag_list: '(' flag_seq ')'  */
                                { (yyval.flags) = (yyvsp[-1].flags); NOTE("flag list"); }
    break;

  case 244: /* flag_seq: flag  */
                                { (yyval.flags) = (struct imap_flags){0};
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 245: /* flag_seq: flag_seq "SP" flag  */
                                { (yyval.flags) = (yyvsp[-2].flags);
				  CHECK(imap_flags_add(ctx, &(yyval.flags), (yyvsp[0].str).data)); }
    break;

  case 246: /* flag: "flag"  */
                                { (yyval.str) = imap_str_from_tok(&(yyvsp[0].tok), IMAP_STR_ATOM); NOTE("flag"); }
    break;

  case 247: /* flag: flag_keyword  */
                                { (yyval.str) = (yyvsp[0].str); }
    break;

  case 248: /* flag_keyword: atom  */
                                { (yyval.str) = (yyvsp[0].str); NOTE("flag keyword"); }
    break;

  case 249: /* date: "date"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 250: /* date: "quoted string"  */
                                { CHECK(imap_build_date(ctx, &(yyvsp[0].tok), &(yyval.date))); NOTE("date"); }
    break;

  case 251: /* date_time: "quoted string"  */
                                { CHECK(imap_build_datetime(ctx, &(yyvsp[0].tok), &(yyval.datetime))); NOTE("date-time"); }
    break;

  case 252: /* number: "number"  */
                                { CHECK(imap_build_number(ctx, &(yyvsp[0].tok), false, &(yyval.num))); NOTE("number"); }
    break;

  case 253: /* nz_number: "number"  */
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
	case K_RENAME: case K_LIST: case K_LSUB: case K_COPY:
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
		return "COPY, EXPUNGE, FETCH, SEARCH or STORE";
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
