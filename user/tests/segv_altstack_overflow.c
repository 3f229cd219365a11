/* SPDX-License-Identifier: GPL-2.0 */
/* A signal taken while running on the alternate stack, too near its
 * bottom for the handler's frame: the kernel does not write below the
 * stack, it kills the process with SIGSEGV (the runner expects that
 * death), as Linux does. */
#include "t.h"
#include <signal.h>

static char stk[65536] __attribute__((aligned(64)));

static void handler(int sig)
{
	printf("FAIL: the handler ran\n");
	fflush(stdout);
}

int main(void)
{
	stack_t ss = { .ss_sp = stk, .ss_size = sizeof(stk) };
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_ONSTACK };
	long pid = getpid();

	if (sigaltstack(&ss, NULL) || sigaction(SIGUSR1, &sa, NULL))
		return 1;
	/* onto the altstack, 1 KiB above its bottom (past the red zone, but
	 * no frame fits there), and kill(getpid(), SIGUSR1) from there */
	__asm__ volatile("mov %0, %%rsp\n\t"
			 "syscall\n\t"
			 "ud2"
			 :: "r"(stk + 1024), "a"((long)SYS_kill), "D"(pid), "S"((long)SIGUSR1)
			 : "memory", "rcx", "r11");
	return 1;
}
