// SPDX-License-Identifier: GPL-2.0
/*
 * The self-test runner. mmos.selftest=1 runs every SELFTEST() after the
 * root filesystem is unpacked; mmos.selftest=oops instead makes a kernel
 * NULL dereference, so the test suite can check what an oops prints.
 * Around the whole run the free-page count must come back to where it
 * was, less the kernel page-table pages vmalloc added (kept for good, as
 * in Linux): an allocator that keeps any other page fails the run.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/selftest.h>
#include <linux/string.h>
#include <linux/vm_event.h>

int mmos_selftest;
extern const struct selftest __start_selftests[], __stop_selftests[];

static int selftest_setup(char *s)
{
	if (!strcmp(s, "oops"))
		mmos_selftest = 2;
	else
		mmos_selftest = *s == '1';
	return 0;
}
__setup("mmos.selftest=", selftest_setup);

static noinline void selftest_oops(void)
{
	volatile unsigned long *p = NULL;

	pr_info("selftest: dereferencing NULL on purpose\n");
	(void)*p;
}

void run_selftests(void)
{
	unsigned long before = nr_free_pages(), after, tables;
	unsigned long tables_before = nr_kernel_pgtable_pages();
	int passed = 0, failed = 0;
	const struct selftest *t;

	if (mmos_selftest == 2)
		selftest_oops();
	if (__stop_selftests - __start_selftests == 0) {	/* a DEBUG=0 kernel */
		pr_err("selftest: none built into this kernel (DEBUG=0)\n");
		mmos_test_exit(MMOS_EXIT_FAIL);
	}
	for (t = __start_selftests; t < __stop_selftests; t++) {
		int r = t->fn();

		drop_lazy_mm();	/* a borrowed mm would count as a leak */
		pr_info("selftest: %s: %s\n", t->name, r ? "FAIL" : "ok");
		r ? failed++ : passed++;
	}
	after = nr_free_pages();
	tables = nr_kernel_pgtable_pages() - tables_before;
	pr_info("selftest: free pages before %lu, after %lu (%lu new kernel page tables)\n",
		before, after, tables);
	if (after + tables != before) {
		pr_err("selftest: %ld pages leaked\n", (long)(before - after - tables));
		failed++;
	}
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		pr_info("mmstat: %s %lu\n", vm_event_names[i], sum_vm_event(i));
	pr_info("selftest: %d passed, %d failed\n", passed, failed);
	mmos_test_exit(failed ? MMOS_EXIT_FAIL : MMOS_EXIT_PASS);
}
