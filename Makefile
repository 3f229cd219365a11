# mmos: `make` builds build/vmlinux; `make run` boots it in QEMU;
# `make test` runs every test. See README.md.

BUILD     ?= build
CC        ?= gcc
HOSTCC    ?= gcc
MUSLCC    ?= musl-gcc
LD        ?= ld
QEMU      ?= qemu-system-x86_64
MEM       ?= 256M
APPEND    ?= console=ttyS0
V         ?= 0
Q          = $(if $(filter 1,$(V)),,@)

# --- the kernel --------------------------------------------------------
# arch/x86/include/shared holds the x86-64 definitions that arch/hosted
# shares by design (the page-table format its software MMU walks, the
# register frame and syscall numbers of the ABI it runs): each target
# searches its own asm/ first, then that directory.
ARCH_X86_INCLUDE := -Iinclude -Iarch/x86/include -Iarch/x86/include/shared
KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-Wno-sign-compare -Werror=implicit-function-declaration -Wmissing-prototypes \
	-ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
	-mgeneral-regs-only -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing \
	$(ARCH_X86_INCLUDE)
# DEBUG=1 (the default, and what make test boots) checks the invariants of
# Documentation/mm/process-address-space.md on every context switch; make
# bench builds with DEBUG=0.
DEBUG     ?= 1
ifeq ($(DEBUG),1)
KCFLAGS += -DCONFIG_DEBUG_VM
endif
KASFLAGS := -D__ASSEMBLY__ $(ARCH_X86_INCLUDE)
KLDFLAGS := -nostdlib -z max-page-size=4096 -z noexecstack --no-warn-rwx-segments

