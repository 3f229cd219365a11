#!/bin/sh
# get-busybox.sh DIR: put Debian's static busybox at DIR/root/bin/busybox
# without installing anything on this machine: `apt-get download` fetches
# the busybox-static package into DIR and `dpkg-deb -x` unpacks it into
# DIR/root. If the download fails for lack of package lists, it runs
# `apt-get update` once (as root) and tries again. When that cannot work
# (not root, no apt-get, offline) it says exactly what is missing and how
# to get it, as scripts/install-deps.sh does, and fails.
set -u
dir=$1
pkg=busybox-static
mkdir -p "$dir"

missing() {
	echo "mmos needs Debian's $pkg package (for make run and the busybox session test): $1" >&2
	echo "get it with:  (cd $dir && apt-get download $pkg) && dpkg-deb -x $dir/${pkg}_*.deb $dir/root" >&2
	echo "or, on a machine without apt, put any static x86-64 busybox at $dir/root/bin/busybox" >&2
	exit 1
}

command -v dpkg-deb >/dev/null 2>&1 || missing "dpkg-deb is not installed"
deb=$(ls "$dir"/${pkg}_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
	command -v apt-get >/dev/null 2>&1 || missing "apt-get is not installed"
	# apt-get download writes into the current directory; as root it
	# warns that _apt cannot write there, which is harmless.
	if ! (cd "$dir" && apt-get download -q $pkg) >"$dir/download.log" 2>&1; then
		[ "$(id -u)" = 0 ] || missing "apt-get download failed (see $dir/download.log); as root, apt-get update may fix it"
		echo "get-busybox: apt-get download failed; running apt-get update" >&2
		apt-get update -q >>"$dir/download.log" 2>&1
		(cd "$dir" && apt-get download -q $pkg) >>"$dir/download.log" 2>&1 ||
			missing "apt-get download failed even after apt-get update (offline?); see $dir/download.log"
	fi
	deb=$(ls "$dir"/${pkg}_*.deb 2>/dev/null | head -1)
	[ -n "$deb" ] || missing "apt-get download left no .deb in $dir"
fi
rm -rf "$dir/root"
dpkg-deb -x "$deb" "$dir/root" || missing "dpkg-deb -x $deb failed"
[ -x "$dir/root/bin/busybox" ] || missing "$deb has no bin/busybox"
# make compares with this script's time, not the package's
touch "$dir/root/bin/busybox"
echo "  BUSYBOX $dir/root/bin/busybox ($(basename "$deb"))"
