# imapd - an IMAP4rev1 server (RFC 2060 / RFC 3501) over maildir.
#
#   make              build bin/imapd and bin/imapd-master
#   make check        every test; ends with "N passed, N failed"
#   make check SANITIZE=1   the same under ASan + UBSan
#   make gen          regenerate gen/ from grammar/ (needs re2c and bison)
#   make conformance  the RFC 2060 conformance matrix and suite; against
#                     another server: make conformance HOST=h PORT=p USER=u PASS=p [TLS=1]
#                     (USER counts only when given on make's command line)
#   make fuzz         run every libFuzzer target (parser, mime, mutf7, base64, config;
#                     clang) for FUZZ_SECONDS each; prints runs and coverage per target
#   make run          build, set up a demo under run/, serve on 127.0.0.1
#   make install      install under PREFIX (/usr/local) and DESTDIR; make uninstall
#   make check-fresh  as root: the README's commands in a new minimal Debian 12 root
#   make bench        speed and memory against Dovecot on a generated maildir, as root
#                     (BENCH_N=100000 messages; tools/bench/README.md)
#   make bench-load   only its load rows (imapload against both; BENCH_LOAD_SECONDS)
#   make load         build the load generator, $(BUILD)/tools/imapload (tools/load/README.md)
#   make torture      the long fault and load run: 1,000 kills, every ENOSPC/EIO point,
#                     500 sessions for 10 minutes beside hostile clients; prints the figures
#
# A build directory per flavour keeps sanitizer objects apart:
# build/default (bin/ at the top) and build/asan (build/asan/bin).

CC       ?= cc
PKGS     := openssl libsasl2 zlib
# pkg-config runs when a flag is first used, not when make reads this file:
# on a fresh machine the deps step installs the -dev packages in between.
pkgconf   = $(eval $1 := $$(shell pkg-config $2 2>/dev/null))$($1)
PKG_CFLAGS    = $(call pkgconf,PKG_CFLAGS,--cflags $(PKGS))
PKG_LIBS      = $(call pkgconf,PKG_LIBS,--libs $(PKGS))
CMOCKA_CFLAGS = $(call pkgconf,CMOCKA_CFLAGS,--cflags cmocka)
CMOCKA_LIBS   = $(call pkgconf,CMOCKA_LIBS,--libs cmocka)

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	    -Wno-unused-parameter
CFLAGS   ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE -Isrc -Igen
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(PKG_CFLAGS)

# O=dir puts every build product under dir (parallel work in one tree).
ifeq ($(SANITIZE),1)
  BUILD   := $(if $(O),$(O)/asan,build/asan)
  BIN     := $(BUILD)/bin
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  ALL_CFLAGS += $(SANFLAGS) -O1
  LDFLAGS  += $(SANFLAGS)
else
  BUILD   := $(if $(O),$(O)/default,build/default)
  BIN     := $(if $(O),$(O)/bin,bin)
endif

# Generated C is not held to our warning flags (it is Bison's and re2c's).
GEN_CFLAGS = -std=c11 -Wall -Werror -Wno-unused-but-set-variable $(CFLAGS) $(PKG_CFLAGS) \
	     $(if $(filter 1,$(SANITIZE)),$(SANFLAGS) -O1)

