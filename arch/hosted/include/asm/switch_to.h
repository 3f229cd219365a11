/* SPDX-License-Identifier: GPL-2.0 */
/*
 * switch_to on the hosted target: tasks are data and share the one host
 * stack, so switching is making @next current; the code after it in
 * context_switch (finish_task_switch) then runs as @next, as on x86.
 * A task switching away for the last time (TASK_DEAD) never returns:
 * hosted_dead_switch() jumps back to the test that made it exit, which
 * finishes the switch with schedule_tail(), like a new task would.
 */
#ifndef _ASM_HOSTED_SWITCH_TO_H
#define _ASM_HOSTED_SWITCH_TO_H

#include <asm/current.h>

struct task_struct;
__attribute__((noreturn)) void hosted_dead_switch(struct task_struct *prev);

#define switch_to(prev, next, last)					\
	do {								\
		current_task = (next);					\
		(last) = (prev);					\
		if ((prev)->__state == 0x0080 /* TASK_DEAD */)		\
			hosted_dead_switch(prev);			\
	} while (0)

#endif
