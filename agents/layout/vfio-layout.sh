#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Records the VFIO uAPI layout as one C compiler sees it: sizeof/alignof of every struct in <linux/vfio.h>,
# offsetof/sizeof of every field, and the value of every object-like VFIO_* macro (ioctl numbers, flags, ids).
#
# Nothing here is typed by hand: the struct and macro lists come from the compiler's own preprocessed view
# of the header (`-E`, `-E -dM`), so a newer header adds rows by itself.
#
# Values come out of a compile-only build (`-S`): each one is an "i" asm operand inside an `.ascii` line, the
# trick of the kernel's asm-offsets.c, so cross compilers work without running target code. With --run the
# same source is built and run on the host instead (printf), which cross-checks the extraction trick.
#
# Usage: vfio-layout.sh [--run] CC OUT_TABLE
# Table lines: `sizeof S N`, `alignof S N`, `offsetof S.F N`, `fieldsize S.F N`, `flex S.F N` (flexible array
# member: offset only), `const NAME VALUE WIDTH` (macro or enumerator; (VALUE unsigned, truncated to WIDTH bytes, the macro's C type).
set -euo pipefail

run=0
if [ "${1:-}" = "--run" ]; then run=1; shift; fi
[ $# -eq 2 ] || { echo "usage: $0 [--run] CC OUT_TABLE" >&2; exit 2; }
cc="$1"
out="$2"
command -v "$cc" >/dev/null || { echo "vfio-layout: compiler '$cc' not found: run scripts/setup-host.sh" >&2; exit 3; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '#include <linux/vfio.h>\n' >"$work/inc.c"

# Object-like VFIO_* macros with a numeric value (strings and function-like macros are left out).
"$cc" -E -dM "$work/inc.c" | awk '$1 == "#define" && $2 ~ /^VFIO_[A-Za-z0-9_]+$/ && $2 != "VFIO_H" && $3 !~ /^"/ { print $2 }' \
	| sort -u >"$work/macros"
# Enumerators named VFIO_* (PCI region/IRQ indexes, migration states): constants a device meets too.
"$cc" -E -P "$work/inc.c" | awk '/^enum/ { e = 1; next } e && /\}/ { e = 0 }
	e { sub(/[=,].*/, ""); gsub(/[ \t]/, ""); if ($0 ~ /^VFIO_/) print }' | sort -u >>"$work/macros"

# Structs and their fields, from the preprocessed header. Anonymous unions contribute their members; a named
# union or nested struct member is one field; deeper levels are not walked.
"$cc" -E -P "$work/inc.c" | awk '
	function field(line,   t, n) {
		sub(/;.*/, "", line); gsub(/^[ \t]+|[ \t]+$/, "", line)
		n = split(line, t, /[ \t*]+/); name = t[n]
		flex = (name ~ /\[\]$/); sub(/\[.*/, "", name)
		return name
	}
	/^struct vfio_[a-z0-9_]+ *\{/ { s = $2; depth = 1; print "S " s; next }
	depth == 0 { next }
	/^[ \t]*(union|struct)[ \t]*\{/ { depth++; nin = 0; next }
	/^[ \t]*\}/ {
		if (depth == 1) { depth = 0; next }
		if (depth == 2) {
			if (match($0, /\}[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/)) {
				n = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[ \t]/, "", n); print "F " s " " n
			} else { for (i = 1; i <= nin; i++) print inner[i] }
		}
		depth--; next
	}
	/;/ {
		n = field($0)
		if (depth == 1) print (flex ? "X " : "F ") s " " n
		else if (depth == 2) inner[++nin] = (flex ? "X " : "F ") s " " n
	}
' >"$work/structs"

# libc constants the interop passes to open/mmap/eventfd/poll/sysconf/lseek, and the errno numbers it names:
# names only, listed here because they are not VFIO's; the values still come from the compiler.
libc_names="O_RDONLY O_WRONLY O_RDWR O_CLOEXEC O_NONBLOCK PROT_NONE PROT_READ PROT_WRITE MAP_SHARED MAP_PRIVATE
	MAP_ANONYMOUS MAP_POPULATE MAP_LOCKED EFD_CLOEXEC EFD_NONBLOCK EFD_SEMAPHORE POLLIN POLLPRI POLLOUT POLLERR POLLHUP
	POLLNVAL _SC_PAGESIZE SEEK_SET SEEK_CUR SEEK_END
	EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT EBUSY EEXIST EXDEV ENODEV
	ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY EFBIG ENOSPC ESPIPE EROFS EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOSYS
	ENOTEMPTY ELOOP ENOMSG EOVERFLOW EBADFD EOPNOTSUPP ETIMEDOUT EHWPOISON"

{
	printf '#define _GNU_SOURCE\n#include <stddef.h>\n#include <errno.h>\n#include <fcntl.h>\n#include <poll.h>\n'
	printf '#include <unistd.h>\n#include <sys/mman.h>\n#include <sys/eventfd.h>\n#include <linux/vfio.h>\n'
	printf '#ifdef LAYOUT_RUN\n#include <stdio.h>\n'
	printf '#define E(k, n, v) printf("@@LAYOUT %%s %%s %%llu %%u\\n", k, n, (unsigned long long)(v), (unsigned)sizeof(v))\n'
	printf 'int main(void)\n#else\n'
	printf '#define E(k, n, v) __asm__ volatile("\\n.ascii \\"@@LAYOUT " k " " n " %%c0 %%c1 %%c2\\\\n\\"" :: "i"((int)((unsigned long long)(v) >> 32)), "i"((int)(unsigned long long)(v)), "i"((int)sizeof(v)))\n'
	printf 'void layout(void)\n#endif\n{\n'
	while read -r m; do printf 'E("const", "%s", %s);\n' "$m" "$m"; done <"$work/macros"
	for m in $libc_names; do printf 'E("const", "%s", %s);\n' "$m" "$m"; done
	printf 'E("sizeof", "pollfd", sizeof(struct pollfd));\nE("alignof", "pollfd", _Alignof(struct pollfd));\n'
	for f in fd events revents; do
		printf 'E("offsetof", "pollfd.%s", offsetof(struct pollfd, %s));\n' "$f" "$f"
		printf 'E("fieldsize", "pollfd.%s", sizeof(((struct pollfd *)0)->%s));\n' "$f" "$f"
	done
	while read -r kind s f; do
		case "$kind" in
		S) printf 'E("sizeof", "%s", sizeof(struct %s));\nE("alignof", "%s", _Alignof(struct %s));\n' "$s" "$s" "$s" "$s" ;;
		F) printf 'E("offsetof", "%s.%s", offsetof(struct %s, %s));\nE("fieldsize", "%s.%s", sizeof(((struct %s *)0)->%s));\n' \
			"$s" "$f" "$s" "$f" "$s" "$f" "$s" "$f" ;;
		X) printf 'E("flex", "%s.%s", offsetof(struct %s, %s));\n' "$s" "$f" "$s" "$f" ;;
		esac
	done <"$work/structs"
	printf '#ifdef LAYOUT_RUN\nreturn 0;\n#endif\n}\n'
} >"$work/layout.c"