LIB_SRCS := $(sort $(wildcard src/util/*.c src/net/*.c src/proto/*.c src/cmd/*.c \
	      src/store/*.c src/mime/*.c src/auth/*.c src/server/*.c))
GEN_SRCS := gen/imap_parse.c gen/imap_lex.c
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(GEN_SRCS:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libimapd.a

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# The LD_PRELOAD fault injector of the crash and disk-error tests
# (tests/lib/faultinject.c); never sanitized: it only wraps libc calls.
FAULTINJECT := $(BUILD)/tests/faultinject.so
# The load generator (tools/load/); plain C and OpenSSL, never sanitized.
IMAPLOAD  := $(BUILD)/tools/imapload
LOAD_SRCS := $(sort $(wildcard tools/load/*.c))

.PHONY: all deps gen check-gen check unit protocol clients conformance fuzz fuzz-build \
	run bench bench-load clean distclean man-check check-fresh install uninstall deb load torture

all: deps $(BIN)/imapd $(BIN)/imapd-master $(BIN)/rimapd $(BIN)/imapd-auth-http

# ---- Debian packages (tools/deps.list) ---------------------------------------
# The first build, `make run` or `make check` run as root installs what the
# machine lacks, saying so in one line; not as root it stops with the
# apt-get line (exit 2).  Every compile waits for it (| deps).  NO_DEPS=1
# skips it (a package build, whose Build-Depends dpkg has checked).
DEPS_FOR_run         := run
DEPS_FOR_check       := run test
DEPS_FOR_unit        := test
DEPS_FOR_protocol    := run test
DEPS_FOR_clients     := run test
DEPS_FOR_conformance := run test
DEPS_FOR_fuzz        := test
DEPS_FOR_fuzz-build  := test
DEPS_FOR_gen         := test
DEPS_FOR_bench       := run test
DEPS_FOR_bench-load  := run test
DEPS_FOR_load        := build
DEPS_FOR_torture     := run test
DEPS_FOR_deb         := deb
deps:
	$(if $(NO_DEPS),@true,@sh tools/deps build $(sort $(foreach g,$(MAKECMDGOALS),$(DEPS_FOR_$(g)))))

# `make V=1` shows the full commands.
ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @printf '  %-6s %s\n'
endif

$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.o: gen/%.c | deps
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BIN)/imapd: $(BUILD)/src/imapd.o $(LIB)
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BIN)/imapd-master: $(BUILD)/src/master.o $(LIB)
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BIN)/imapd-auth-http: $(BUILD)/src/authhttp.o $(LIB)
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# rimapd is imapd under another name (UW imapd's convention for rsh access).
$(BIN)/rimapd: $(BIN)/imapd
	$(Q)ln -sf imapd $@

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB) | deps
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) -Itests $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(LIB) \
		$(LDFLAGS) $(CMOCKA_LIBS) $(PKG_LIBS) -lpthread

$(FAULTINJECT): tests/lib/faultinject.c | deps
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

$(IMAPLOAD): $(LOAD_SRCS) tools/load/load.h | deps
	@mkdir -p $(dir $@)
	$(say) LINK $@
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $(LOAD_SRCS) \
		$(PKG_LIBS) -lm

load: $(IMAPLOAD)

# ---- the long fault and load run (tools/torture.py) ---------------------------
# TORTURE_KILLS kills per file system, LOAD_SECONDS / LOAD_SESSIONS /
# LOAD_HOSTILE (clients of each hostile kind) for the load part.
TORTURE_KILLS ?= 1000
LOAD_SECONDS  ?= 600
LOAD_SESSIONS ?= 500
LOAD_HOSTILE  ?= 25
torture: all $(FAULTINJECT) $(IMAPLOAD)
	@BUILD=$(BUILD) BIN=$(BIN) IMAPLOAD=$(IMAPLOAD) python3 tools/torture.py \
		--kills $(TORTURE_KILLS) --load-seconds $(LOAD_SECONDS) \
		--load-sessions $(LOAD_SESSIONS) --load-hostile $(LOAD_HOSTILE)

# ---- generated parser ---------------------------------------------------
gen: deps
	sh tools/gen.sh gen

# gen/ must be what the grammar produces: compare the grammar hash stamped
# in gen/ (works without re2c/bison), and regenerate and diff when the
# tools are here.
check-gen: deps
	@sh tools/check-gen.sh

# ---- tests ----------------------------------------------------------------
check: all $(UNIT_BINS) $(FAULTINJECT) $(IMAPLOAD)
	@IMAPLOAD=$(IMAPLOAD) BUILD=$(BUILD) BIN=$(BIN) SANITIZE=$(SANITIZE) sh tests/run-all.sh

unit: $(UNIT_BINS)
	@BUILD=$(BUILD) BIN=$(BIN) SUITES=unit sh tests/run-all.sh

protocol: all
	@BUILD=$(BUILD) BIN=$(BIN) SUITES=protocol sh tests/run-all.sh

conformance: all
	@python3 spec/rfc2060-tests/conformance.py --imapd $(BIN)/imapd \
		$(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT)) \
		$(if $(filter command line,$(origin USER)),--user $(USER)) $(if $(PASS),--password $(PASS)) \
		$(if $(TLS),--tls)

# ---- demo ------------------------------------------------------------------
IMAP_PORT  ?= 1143
IMAPS_PORT ?= 1993
RUN_DIR    ?= run
run: all
	@sh tools/run-demo.sh $(BIN) $(RUN_DIR) $(IMAP_PORT) $(IMAPS_PORT)

FUZZ_SECONDS ?= 60
fuzz-build: deps
	@sh tools/fuzz.sh build

fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tools/fuzz.sh run

# ---- benchmark: our imapd against Dovecot (tools/bench/README.md) -----------
BENCH_N    ?= 100000
BENCH_REPS ?= 3
# BENCH_PARTS: which parts run, in order (single: bench.py, qresync:
# qresync.py, load: tools/load/compare.py with BENCH_LOAD_SECONDS per row,
# BENCH_LOAD_IDLE idle sessions, BENCH_LOAD_PARTS of login,mixed,kinds,idle).
# Every part runs; the exit status is the worst of them.
BENCH_PARTS ?= single qresync load
BENCH_LOAD_SECONDS ?= 30
BENCH_LOAD_IDLE    ?= 1000
BENCH_LOAD_PARTS   ?= login,mixed,kinds,idle
bench:
	@$(MAKE) --no-print-directory O=build/bench SANITIZE= all load
	@st=0; for part in $(BENCH_PARTS); do \
	  case $$part in \
	  single) script=tools/bench/bench.py ;; \
	  qresync) script=tools/bench/qresync.py ;; \
	  load) script=tools/load/compare.py ;; \
	  *) echo "bench: no part $$part (single, qresync, load)"; exit 2 ;; \
	  esac; \
	  BENCH_N=$(BENCH_N) BENCH_REPS=$(BENCH_REPS) BENCH_KEEP=$(BENCH_KEEP) \
	  BENCH_BIN=build/bench/bin BIN=build/bench/bin IMAPLOAD=build/bench/default/tools/imapload \
	  BENCH_LOAD_SECONDS=$(BENCH_LOAD_SECONDS) BENCH_LOAD_IDLE=$(BENCH_LOAD_IDLE) \
	  BENCH_LOAD_PARTS=$(BENCH_LOAD_PARTS) python3 $$script; r=$$?; \
	  [ $$r -gt $$st ] && st=$$r; \
	done; exit $$st

# Only the load rows (tools/load/compare.py), to iterate on them.
bench-load:
	@$(MAKE) --no-print-directory bench BENCH_PARTS=load

# ---- install ----------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=...]: binaries, man pages, the
# example configurations (share/doc/imapd/examples), systemd units with the
# installed paths, and /etc/imapd.conf and /etc/imapd-master.conf from the
# examples unless they exist (an existing one is never overwritten).
# make uninstall removes all but the files in /etc.
PREFIX     ?= /usr/local
SBINDIR    ?= $(PREFIX)/sbin
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/imapd
UNITDIR    ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR ?= /etc
INSTALL_UNITS ?= imapd-master.service imapd.socket imapd@.service imapd-auth-http.service
EXAMPLES   := conf/imapd.conf conf/imapd-master.conf conf/inetd.conf conf/xinetd.d/imap \
	      conf/nginx-mail-proxy.conf conf/shardmap \
	      $(wildcard conf/systemd/*)
# The examples name /usr/sbin and /etc: say where this install put things.
install_paths = sed -e 's|/usr/sbin/|$(SBINDIR)/|g' -e 's|/etc/imapd|$(SYSCONFDIR)/imapd|g'

install: all
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(DOCDIR)/examples/systemd $(DESTDIR)$(DOCDIR)/examples/xinetd.d \
		$(DESTDIR)$(SYSCONFDIR)
	install -m 755 $(BIN)/imapd $(BIN)/imapd-master $(BIN)/imapd-auth-http $(DESTDIR)$(SBINDIR)/
	ln -sf imapd $(DESTDIR)$(SBINDIR)/rimapd
	install -m 644 man/imapd.8 man/imapd-master.8 man/imapd-auth-http.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 644 man/imapd.conf.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/
	@for f in $(EXAMPLES); do \
		$(install_paths) $$f >$(DESTDIR)$(DOCDIR)/examples/$${f#conf/} || exit 1; \
		chmod 644 $(DESTDIR)$(DOCDIR)/examples/$${f#conf/}; done
	$(if $(strip $(INSTALL_UNITS)),install -d $(DESTDIR)$(UNITDIR))
	@for u in $(INSTALL_UNITS); do \
		$(install_paths) conf/systemd/$$u >$(DESTDIR)$(UNITDIR)/$$u && \
		chmod 644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; done
	@for f in imapd.conf imapd-master.conf; do \
		if [ -e $(DESTDIR)$(SYSCONFDIR)/$$f ]; then \
			echo "install: kept $(DESTDIR)$(SYSCONFDIR)/$$f; the example is $(DOCDIR)/examples/$$f"; \
		else install -m 644 $(DESTDIR)$(DOCDIR)/examples/$$f $(DESTDIR)$(SYSCONFDIR)/$$f || exit 1; fi; \
	done

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/imapd $(DESTDIR)$(SBINDIR)/imapd-master $(DESTDIR)$(SBINDIR)/rimapd \
		$(DESTDIR)$(SBINDIR)/imapd-auth-http $(DESTDIR)$(MANDIR)/man8/imapd-auth-http.8 \
		$(DESTDIR)$(MANDIR)/man8/imapd.8 $(DESTDIR)$(MANDIR)/man8/imapd-master.8 \
		$(DESTDIR)$(MANDIR)/man5/imapd.conf.5 \
		$(foreach u,$(INSTALL_UNITS),$(DESTDIR)$(UNITDIR)/$(u))
	rm -rf $(DESTDIR)$(DOCDIR)
	@echo "uninstall: $(DESTDIR)$(SYSCONFDIR)/imapd.conf and imapd-master.conf are left as they are"

# ---- the Debian package (debian/) --------------------------------------------
# make deb: dpkg-buildpackage -us -uc -b on a copy of the tree under
# build/deb/src, so the .deb, .buildinfo and .changes land in build/deb/;
# then lintian on them.
deb: deps
	rm -rf build/deb && mkdir -p build/deb/src
	tar -cf - --exclude=./build --exclude=./bin --exclude=./run --exclude=./.git . | \
		tar -C build/deb/src -xf -
	cd build/deb/src && dpkg-buildpackage -us -uc -b
	lintian --info --display-info build/deb/*.changes

# ---- the README's commands on a new minimal Debian 12 root, as root ------------
check-fresh:
	@sh tools/deps fresh
	@sh tools/check-fresh.sh

clean:
	rm -rf build bin

-include $(shell find build -path build/deb -prune -o -name '*.d' -type f -print 2>/dev/null)
