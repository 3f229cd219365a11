#!/usr/bin/env python3
# tests/tty-harness.py: type at mmos's serial console like a person.
#
# Boots build/vmlinux with /ttytest (user/ttytest.c) as PID 1 and the
# serial port on a Unix socket (QEMU's socket chardev), then sends
# keystrokes one at a time and checks the echo that comes back and what
# the program's read(2) got: characters echo, erase, kill and werase
# rub out with "\b \b", ^V quotes, Enter (a CR, turned into NL by ICRNL)
# ends the line, ^D ends `cat` (and a partial line without a newline),
# ^C and ^\ echo as ^C and ^\ and kill the foreground child (in its
# own process group: not the shell), ^Z stops it and fg continues it,
# ^S holds
# the output until ^Q, raw mode (cfmakeraw,
# VMIN 3) gets bytes unechoed, poll(2) waits for a line.
#
# Then it boots make run's system (build/busybox.cpio, busybox init and
# its login shell on the console) and edits a file with busybox vi as a
# person would (insert, a new line, the arrow keys, x, cw, A, :wq),
# checking after each key that vi answered on the screen, and at the
# end that cat and wc -c see exactly the edit. Then /tests/vhangup ctty
# hangs up the shell's terminal: its checks of the hung-up file, the
# shell dying of SIGHUP and the new one busybox init starts having the
# terminal again; and the same after the shell's own exit (which hangs
# the terminal up too). Its log is tty-busybox.log next to LOG.
#
# Prints "PASS tty/NAME" or "FAIL tty/NAME" per check, as tests/run.sh
# expects; exits 1 if any failed. Usage: tests/tty-harness.py BUILD LOG
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
LOG = sys.argv[2] if len(sys.argv) > 2 else os.path.join(BUILD, "test-logs", "tty-harness.log")
QEMU = os.environ.get("QEMU", "qemu-system-x86_64")

failed = 0


class Console:
    """The serial line: what has come back so far, and a way to wait."""

    def __init__(self, sock, log):
        self.sock = sock
        self.log = log
        self.buf = b""   # everything received
        self.pos = 0     # where the next expect() starts looking

    def pump(self, timeout):
        self.sock.settimeout(timeout)
        try:
            data = self.sock.recv(4096)
        except socket.timeout:
            return
        if not data:
            raise EOFError("console closed")
        self.log.write(data)
        self.log.flush()
        self.buf += data

    def expect(self, want, timeout=10.0):
        """Wait for bytes @want after the last match; True once seen."""
        want = want.encode() if isinstance(want, str) else want
        end = time.time() + timeout
        while True:
            i = self.buf.find(want, self.pos)
            if i >= 0:
                self.pos = i + len(want)
                return True
            left = end - time.time()
            if left <= 0:
                return False
            try:
                self.pump(min(left, 0.5))
            except EOFError:
                return False

    def type(self, keys, gap=0.02):
        """Send @keys a byte at a time, as typed."""
        keys = keys.encode() if isinstance(keys, str) else keys
        for k in keys:
            self.sock.sendall(bytes([k]))
            time.sleep(gap)

    def since(self, start):
        return self.buf[start:]


def check(name, ok, con, start):
    global failed
    if ok:
        print("PASS tty/" + name)
    else:
        failed += 1
        print("FAIL tty/" + name)
        print("    received: %r" % con.since(start)[-400:])


def step(con, name, keys, *wants, timeout=10.0, at_once=False):
    """Type @keys (all in one write if @at_once: a terminal sends an
    arrow key's escape sequence so), then expect each of @wants in order."""
    start = con.pos
    if at_once:
        con.sock.sendall(keys.encode())
    else:
        con.type(keys)
    ok = all(con.expect(w, timeout) for w in wants)
    check(name, ok, con, start)
    return ok