KSRCS := $(wildcard arch/x86/boot/*.S arch/x86/kernel/*.S arch/x86/kernel/*.c \
	arch/x86/mm/*.c arch/x86/lib/*.c init/*.c kernel/*.c kernel/*/*.c mm/*.c fs/*.c fs/*/*.c ipc/*.c \
	drivers/*/*.c drivers/tty/serial/*.c drivers/tty/serial/8250/*.c lib/*.c)
KSRCS := $(filter-out arch/x86/kernel/vmlinux.lds.S,$(KSRCS))
# The in-kernel self-tests (test_*.c) are in the DEBUG=1 kernel only.
ifneq ($(DEBUG),1)
KSRCS := $(foreach f,$(KSRCS),$(if $(findstring /test_,$(f)),,$(f)))
endif
KOBJS := $(patsubst %,$(BUILD)/k/%.o,$(basename $(KSRCS)))

all: $(BUILD)/vmlinux

$(BUILD)/k/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -MMD -c $< -o $@

$(BUILD)/k/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(KASFLAGS) -MMD -c $< -o $@

$(BUILD)/vmlinux.lds: arch/x86/kernel/vmlinux.lds.S
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -MMD -MT $@ -MF $@.d -D__ASSEMBLY__ $(ARCH_X86_INCLUDE) -x c $< -o $@

# Two links, as Linux does for kallsyms: the first gives the addresses,
# the second carries the symbol table in its last section. The check
# makes sure no symbol moved between them.
$(BUILD)/vmlinux: $(KOBJS) $(BUILD)/vmlinux.lds scripts/kallsyms.sh
	@echo "  LD      $@"
	$(Q)sh scripts/kallsyms.sh --empty > $(BUILD)/kallsyms0.S
	$(Q)$(CC) -c $(BUILD)/kallsyms0.S -o $(BUILD)/kallsyms0.o
	$(Q)$(LD) $(KLDFLAGS) -T $(BUILD)/vmlinux.lds -o $(BUILD)/vmlinux.0 $(KOBJS) $(BUILD)/kallsyms0.o
	$(Q)sh scripts/kallsyms.sh $(BUILD)/vmlinux.0 > $(BUILD)/kallsyms.S
	$(Q)$(CC) -c $(BUILD)/kallsyms.S -o $(BUILD)/kallsyms.o
	$(Q)$(LD) $(KLDFLAGS) -T $(BUILD)/vmlinux.lds -o $@.tmp $(KOBJS) $(BUILD)/kallsyms.o
	$(Q)sh scripts/kallsyms.sh $@.tmp | cmp -s - $(BUILD)/kallsyms.S || \
		{ echo "kallsyms: symbols moved between links" >&2; exit 1; }
	$(Q)mv $@.tmp $@

# --- user programs and the initramfs ------------------------------------
UCFLAGS := -static -O2 -Wall
$(BUILD)/user/%: user/%.c | deps
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $<"
	$(Q)$(MUSLCC) $(UCFLAGS) $< -o $@

$(BUILD)/gen_init_cpio: scripts/gen_init_cpio.c
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -O2 -Wall $< -o $@

# (the archives' contents are listed here: they depend on this file)
$(BUILD)/initramfs.cpio: $(BUILD)/gen_init_cpio $(BUILD)/user/init Makefile
	@echo "  CPIO    $@"
	$(Q)printf 'dir /bin 0755\ndir /dev 0755\nfile /init $(BUILD)/user/init 0755\n' | $(BUILD)/gen_init_cpio > $@

# User tests: static binaries run natively and then as /init in mmos.
UTEST_SRCS := $(wildcard user/tests/*.c)
# The same programs with glibc (static, and one static-PIE), for the
# tests whose ground glibc treads differently (start-up, malloc, threads).
GLIBC_TESTS := hello threads fork_cow mmap syscalls files wait_status vfork signals \
	termios poll_pipes select clock creds getrusage uname \
	fs_struct dirs \
	job_stop_cont sigsuspend sigaltstack waitid itimer posix_timers prctl kill_pgrp pgrp_session ctty proc_dir \
	robust_futex sighand_shared sigpending_shared sigqueue_rt truncate_sigbus memfd shared_file \
	sysv_shm posix_shm mremap_dontunmap
UTESTS := $(patsubst user/tests/%.c,$(BUILD)/user/tests/%,$(UTEST_SRCS)) \
	$(patsubst %,$(BUILD)/user/tests/%_glibc,$(GLIBC_TESTS)) \
	$(BUILD)/user/tests/hello_pie_glibc

$(BUILD)/user/tests/%: user/tests/%.c user/tests/t.h | deps
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $<"
	$(Q)$(MUSLCC) $(UCFLAGS) -Wno-infinite-recursion -Wno-array-bounds $< -o $@

$(BUILD)/user/tests/%_glibc: user/tests/%.c user/tests/t.h
	@mkdir -p $(dir $@)
	@echo "  CC      $< (glibc, static)"
	$(Q)$(HOSTCC) $(UCFLAGS) -pthread -w $< -o $@

$(BUILD)/user/tests/hello_pie_glibc: user/tests/hello.c user/tests/t.h
	@mkdir -p $(dir $@)
	@echo "  CC      $< (glibc, static-pie)"
	$(Q)$(HOSTCC) -static-pie -O2 -Wall $< -o $@

# An ELF header with nonsense after it: exec must say ENOEXEC.
$(BUILD)/broken.elf:
	$(Q)printf '\177ELF\002\001\001' > $@; head -c 57 /dev/zero >> $@

$(BUILD)/tests-initramfs.cpio: $(BUILD)/gen_init_cpio $(BUILD)/user/init $(UTESTS) \
		$(BUILD)/broken.elf $(BUILD)/user/fuzz $(BUILD)/user/ttytest Makefile
	@echo "  CPIO    $@"
	$(Q){ printf 'dir /tests 0755\ndir /tests/data 0755\ndir /dev 0755\ndir /proc 0555\n'; \
	  printf 'nod /dev/console 0600 0 0 c 5 1\nnod /dev/tty 0666 0 0 c 5 0\n'; \
	  printf 'nod /dev/ttyS0 0660 0 0 c 4 64\n'; \
	  printf 'nod /dev/random 0666 0 0 c 1 8\nnod /dev/urandom 0666 0 0 c 1 9\n'; \
	  printf 'nod /dev/kmsg 0644 0 0 c 1 11\n'; \
	  printf 'file /init $(BUILD)/user/init 0755\n'; \
	  printf 'file /fuzz $(BUILD)/user/fuzz 0755\n'; \
	  printf 'file /ttytest $(BUILD)/user/ttytest 0755\n'; \
	  printf 'file /tests/data/broken.elf $(BUILD)/broken.elf 0755\n'; \
	  for t in $(UTESTS); do printf 'file /tests/%s %s 0755\n' $$(basename $$t) $$t; done; \
	} | $(BUILD)/gen_init_cpio > $@

# The busybox initramfs of `make run` and the busybox session test: Debian's
# static busybox (fetched, not installed: scripts/get-busybox.sh), its
# applet links, user/rootfs/ (/etc, the session runner), the session's
# commands, and mmos's own programs (/init, the musl tests in /tests).
# build/busybox.list is also what the session's native chroot is made from.
BUSYBOX := $(BUILD)/busybox/root/bin/busybox
SESSION_CMDS := tests/busybox/commands
ROOTFS_FILES := $(shell find user/rootfs -type f)
BUSYBOX_TOOLS := $(patsubst user/tests/%.c,$(BUILD)/user/tests/%,$(UTEST_SRCS))

$(BUSYBOX): scripts/get-busybox.sh
	$(Q)sh scripts/get-busybox.sh $(BUILD)/busybox

$(BUILD)/session-commands: $(SESSION_CMDS) tests/busybox/session.sh
	$(Q)sh tests/busybox/session.sh script > $@.tmp && mv $@.tmp $@

$(BUILD)/busybox.list: scripts/busybox-initramfs.sh $(BUSYBOX) $(ROOTFS_FILES) \
		$(BUILD)/session-commands $(BUILD)/user/init $(BUSYBOX_TOOLS)
	$(Q)sh scripts/busybox-initramfs.sh $(BUSYBOX) $(BUILD)/session-commands \
		$(BUILD)/user/init $(BUSYBOX_TOOLS) > $@.tmp && mv $@.tmp $@

$(BUILD)/busybox.cpio: $(BUILD)/gen_init_cpio $(BUILD)/busybox.list
	@echo "  CPIO    $@"
	$(Q)$(BUILD)/gen_init_cpio < $(BUILD)/busybox.list > $@

# --- hosted unit tests (AddressSanitizer + UBSan) -----------------------
# (alignment checks off: the list idiom, as in Linux, forms an entry
# pointer from a list head that is not inside an entry)
HOST_CFLAGS := -std=gnu11 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-format-zero-length -Wmissing-prototypes -fno-omit-frame-pointer \
	-D__KERNEL_HOSTED__ -Iinclude -Iarch/hosted/include -Iarch/x86/include/shared
# One flag set for every hosted build (HOST_CFLAGS); each adds only what
# it is for: the tests and the fuzzer check the invariants (DEBUG_VM)
# under the sanitizers, the bench measures what a DEBUG=0 kernel runs.
HCFLAGS := $(HOST_CFLAGS) -O1 -DCONFIG_DEBUG_VM \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-sanitize=alignment
# The hosted build links every portable source: all the generic code (the
# kernel's sources outside arch/) but the files listed here, plus
# arch/hosted and the test harness. A new generic file is therefore in
# the hosted tests unless it is added to this list, with its reason:
#   init/main.c, kernel/params.c    start_kernel and the command line:
#                                   hosted_boot() boots the tests
#   kernel/entry.c, kernel/reboot.c, the return to user mode, reboot (the
#                                   machine_*() calls): no user code runs
#   kernel/panic.c, kernel/printk/printk.c, kernel/locking/rwsem.c
#                                   stood in for by arch/hosted/kernel/
#                                   (see <linux/arch.h>)
#   kernel/kallsyms.c               the symbol table of the kernel image
#   drivers/tty/serial/8250/*.c     a PC's UART, by port I/O
#   lib/string.c, lib/vsprintf.c    the host's C library has them
#   */test_*.c, kernel/selftest.c   the in-kernel self-tests
HOSTED_EXCLUDE := init/main.c kernel/params.c kernel/entry.c kernel/reboot.c \
	kernel/panic.c kernel/printk/printk.c \
	kernel/locking/rwsem.c kernel/kallsyms.c lib/string.c lib/vsprintf.c \
	kernel/selftest.c $(wildcard drivers/tty/serial/8250/*.c)
GENERIC_SRCS := $(wildcard init/*.c kernel/*.c kernel/*/*.c mm/*.c fs/*.c fs/*/*.c ipc/*.c \
	drivers/*/*.c drivers/tty/serial/*.c drivers/tty/serial/8250/*.c lib/*.c)
HSRCS := $(foreach f,$(filter-out $(HOSTED_EXCLUDE),$(GENERIC_SRCS)),\
		$(if $(findstring /test_,$(f)),,$(f))) \
	$(wildcard arch/hosted/*/*.c) tests/hosted/harness.c tests/hosted/tasks.c
HOBJS := $(patsubst %,$(BUILD)/h/%.o,$(basename $(HSRCS)))
HTESTS := $(patsubst tests/hosted/%.c,$(BUILD)/hosted/%,$(wildcard tests/hosted/test_*.c)) \
	$(BUILD)/hosted/model

$(BUILD)/h/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(HCFLAGS) -MMD -c $< -o $@

$(BUILD)/hosted/%: $(BUILD)/h/tests/hosted/%.o $(HOBJS)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HCFLAGS) $^ -o $@