if [ "$run" -eq 1 ]; then
	"$cc" -std=gnu11 -O0 -DLAYOUT_RUN -o "$work/layout" "$work/layout.c"
	"$work/layout" | awk '{ print $2, $3, $4, $5 }' >"$work/raw"
else
	"$cc" -std=gnu11 -O0 -S -o "$work/layout.s" "$work/layout.c"
	# `.ascii "@@LAYOUT kind name HI LO WIDTH\n"`: HI/LO are signed 32-bit halves; join them to one unsigned value.
	grep -o '@@LAYOUT [^\\"]*' "$work/layout.s" | awk '{
		hi = $4 + 0; lo = $5 + 0; if (hi < 0) hi += 4294967296; if (lo < 0) lo += 4294967296
		printf "%s %s %.0f %s\n", $2, $3, hi * 4294967296 + lo, $6 }' >"$work/raw"
fi

# `const` keeps its width (the C type of the macro); value truncated to it. Other kinds drop the width.
awk '{ if ($1 == "const") { v = $3; if ($4 < 8) v = v % (2 ^ (8 * $4)); printf "const %s %.0f %s\n", $2, v, $4 }
	else print $1, $2, $3 }' "$work/raw" >"$work/table"
[ -s "$work/table" ] || { echo "vfio-layout: $cc produced an empty table" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
mv "$work/table" "$out"
