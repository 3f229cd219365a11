// SPDX-License-Identifier: GPL-2.0
/*
 * The little of ACPI that mmos uses: how to power the machine off.
 *
 * At boot, while the early page tables still map the first 4 GiB,
 * acpi_boot_table_init() follows the RSDP (from the PVH start info, else
 * found in the BIOS area, as Linux's acpi_find_root_pointer() does) to
 * the RSDT/XSDT, the FADT ("FACP") and its DSDT. It keeps the two PM1
 * control ports of the FADT and the S5 ("soft off") sleep types of the
 * DSDT's \_S5 object, and then sets pm_power_off, as Linux's ACPI sleep
 * code sets it to acpi_power_off(). Without those (no ACPI, or a \_S5
 * this small reader does not follow) pm_power_off stays NULL and
 * reboot(2)'s POWER_OFF halts, as on Linux without a power-off driver.
 *
 * Entering S5 is writing SLP_TYPx | SLP_EN to PM1x_CNT (ACPI 6.4,
 * 4.8.3.2.1 and 7.4.2); QEMU's i440fx and q35 machines then power off,
 * and QEMU exits.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>

struct acpi_table_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 2 and up: the XSDT fields */
	u32 rsdt_physical_address;
	u32 length;
	u64 xsdt_physical_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;			/* of the whole table */
	u8 revision;
	u8 checksum;			/* all bytes sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

/* The FADT fields used, as offsets from its start (ACPI 6.4, 5.2.9). */
#define FADT_DSDT		40	/* u32 */
#define FADT_SMI_COMMAND	48	/* u32 */
#define FADT_ACPI_ENABLE	52	/* u8 */
#define FADT_PM1A_CONTROL	64	/* u32 */
#define FADT_PM1B_CONTROL	68	/* u32 */
#define FADT_X_DSDT		140	/* u64, if the table is that long */

#define ACPI_SCI_EN		0x0001	/* PM1_CNT: ACPI mode is on */
#define ACPI_SLP_TYP_SHIFT	10
#define ACPI_SLP_EN		0x2000

/* AML opcodes met in "Name (_S5, Package () { a, b, ... })". */
#define AML_NAME_OP		0x08
#define AML_PACKAGE_OP		0x12
#define AML_ZERO_OP		0x00
#define AML_ONE_OP		0x01
#define AML_BYTE_PREFIX		0x0a

/* Only the early page tables' 4 GiB can be read, and no table is huge. */
#define ACPI_READABLE_END	0x100000000ULL
#define ACPI_MAX_TABLE		(1U << 20)

/* Set at boot, read-only afterwards: */
static u16 pm1a_control, pm1b_control, smi_command;
static u8 acpi_enable_value, s5_slp_typa, s5_slp_typb;