hosted: $(HTESTS)

# make fuzz: libFuzzer over the model's driver (clang), FUZZ_SECONDS long,
# keeping its corpus in build/fuzz/corpus.
FUZZ_SECONDS ?= 60
FCFLAGS := $(HOST_CFLAGS) -O1 -DCONFIG_DEBUG_VM -DMODEL_FUZZ \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=alignment
FOBJS := $(patsubst %,$(BUILD)/f/%.o,$(basename $(HSRCS) tests/hosted/model.c))

$(BUILD)/f/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CLANG   $<"
	$(Q)clang $(FCFLAGS) -MMD -c $< -o $@

$(BUILD)/fuzz/fuzz_mm: $(FOBJS)
	@mkdir -p $(dir $@)
	$(Q)clang -fsanitize=fuzzer,address,undefined $^ -o $@

# make hosted-bench: instructions per operation (callgrind), repeatable.
BCFLAGS := $(HOST_CFLAGS) -O2
BOBJS := $(patsubst %,$(BUILD)/b/%.o,$(basename $(HSRCS) tests/hosted/bench.c))

$(BUILD)/b/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $< (bench)"
	$(Q)$(HOSTCC) $(BCFLAGS) -MMD -c $< -o $@

$(BUILD)/hosted-bench: $(BOBJS)
	$(Q)$(HOSTCC) $^ -o $@

