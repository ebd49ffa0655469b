/* generated from grammar/imap.y (grammar sha256 952aaf5c2e13180a5f96ed33711a470cfa2464bacb719ee7808d575729f3d7d2), do not edit: run make gen */
/* A Bison parser, made by GNU Bison.  */

/* Bison interface for Yacc-like parsers in C

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

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_IMAP_YY_IMAP_PARSE_H_INCLUDED
# define YY_IMAP_YY_IMAP_PARSE_H_INCLUDED
/* Debug traces.  */
#ifndef IMAP_YYDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define IMAP_YYDEBUG 1
#  else
#   define IMAP_YYDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define IMAP_YYDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined IMAP_YYDEBUG */
#if IMAP_YYDEBUG
extern int imap_yydebug;
#endif
/* "%code requires" blocks.  */

#include "proto/parse_ctx.h"


/* Token kinds.  */
#ifndef IMAP_YYTOKENTYPE
# define IMAP_YYTOKENTYPE
  enum imap_yytokentype
  {
    IMAP_YYEMPTY = -2,
    IMAP_YYEOF = 0,                /* "end of file"  */
    IMAP_YYerror = 256,            /* error  */
    IMAP_YYUNDEF = 257,            /* "invalid token"  */
    T_TAG = 258,                   /* "tag"  */
    T_ATOM = 259,                  /* "atom"  */
    T_NUMBER = 260,                /* "number"  */
    T_SEQSET = 261,                /* "sequence set"  */
    T_SEQSTAR = 262,               /* "sequence set with *"  */
    T_DATE = 263,                  /* "date"  */
    T_ASTRWORD = 264,              /* "astring"  */
    T_LISTWORD = 265,              /* "mailbox pattern"  */
    T_QUOTED = 266,                /* "quoted string"  */
    T_LITERAL = 267,               /* "literal"  */
    T_FLAG = 268,                  /* "flag"  */
    T_XCMD = 269,                  /* "X-command"  */
    T_RAW = 270,                   /* "X-command arguments"  */
    T_LITHDR = 271,                /* "literal header"  */
    T_LEXERROR = 272,              /* "invalid input"  */
    SP = 273,                      /* "SP"  */
    CRLF = 274,                    /* "end of line"  */
    K_APPEND = 275,                /* "APPEND"  */
    K_AUTHENTICATE = 276,          /* "AUTHENTICATE"  */
    K_CAPABILITY = 277,            /* "CAPABILITY"  */
    K_CHECK = 278,                 /* "CHECK"  */
    K_CLOSE = 279,                 /* "CLOSE"  */
    K_COPY = 280,                  /* "COPY"  */
    K_CREATE = 281,                /* "CREATE"  */
    K_DELETE = 282,                /* "DELETE"  */
    K_EXAMINE = 283,               /* "EXAMINE"  */
    K_EXPUNGE = 284,               /* "EXPUNGE"  */
    K_FETCH = 285,                 /* "FETCH"  */
    K_LIST = 286,                  /* "LIST"  */
    K_LOGIN = 287,                 /* "LOGIN"  */
    K_LOGOUT = 288,                /* "LOGOUT"  */
    K_LSUB = 289,                  /* "LSUB"  */
    K_NOOP = 290,                  /* "NOOP"  */
    K_RENAME = 291,                /* "RENAME"  */
    K_SEARCH = 292,                /* "SEARCH"  */
    K_SELECT = 293,                /* "SELECT"  */
    K_STARTTLS = 294,              /* "STARTTLS"  */
    K_STATUS = 295,                /* "STATUS"  */
    K_STORE = 296,                 /* "STORE"  */
    K_SUBSCRIBE = 297,             /* "SUBSCRIBE"  */
    K_UNSUBSCRIBE = 298,           /* "UNSUBSCRIBE"  */
    K_UID = 299,                   /* "UID"  */
    K_IDLE = 300,                  /* "IDLE"  */
    K_COMPRESS = 301,              /* "COMPRESS"  */
    K_NAMESPACE = 302,             /* "NAMESPACE"  */
    K_ID = 303,                    /* "ID"  */
    K_UNSELECT = 304,              /* "UNSELECT"  */
    K_ENABLE = 305,                /* "ENABLE"  */
    K_MOVE = 306,                  /* "MOVE"  */
    T_BINARY_SECTION = 307,        /* "BINARY["  */
    T_BINARY_PEEK_SECTION = 308,   /* "BINARY.PEEK["  */
    T_BINARY_SIZE_SECTION = 309,   /* "BINARY.SIZE["  */
    T_LITERAL8 = 310,              /* "literal8"  */
    K_RETURN = 311,                /* "RETURN"  */
    K_MIN = 312,                   /* "MIN"  */
    K_MAX = 313,                   /* "MAX"  */
    K_COUNT = 314,                 /* "COUNT"  */
    K_SAVE = 315,                  /* "SAVE"  */
    T_SEQLAST = 316,               /* "$"  */
    K_SORT = 317,                  /* "SORT"  */
    K_THREAD = 318,                /* "THREAD"  */
    K_GETQUOTA = 319,              /* "GETQUOTA"  */
    K_GETQUOTAROOT = 320,          /* "GETQUOTAROOT"  */
    K_SETQUOTA = 321,              /* "SETQUOTA"  */
    K_ALL = 322,                   /* "ALL"  */
    K_FAST = 323,                  /* "FAST"  */
    K_FULL = 324,                  /* "FULL"  */
    K_ENVELOPE = 325,              /* "ENVELOPE"  */
    K_FLAGS = 326,                 /* "FLAGS"  */
    K_INTERNALDATE = 327,          /* "INTERNALDATE"  */
    K_RFC822 = 328,                /* "RFC822"  */
    K_RFC822_HEADER = 329,         /* "RFC822.HEADER"  */
    K_RFC822_SIZE = 330,           /* "RFC822.SIZE"  */
    K_RFC822_TEXT = 331,           /* "RFC822.TEXT"  */
    K_BODY = 332,                  /* "BODY"  */
    K_BODYSTRUCTURE = 333,         /* "BODYSTRUCTURE"  */
    K_ANSWERED = 334,              /* "ANSWERED"  */
    K_BCC = 335,                   /* "BCC"  */
    K_BEFORE = 336,                /* "BEFORE"  */
    K_CC = 337,                    /* "CC"  */
    K_DELETED = 338,               /* "DELETED"  */
    K_DRAFT = 339,                 /* "DRAFT"  */
    K_FLAGGED = 340,               /* "FLAGGED"  */
    K_FROM = 341,                  /* "FROM"  */
    K_HEADER = 342,                /* "HEADER"  */
    K_KEYWORD = 343,               /* "KEYWORD"  */
    K_LARGER = 344,                /* "LARGER"  */
    K_NEW = 345,                   /* "NEW"  */
    K_NOT = 346,                   /* "NOT"  */
    K_OLD = 347,                   /* "OLD"  */
    K_ON = 348,                    /* "ON"  */
    K_OR = 349,                    /* "OR"  */
    K_RECENT = 350,                /* "RECENT"  */
    K_SEEN = 351,                  /* "SEEN"  */
    K_SENTBEFORE = 352,            /* "SENTBEFORE"  */
    K_SENTON = 353,                /* "SENTON"  */
    K_SENTSINCE = 354,             /* "SENTSINCE"  */
    K_SINCE = 355,                 /* "SINCE"  */
    K_SMALLER = 356,               /* "SMALLER"  */
    K_SUBJECT = 357,               /* "SUBJECT"  */
    K_TEXT = 358,                  /* "TEXT"  */
    K_TO = 359,                    /* "TO"  */
    K_UNANSWERED = 360,            /* "UNANSWERED"  */
    K_UNDELETED = 361,             /* "UNDELETED"  */
    K_UNDRAFT = 362,               /* "UNDRAFT"  */
    K_UNFLAGGED = 363,             /* "UNFLAGGED"  */
    K_UNKEYWORD = 364,             /* "UNKEYWORD"  */
    K_UNSEEN = 365,                /* "UNSEEN"  */
    K_CHARSET = 366,               /* "CHARSET"  */
    K_MESSAGES = 367,              /* "MESSAGES"  */
    K_UIDNEXT = 368,               /* "UIDNEXT"  */
    K_UIDVALIDITY = 369,           /* "UIDVALIDITY"  */
    K_PLUS_FLAGS = 370,            /* "+FLAGS"  */
    K_MINUS_FLAGS = 371,           /* "-FLAGS"  */
    K_FLAGS_SILENT = 372,          /* "FLAGS.SILENT"  */
    K_PLUS_FLAGS_SILENT = 373,     /* "+FLAGS.SILENT"  */
    K_MINUS_FLAGS_SILENT = 374,    /* "-FLAGS.SILENT"  */
    K_MODSEQ = 375,                /* "MODSEQ"  */
    K_HIGHESTMODSEQ = 376,         /* "HIGHESTMODSEQ"  */
    K_CONDSTORE = 377,             /* "CONDSTORE"  */
    K_QRESYNC = 378,               /* "QRESYNC"  */
    K_UNCHANGEDSINCE = 379,        /* "UNCHANGEDSINCE"  */
    K_CHANGEDSINCE = 380,          /* "CHANGEDSINCE"  */
    K_VANISHED = 381,              /* "VANISHED"  */
    T_BODY_SECTION = 382,          /* "BODY["  */
    T_BODY_PEEK_SECTION = 383,     /* "BODY.PEEK["  */
    K_HEADER_FIELDS = 384,         /* "HEADER.FIELDS"  */
    K_HEADER_FIELDS_NOT = 385,     /* "HEADER.FIELDS.NOT"  */
    K_MIME = 386                   /* "MIME"  */
  };
  typedef enum imap_yytokentype imap_yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined IMAP_YYSTYPE && ! defined IMAP_YYSTYPE_IS_DECLARED
union IMAP_YYSTYPE
{

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
	uint64_t u64;           /* RFC 7162: mod-sequence-value */


};
typedef union IMAP_YYSTYPE IMAP_YYSTYPE;
# define IMAP_YYSTYPE_IS_TRIVIAL 1
# define IMAP_YYSTYPE_IS_DECLARED 1
#endif




#ifndef YYPUSH_MORE_DEFINED
# define YYPUSH_MORE_DEFINED
enum { YYPUSH_MORE = 4 };
#endif

typedef struct imap_yypstate imap_yypstate;


int imap_yypush_parse (imap_yypstate *ps,
                  int pushed_char, IMAP_YYSTYPE const *pushed_val, struct imap_parse_ctx *ctx);

imap_yypstate *imap_yypstate_new (void);
void imap_yypstate_delete (imap_yypstate *ps);


#endif /* !YY_IMAP_YY_IMAP_PARSE_H_INCLUDED  */
