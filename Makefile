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
#   make bench        speed and memory against Dovecot on a generated maildir, as root
#                     (BENCH_N=100000 messages; tools/bench/README.md)
#
# A build directory per flavour keeps sanitizer objects apart:
# build/default (bin/ at the top) and build/asan (build/asan/bin).

CC       ?= cc
PKGS     := openssl libsasl2
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)

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

.PHONY: all deps gen check-gen check unit protocol clients conformance fuzz fuzz-build \
	run bench clean distclean man-check

all: deps $(BIN)/imapd $(BIN)/imapd-master $(BIN)/rimapd

deps:
	@sh tools/check-deps.sh

# `make V=1` shows the full commands.
ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @printf '  %-6s %s\n'
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.o: gen/%.c
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

# rimapd is imapd under another name (UW imapd's convention for rsh access).
$(BIN)/rimapd: $(BIN)/imapd
	$(Q)ln -sf imapd $@

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) -Itests $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(LIB) \
		$(LDFLAGS) $(CMOCKA_LIBS) $(PKG_LIBS) -lpthread

# ---- generated parser ---------------------------------------------------
gen:
	sh tools/gen.sh gen

# gen/ must be what the grammar produces: compare the grammar hash stamped
# in gen/ (works without re2c/bison), and regenerate and diff when the
# tools are here.
check-gen:
	@sh tools/check-gen.sh

# ---- tests ----------------------------------------------------------------
check: all $(UNIT_BINS)
	@BUILD=$(BUILD) BIN=$(BIN) SANITIZE=$(SANITIZE) sh tests/run-all.sh

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
fuzz-build:
	@sh tools/fuzz.sh build

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tools/fuzz.sh run

# ---- benchmark: our imapd against Dovecot (tools/bench/README.md) -----------
BENCH_N    ?= 100000
BENCH_REPS ?= 3
bench:
	@$(MAKE) --no-print-directory O=build/bench SANITIZE= all
	@BENCH_N=$(BENCH_N) BENCH_REPS=$(BENCH_REPS) BENCH_KEEP=$(BENCH_KEEP) \
		BENCH_BIN=build/bench/bin python3 tools/bench/bench.py

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