def boot(initrd, append, log_path, steps):
    """Boot mmos with @initrd and @append, the serial port on a Unix
    socket, and run @steps(con) against it; the line is logged to
    @log_path. Returns False if QEMU's socket never came up."""
    tmp = tempfile.mkdtemp(prefix="mmos-tty-")
    path = os.path.join(tmp, "serial.sock")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    qemu = subprocess.Popen(
        [QEMU, "-accel", "tcg", "-cpu", "qemu64", "-m", "256M", "-smp", "1",
         "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
         "-chardev", "socket,id=s0,path=%s,server=on,wait=on" % path,
         "-serial", "chardev:s0",
         "-kernel", os.path.join(BUILD, "vmlinux"),
         "-initrd", os.path.join(BUILD, initrd),
         "-append", append],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(200):
        try:
            sock.connect(path)
            break
        except OSError:
            time.sleep(0.05)
    else:
        qemu.kill()
        qemu.wait()
        shutil.rmtree(tmp, ignore_errors=True)
        return False
    with open(log_path, "wb") as log:
        con = Console(sock, log)
        try:
            steps(con)
        finally:
            sock.close()
            try:
                qemu.wait(timeout=10)
            except subprocess.TimeoutExpired:
                qemu.kill()
                qemu.wait()
    shutil.rmtree(tmp, ignore_errors=True)
    return True


def main():
    global failed
    if not boot("tests-initramfs.cpio", "console=ttyS0 rdinit=/ttytest mmos.automount=1", LOG, run_steps):
        print("FAIL tty/connect: no QEMU socket")
        failed += 1
    busybox_log = os.path.join(os.path.dirname(LOG), "tty-busybox.log")
    if not boot("busybox.cpio", "console=ttyS0 rdinit=/sbin/init", busybox_log,
                run_busybox_steps):
        print("FAIL tty/busybox_connect: no QEMU socket")
        failed += 1
    return 1 if failed else 0


def run_steps(con):
    start = con.pos
    check("boot_prompt", con.expect("Run /ttytest as init process", 30) and
          con.expect("$ ", 30), con, start)
    # ordinary typing: each byte echoes, Enter (CR) is echoed as CR NL
    # (ICRNL, then ONLCR) and ends the line, which read() gets with "\n"
    step(con, "echo_and_enter", "hello\r", "hello\r\n", 'got "hello\\n"', "$ ")
    # ERASE (DEL): "\b \b" rubs out the x
    step(con, "erase", "abx\x7fc\r", "abx\b \bc\r\n", 'got "abc\\n"', "$ ")
    # erasing a control character takes back its two columns of ^A
    step(con, "erase_ctl", "a\x01\x7fb\r", "a^A\b \b\b \bb", 'got "ab\\n"', "$ ")
    # KILL (^U) with ECHOKE: the whole line rubbed out
    step(con, "kill", "junk\x15ok\r", "junk" + "\b \b" * 4 + "ok", 'got "ok\\n"', "$ ")
    # WERASE (^W): the last word and nothing before it
    step(con, "werase", "one two\x17three\r", "one two" + "\b \b" * 3 + "three",
         'got "one three\\n"', "$ ")
    # LNEXT (^V): the next byte (^C here) is data, echoed as ^C
    step(con, "lnext", "a\x16\x03b\r", "a^\b^Cb", 'got "a\\x03b\\n"', "$ ")
    # erasing into an empty line echoes nothing
    step(con, "erase_empty", "\x7f\x7fz\r", "z\r\n", 'got "z\\n"', "$ ")
    # ^D at the start of a line: read() returns 0
    step(con, "eof_empty_line", "\x04", 'eof ""', "$ ")
    # cat: lines until ^D; ^D after "ab" ends a line without a newline
    if step(con, "cat_start", "cat\r", "cat\r\n"):
        step(con, "cat_line", "line1\r", 'cat: "line1\\n"')
        step(con, "cat_eof_midline", "ab\x04", 'cat: "ab"')
        step(con, "cat_eof", "\x04", "cat exit 0", "$ ")
    # ^C: echoed as ^C, SIGINT for the foreground group: the child's
    # own, not the shell's (whose handler would say "shell: SIGINT")
    if step(con, "sleep_start", "sleep\r", "sleeping\r\n"):
        start = con.pos
        if step(con, "ctrl_c", "\x03", "^C", "sleep killed by signal 2", "$ "):
            check("ctrl_c_not_the_shell", b"shell: SIGINT" not in con.since(start),
                  con, start)
    # ^C at the prompt: the shell is the foreground group now
    step(con, "ctrl_c_shell", "\x03", "^C", "shell: SIGINT")
    step(con, "after_ctrl_c", "ok\r", 'got "ok\\n"', "$ ")
    # ^Z: SIGTSTP stops the child (the shell's waitpid sees WIFSTOPPED
    # and takes the terminal back); fg continues it, and ^C then kills it
    if step(con, "sleep_for_stop", "sleep\r", "sleeping\r\n"):
        if step(con, "ctrl_z", "\x1a", "^Z", "sleep stopped by signal 20", "$ "):
            step(con, "stopped_shell_reads", "hi\r", 'got "hi\\n"', "$ ")
            if step(con, "fg", "fg\r", "continued"):
                step(con, "ctrl_c_after_fg", "\x03", "^C", "sleep killed by signal 2", "$ ")
    # ^\: SIGQUIT, echoed as ^\ (no core dumps in mmos: just the kill)
    if step(con, "sleep_again", "sleep\r", "sleeping\r\n"):
        step(con, "ctrl_backslash", "\x1c", "^\\", "sleep killed by signal 3", "$ ")
    # IXON: ^S holds all output (echo too) until ^Q
    start = con.pos
    con.type("\x13ab\r")
    held = not con.expect("ab", 0.7)
    con.type("\x11")
    check("ixon_stop_start", held and con.expect("ab\r\n") and
          con.expect('got "ab\\n"') and con.expect("$ "), con, start)
    # raw mode (cfmakeraw): no echo, no ICRNL, VMIN 3 bytes in one read
    if step(con, "raw_start", "raw\r", "raw ready\r\n"):
        start = con.pos
        con.type("x\ry")
        ok = con.expect("raw: 3 bytes: 78 0d 79", 10)
        check("raw_read", ok and b"x" not in con.since(start).split(b"raw:")[0], con, start)
        con.expect("$ ")
    # and back to canonical mode with echo
    step(con, "cooked_again", "back\r", "back\r\n", 'got "back\\n"', "$ ")
    # poll(2): 0 after 200 ms with nothing typed, then POLLIN for a line
    if step(con, "poll_idle", "poll\r", "poll idle: 0", "poll wait"):
        step(con, "poll_line", "p\r", "poll: 1 revents 0x1")
        step(con, "poll_read", "", 'got "p\\n"', "$ ")
    step(con, "exit", "exit\r", "bye", "reboot: Restarting system", timeout=20)


# busybox vi's status line (its last row): "- NAME" in command mode,
# "I NAME" in insert mode, then [Modified] and "LINE/LINES PERCENT%".
VI_CMD = "\x1b[K- /tmp/f"
VI_INS = "\x1b[KI /tmp/f"
UP, DOWN = "\x1b[A", "\x1b[B"


def vi_steps(con):
    """busybox vi on a new file, typed at as a person does: insert, open
    a line, arrow keys, x, cw, A, :wq; each key waits for vi's answer
    on the screen (a lone ESC must not run into the next key, or vi
    takes it for the start of an escape sequence)."""
    if not step(con, "vi_start", "vi /tmp/f\r", VI_CMD, timeout=30):
        return
    step(con, "vi_insert", "i", VI_INS)
    step(con, "vi_type", "hello world", "d")
    step(con, "vi_esc", "\x1b", VI_CMD + " [Modified]")
    step(con, "vi_open_line", "o", VI_INS + " [Modified] 2/2")
    step(con, "vi_type_line2", "second line", "e")
    step(con, "vi_esc2", "\x1b", VI_CMD)
    # the cursor keys arrive as ESC [ A: raw mode passes them through,
    # and vi's poll() sees the rest of the sequence at once
    step(con, "vi_up_arrow", UP, "1/2", at_once=True)
    step(con, "vi_line_start", "0", "\x1b[1;1H")
    step(con, "vi_x", "x", "ello world")
    step(con, "vi_word", "w", "\x1b[1;6H")
    step(con, "vi_cw", "cw", VI_INS)
    step(con, "vi_type_there", "there", "e")
    step(con, "vi_esc3", "\x1b", VI_CMD)
    step(con, "vi_down_arrow", DOWN, "2/2", at_once=True)
    step(con, "vi_append", "A", VI_INS)
    step(con, "vi_type_bang", "!", "!")
    step(con, "vi_esc4", "\x1b", VI_CMD)
    # "ello there\nsecond line!\n": 2 lines, 24 bytes
    step(con, "vi_write_quit", ":wq\r", "'/tmp/f' 2L, 24C", "mmos:~# ", timeout=20)
    step(con, "vi_file_saved", "cat /tmp/f; wc -c </tmp/f\r",
         "ello there\r\nsecond line!\r\n24\r\n", "mmos:~# ", timeout=20)


def expect_all(con, wants, timeout):
    """Wait until every one of @wants has come after the last match, in
    any order (two processes write to the console at once); True if so."""
    start = con.pos
    wants = [w.encode() for w in wants]
    end = time.time() + timeout
    while not all(w in con.buf[start:] for w in wants):
        left = end - time.time()
        if left <= 0:
            return False
        try:
            con.pump(min(left, 0.5))
        except EOFError:
            return False
    con.pos = max(con.buf.index(w, start) + len(w) for w in wants)
    return True


def hangup_steps(con):
    """vhangup(2) of the shell's terminal by a program the shell runs
    (/tests/vhangup ctty): that program's checks on its hung-up file,
    then the shell (the session leader) dies of SIGHUP, busybox init
    starts another, and that one gets the terminal again: ^C reaches
    its foreground job."""
    start = con.pos
    con.type("/tests/vhangup ctty\r")
    ok = expect_all(con, ["vhangup: the console still writes",
                          "vhangup ctty: ", "Welcome to mmos"], 60)
    check("vhangup_checks", ok and b"FAIL" not in con.since(start) and
          re.search(rb"vhangup ctty: [1-9][0-9]* checks, 0 failed", con.since(start)),
          con, start)
    if not ok:
        return
    check("vhangup_shell_respawned", con.expect("mmos:~# ", 30), con, start)
    # "started" is printed by the job itself, so the shell has made it
    # the terminal's foreground group by then (a ^C typed earlier would
    # reach the shell instead, which waits for the job); ^C then ends it
    # at once only if the terminal has a foreground group again: the
    # hangup left it none
    if step(con, "after_hangup_job", "sh -c 'echo started; exec sleep 30'\r",
            "started\r\n"):
        step(con, "after_hangup_ctrl_c", "\x03", "^C", "mmos:~# ", timeout=20)
    step(con, "after_hangup_echo", "echo ok$((1+1))\r", "ok2\r\n", "mmos:~# ")


def exit_steps(con):
    """The login shell's exit hangs its terminal up (Linux's
    disassociate_ctty(1)); busybox init starts another, which gets the
    terminal: ^C reaches its foreground job."""
    start = con.pos
    con.type("exit\r")
    check("exit_shell_respawned", con.expect("Welcome to mmos", 60) and
          con.expect("mmos:~# ", 30), con, start)
    if step(con, "after_exit_job", "sh -c 'echo started; exec sleep 30'\r",
            "started\r\n"):
        step(con, "after_exit_ctrl_c", "\x03", "^C", "mmos:~# ", timeout=20)


def run_busybox_steps(con):
    """make run's system: busybox init, its login shell on the console."""
    start = con.pos
    ok = con.expect("Welcome to mmos", 120) and con.expect("mmos:~# ", 60)
    check("busybox_prompt", ok, con, start)
    if not ok:
        return
    vi_steps(con)
    hangup_steps(con)
    exit_steps(con)
    step(con, "busybox_poweroff", "poweroff\r", "reboot: Power down", timeout=60)


if __name__ == "__main__":
    sys.exit(main())
