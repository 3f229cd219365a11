#!/bin/sh
# kallsyms.sh VMLINUX | --empty: print the assembly of the kernel's symbol table,
# built from the first link. Only symbols below __start_kallsyms (the
# table itself comes last) and of text/data kinds are kept, sorted by
# address; names sharing an address keep the first.
set -e
{ [ "$1" = --empty ] || nm -n "$1"; } | awk '
	BEGIN { n = 0 }
	$2 == "A" || $2 == "a" { next }
	$3 == "__start_kallsyms" { stop = 1 }
	stop || NF != 3 || $2 !~ /^[TtWwDdBbRr]$/ { next }
	$1 == last { next }
	{ last = $1; addr[n] = $1; name[n] = $3; n++ }
	END {
		print "\t.section .kallsyms, \"a\""
		print "\t.balign 8"
		print "\t.globl kallsyms_num_syms, kallsyms_addresses"
		print "\t.globl kallsyms_name_offsets, kallsyms_names"
		print "kallsyms_num_syms:\n\t.quad " n + 0
		print "kallsyms_addresses:"
		for (i = 0; i < n; i++) print "\t.quad 0x" addr[i]
		print "kallsyms_name_offsets:"
		off = 0
		for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
		print "kallsyms_names:"
		for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
	}'
