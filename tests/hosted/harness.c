// SPDX-License-Identifier: GPL-2.0
#include "harness.h"
#include <linux/mm.h>
#include <linux/pgtable.h>

int hosted_check_failures;

int hosted_main(const struct htest *tests, int n, unsigned long ram)
{
	return hosted_main_setup(tests, n, ram, NULL);
}

int hosted_main_setup(const struct htest *tests, int n, unsigned long ram,
		      void (*setup)(void))
{
	int failed = 0;

	hosted_boot(ram);
	if (setup)
		setup();
	unsigned long before = nr_free_pages();
	unsigned long tables = nr_kernel_pgtable_pages();

	for (int i = 0; i < n; i++) {
		int r = tests[i].fn();
		long kept = (long)before - (long)nr_free_pages() -
			    (long)(nr_kernel_pgtable_pages() - tables);

		if (tests[i].keeps)
			kept = 0;
		else {
			before = nr_free_pages();
			tables = nr_kernel_pgtable_pages();
		}
		if (!r && kept) {
			fprintf(stderr, "  %s: %ld pages not given back\n",
				tests[i].name, kept);
			r = -1;
		}
		printf("%s %s\n", r ? "FAIL" : "PASS", tests[i].name);
		fflush(stdout);
		failed += r != 0;
	}
	return failed ? 1 : 0;
}