hosted-bench: $(BUILD)/hosted-bench
	@sh scripts/hosted-bench.sh $(BUILD)

fuzz: $(BUILD)/fuzz/fuzz_mm
	@mkdir -p $(BUILD)/fuzz/corpus
	$(BUILD)/fuzz/fuzz_mm -max_total_time=$(FUZZ_SECONDS) -max_len=4096 $(BUILD)/fuzz/corpus

# make fuzz-kernel: mmos boots with /fuzz as PID 1 (user/fuzz.c), random
# syscalls for FUZZ_SECONDS; FUZZ_SEED=S FUZZ_ROUNDS=1 replays a round.
FUZZ_SEED   ?=
FUZZ_ROUNDS ?=
fuzz-kernel: deps all $(BUILD)/tests-initramfs.cpio
	@sh tests/fuzz-kernel.sh $(FUZZ_SECONDS) "$(FUZZ_SEED)" "$(FUZZ_ROUNDS)"

# --- running ------------------------------------------------------------
deps:
	@sh scripts/install-deps.sh

# make run boots busybox init (INIT=/init: mmos's first program instead).
INIT      ?= /sbin/init
run: deps $(BUILD)/vmlinux $(BUILD)/busybox.cpio
	$(QEMU) -m $(MEM) -nographic -no-reboot -kernel $(BUILD)/vmlinux \
		-initrd $(BUILD)/busybox.cpio -append "rdinit=$(INIT) $(APPEND)"

debug: deps $(BUILD)/vmlinux $(BUILD)/initramfs.cpio
	@echo "QEMU waits for gdb; in another terminal: gdb -x scripts/gdbinit"
	$(QEMU) -m $(MEM) -nographic -no-reboot -s -S -kernel $(BUILD)/vmlinux \
		-initrd $(BUILD)/initramfs.cpio -append "$(APPEND)"

test: deps all hosted $(BUILD)/initramfs.cpio $(BUILD)/tests-initramfs.cpio \
		$(BUILD)/busybox.cpio
	@sh tests/run.sh

# The busybox session's expected outputs, from a native run (as root:
# a chroot in new namespaces); and its known-differences list rewritten
# from what mmos does now. Documentation/testing.md.
session-expected: $(BUILD)/busybox.cpio
	@sh tests/busybox/session.sh expected

session-known: all $(BUILD)/busybox.cpio
	@sh tests/busybox/session.sh known

clean:
	rm -rf $(BUILD)

# make bench: a kernel without the debug checks, measured against Linux
# by the referee in ../shared/bench (in TCG mode; BENCH_ARGS adds more,
# e.g. --icount or --runs 5).
BENCH_ARGS ?= --runs 3
bench: deps
	$(MAKE) BUILD=$(BUILD)/release DEBUG=0 $(BUILD)/release/vmlinux
	../shared/bench/compare.sh $(BENCH_ARGS) linux $(BUILD)/release/vmlinux

.PHONY: all run debug test clean deps hosted bench fuzz fuzz-kernel hosted-bench \
	session-expected session-known
-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)
.SECONDARY: $(HOBJS) $(patsubst tests/hosted/%.c,$(BUILD)/h/tests/hosted/%.o,$(wildcard tests/hosted/*.c))