/* acpi_checksum_ok - @len bytes at @p sum to zero (mod 256). */
static bool acpi_checksum_ok(const void *p, u32 len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/*
 * acpi_map_table - the table at physical @pa if it is readable, has
 * signature @sig (NULL: any) and a good checksum; else NULL.
 */
static const struct acpi_table_header *acpi_map_table(u64 pa, const char *sig)
{
	const struct acpi_table_header *t;

	if (!pa || pa + sizeof(*t) > ACPI_READABLE_END)
		return NULL;
	t = __va(pa);
	if (sig && memcmp(t->signature, sig, 4))
		return NULL;
	if (t->length < sizeof(*t) || t->length > ACPI_MAX_TABLE ||
	    pa + t->length > ACPI_READABLE_END || !acpi_checksum_ok(t, t->length))
		return NULL;
	return t;
}

/* acpi_scan_rsdp - an RSDP with a good checksum in [@start, @end), 16-byte
 * aligned as the spec puts it; 0 if none. */
static u64 acpi_scan_rsdp(u64 start, u64 end)
{
	for (u64 pa = start; pa + sizeof(struct acpi_table_rsdp) <= end; pa += 16) {
		const struct acpi_table_rsdp *r = __va(pa);

		if (!memcmp(r->signature, "RSD PTR ", 8) && acpi_checksum_ok(r, 20))
			return pa;
	}
	return 0;
}

/* acpi_find_fadt - the FADT that the RSDP at @rsdp_pa leads to, or NULL. */
static const u8 *acpi_find_fadt(u64 rsdp_pa)
{
	const struct acpi_table_rsdp *rsdp = __va(rsdp_pa);
	const struct acpi_table_header *sdt;
	u32 entry_size = 4;

	sdt = NULL;
	if (rsdp->revision >= 2 && rsdp->xsdt_physical_address) {
		sdt = acpi_map_table(rsdp->xsdt_physical_address, "XSDT");
		entry_size = 8;
	}
	if (!sdt) {
		sdt = acpi_map_table(rsdp->rsdt_physical_address, "RSDT");
		entry_size = 4;
	}
	if (!sdt)
		return NULL;
	for (u32 off = sizeof(*sdt); off + entry_size <= sdt->length; off += entry_size) {
		const u8 *e = (const u8 *)sdt + off;
		u64 pa = 0;
		const struct acpi_table_header *t;

		memcpy(&pa, e, entry_size);
		t = acpi_map_table(pa, "FACP");
		if (t && t->length >= FADT_PM1B_CONTROL + 4)
			return (const u8 *)t;
	}
	return NULL;
}

/*
 * aml_integer - the AML integer constant at @p (ZeroOp, OneOp or a
 * BytePrefix byte), its length through @len; -1 for anything else.
 */
static int aml_integer(const u8 *p, const u8 *end, int *len)
{
	if (p >= end)
		return -1;
	switch (*p) {
	case AML_ZERO_OP:
		*len = 1;
		return 0;
	case AML_ONE_OP:
		*len = 1;
		return 1;
	case AML_BYTE_PREFIX:
		if (p + 1 >= end)
			return -1;
		*len = 2;
		return p[1];
	}
	return -1;
}

/*
 * acpi_find_s5 - read "Name (_S5, Package () { SLP_TYPa, SLP_TYPb, ...})"
 * from the DSDT @dsdt into s5_slp_typa/b. Returns true if found.
 */
static bool acpi_find_s5(const struct acpi_table_header *dsdt)
{
	const u8 *p = (const u8 *)dsdt + sizeof(*dsdt);
	const u8 *end = (const u8 *)dsdt + dsdt->length;

	for (; p + 4 < end; p++) {
		const u8 *q = p + 4;
		int a, b, la, lb;

		if (memcmp(p, "_S5_", 4))
			continue;
		/* NameOp, optionally with a root prefix, then a package */
		if (!(p[-1] == AML_NAME_OP || (p[-1] == '\\' && p[-2] == AML_NAME_OP)))
			continue;
		if (q >= end || *q++ != AML_PACKAGE_OP || q >= end)
			continue;
		q += 1 + (*q >> 6);	/* PkgLength: its top bits count the extra bytes */
		q++;			/* NumElements */
		a = aml_integer(q, end, &la);
		if (a < 0)
			continue;
		b = aml_integer(q + la, end, &lb);
		s5_slp_typa = a;
		s5_slp_typb = b < 0 ? 0 : b;
		return true;
	}
	return false;
}

/* acpi_power_off - enter S5; on QEMU this does not return. */
static void acpi_power_off(void)
{
	if (smi_command && acpi_enable_value && !(inw(pm1a_control) & ACPI_SCI_EN)) {
		/* firmware still owns the hardware: ask it for ACPI mode */
		outb(acpi_enable_value, smi_command);
		for (int i = 0; i < 1000000 && !(inw(pm1a_control) & ACPI_SCI_EN); i++)
			cpu_relax();
	}
	outw((s5_slp_typa << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN, pm1a_control);
	if (pm1b_control)
		outw((s5_slp_typb << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN, pm1b_control);
}

/*
 * acpi_boot_table_init - find how to power off, from the RSDP at
 * @rsdp_pa (0: search the BIOS area). Call while the early page tables
 * map the first 4 GiB (setup_arch(), before paging_init()). Sets
 * pm_power_off if the FADT and the DSDT's \_S5 are there.
 */
void acpi_boot_table_init(u64 rsdp_pa)
{
	const struct acpi_table_header *dsdt = NULL;
	const u8 *fadt;
	u32 pa32;

	if (!rsdp_pa)
		rsdp_pa = acpi_scan_rsdp(0xe0000, 0x100000);
	if (!rsdp_pa || rsdp_pa + sizeof(struct acpi_table_rsdp) > ACPI_READABLE_END) {
		pr_info("ACPI: no RSDP: power off halts\n");
		return;
	}
	fadt = acpi_find_fadt(rsdp_pa);
	if (!fadt) {
		pr_info("ACPI: no FADT: power off halts\n");
		return;
	}
	if (((const struct acpi_table_header *)fadt)->length >= FADT_X_DSDT + 8) {
		u64 x;

		memcpy(&x, fadt + FADT_X_DSDT, 8);
		dsdt = acpi_map_table(x, "DSDT");
	}
	memcpy(&pa32, fadt + FADT_DSDT, 4);
	if (!dsdt)
		dsdt = acpi_map_table(pa32, "DSDT");
	memcpy(&pa32, fadt + FADT_PM1A_CONTROL, 4);
	pm1a_control = pa32;
	memcpy(&pa32, fadt + FADT_PM1B_CONTROL, 4);
	pm1b_control = pa32;
	memcpy(&pa32, fadt + FADT_SMI_COMMAND, 4);
	smi_command = pa32;
	acpi_enable_value = fadt[FADT_ACPI_ENABLE];
	if (!dsdt || !pm1a_control || !acpi_find_s5(dsdt)) {
		pr_info("ACPI: no \\_S5 sleep state: power off halts\n");
		return;
	}
	pr_info("ACPI: RSDP %#llx, PM1a_CNT %#x, S5 SLP_TYP %u/%u\n",
		(unsigned long long)rsdp_pa, pm1a_control, s5_slp_typa, s5_slp_typb);
	pm_power_off = acpi_power_off;
}
