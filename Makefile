# porta: see README.md. Everything built lands in build/.

CC       ?= cc
PKGS     := libcmark-gfm yaml-0.1 libxml-2.0 libmicrohttpd
# -O3: 2 % fewer instructions than -O2 for a build of 1,000 actions
# (inlined and unrolled loops in the template engine and the search
# index); the sanitizer builds below choose their own level.
CFLAGS   ?= -O3 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -D_POSIX_C_SOURCE=200809L $(shell pkg-config --cflags $(PKGS))
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lcmark-gfm-extensions -lstemmer \
            -lm -pthread

# Variant builds share the sources; each has its own object directory.
# make VARIANT=asan builds build/asan/porta with the sanitizers.
VARIANT  ?= release
ifeq ($(VARIANT),asan)
OUT      := build/asan
CFLAGS   += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
else ifeq ($(VARIANT),fuzz)
# The libFuzzer targets' build (make fuzz): clang's coverage for libFuzzer.
OUT      := build/fuzz
CC       := clang
CFLAGS   += -O1 -fno-omit-frame-pointer \
            -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=fuzzer,address,undefined
else
OUT      := build
endif

CFLAGS   += -I$(OUT)/gen
LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/check_*.c))
TESTS    := $(TEST_SRC:tests/unit/%.c=$(OUT)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))
FUZZERS  := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

.PHONY: all site check test test-asan test-valgrind test-browser screenshots bench clean
all: $(OUT)/porta site

# The open-data JSON Schema is a JSON file compiled into the binary.
$(OUT)/gen/schema.inc: src/write/schema.json
	@mkdir -p $(dir $@)
	sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' $< > $@
$(OUT)/obj/src/write/schema.o: $(OUT)/gen/schema.inc

$(OUT)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

# Made afresh each time: ar names members by their base name, and src/
# has files of one name in several stages (links.c, search.c).
$(OUT)/libporta.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(OUT)/porta: $(OUT)/obj/src/main.o $(OUT)/libporta.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/tests/%: tests/unit/%.c tests/unit/harness.h $(OUT)/libporta.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(OUT)/libporta.a $(LDFLAGS) $(LDLIBS)

site: $(OUT)/porta
	$(OUT)/porta build

check: $(OUT)/porta
	$(OUT)/porta check

# The plain build's run includes the core tests under the sanitizers
# (build/asan/) and memcheck (tests/run says which parts).
test: $(OUT)/porta $(TESTS)
ifeq ($(OUT),build)
	@$(MAKE) -s VARIANT=asan build/asan/porta $(TESTS:build/%=build/asan/%)
endif
	@tests/run $(OUT)

test-asan:
	$(MAKE) VARIANT=asan test

# The unit tests, golden sites and broken-content cases under valgrind.
test-valgrind: $(OUT)/porta $(TESTS)
	@tests/valgrind/run $(OUT)

# The browser tests alone (tests/browser/, also a part of make test) on
# build/site, and screenshots of it in build/screenshots/ (also in
# forced colours, light and dark). ./setup installs what they need.
test-browser: site
	@tests/browser/run build/site

screenshots: site
	node tests/browser/screenshots.mjs build/site build/screenshots --forced-colors

# The follow-up reports of build/site as A4 PDFs in build/report/, printed
# by headless Chromium (tests/browser/report-pdf.mjs).
.PHONY: report-pdf
report-pdf: site
	node tests/browser/report-pdf.mjs build/site build/report

# Fuzzing with libFuzzer (docs/fuzzing.md): make fuzz builds a target per
# input surface of tests/fuzz/ into build/fuzz/; fuzz-long fuzzes for an
# hour in all: each target for FUZZ_SECONDS, two at a time, keeping
# corpora and findings in build/fuzz/.
FUZZ_SECONDS ?= 1200
.PHONY: fuzz fuzz-long
fuzz:
	$(MAKE) VARIANT=fuzz $(FUZZERS)

build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h build/fuzz/libporta.a
	$(CC) $(CFLAGS) -Isrc -o $@ $< build/fuzz/libporta.a $(LDFLAGS) $(LDLIBS)

fuzz-long:
	tests/fuzz/run --seconds $(FUZZ_SECONDS) --jobs 2

bench: $(OUT)/porta
	@tests/bench/run $(OUT)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(OUT)/obj/src/main.d
