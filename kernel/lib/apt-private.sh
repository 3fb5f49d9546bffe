#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sourced helper: an apt with its own state, cache and source list under the per-user cache, so that
# packages of a foreign architecture (arm64, armhf) can be resolved and downloaded without touching the
# host's dpkg architectures, its package lists or its dpkg status.
# After `apt_private_init ARCH [SUITES]`, call `apt_private ...` like apt-get and `apt_cache_private ...` like apt-cache.
# SUITES: bookworm (default: bookworm, bookworm-updates, bookworm-security) or sid (the unstable suite, where the
# newest kernel is; served by the same mirror as bookworm). Each has its own state, so neither list set slows the other.

vfiolab_cache() { printf '%s/vfiolab' "${XDG_CACHE_HOME:-$HOME/.cache}"; }

# host_debian_mirrors: "MIRROR SECURITY", the URIs the host's apt sources give for bookworm and bookworm-security
# (one-line .list files and deb822 .sources files; disabled entries and other suites are passed over).
host_debian_mirrors() {
	local files=() f
	local etc="${VFIOLAB_APT_ETC:-/etc/apt}"
	for f in "$etc/sources.list" "$etc"/sources.list.d/*.list "$etc"/sources.list.d/*.sources; do
		[ -f "$f" ] && files+=("$f")
	done
	[ ${#files[@]} -gt 0 ] || { echo " "; return 0; }
	awk '
		function take(uri, suite) {
			sub(/\/+$/, "", uri)
			if (suite == "bookworm" && mirror == "") mirror = uri
			if (suite == "bookworm-security" && security == "") security = uri
		}
		function flush(   n, i, s) {
			if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris != "") {
				split(uris, u, " "); n = split(suites, s, " ")
				for (i = 1; i <= n; i++) take(u[1], s[i])
			}
			types = ""; uris = ""; suites = ""; enabled = ""
		}
		FILENAME ~ /\.sources$/ {
			if (FILENAME != last) { flush(); last = FILENAME }
			if ($0 ~ /^[ \t]*$/) { flush(); next }
			if ($0 ~ /^#/) next
			key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
			if (key == "types") types = $0
			else if (key == "uris") uris = $0
			else if (key == "suites") suites = $0
			else if (key == "enabled") enabled = tolower($0)
			next
		}
		$1 == "deb" {
			i = 2
			if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			take($i, $(i + 1))
		}
		END { flush(); print mirror " " security }
	' "${files[@]}"
}

apt_private_init() {
	local arch="$1" suites="${2:-bookworm}" host
	host="$(dpkg --print-architecture)"
	case "$suites" in
	bookworm) APT_PRIV_DIR="$(vfiolab_cache)/apt/$arch" ;;
	sid) APT_PRIV_DIR="$(vfiolab_cache)/apt/$arch-sid" ;;
	*) echo "apt-private: unknown suite set '$suites' (known: bookworm, sid)" >&2; return 1 ;;
	esac
	mkdir -p "$APT_PRIV_DIR/lists/partial" "$APT_PRIV_DIR/archives/partial" "$APT_PRIV_DIR/etc/sources.list.d" \
		"$APT_PRIV_DIR/etc/preferences.d" "$APT_PRIV_DIR/debs"
	: >"$APT_PRIV_DIR/status"
	# Debian's own sources only (the host may list third-party repositories that have nothing for ARM).
	# The mirror is the host's own (its apt sources), never a name written here; VFIOLAB_DEBIAN_MIRROR and
	# VFIOLAB_DEBIAN_SECURITY override it. A changed list is rewritten and the lists fetched again.
	local src="$APT_PRIV_DIR/etc/sources.list" mirrors mirror security want
	mirrors="$(host_debian_mirrors)"
	mirror="${VFIOLAB_DEBIAN_MIRROR:-${mirrors%% *}}"
	security="${VFIOLAB_DEBIAN_SECURITY:-${mirrors#* }}"
	if [ -z "$mirror" ] || [ -z "$security" ]; then
		echo "apt-private: no Debian bookworm mirror (and bookworm-security) in the host's apt sources (/etc/apt/sources.list, /etc/apt/sources.list.d/*.list|*.sources); set VFIOLAB_DEBIAN_MIRROR and VFIOLAB_DEBIAN_SECURITY" >&2
		return 1
	fi
	if [ "$suites" = sid ]; then
		want="$(printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' "$mirror" sid)"
	else
		want="$(printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
			"$mirror" bookworm "$mirror" bookworm-updates "$security" bookworm-security)"
	fi
	if [ "$(cat "$src" 2>/dev/null)" != "$want" ]; then
		printf '%s\n' "$want" >"$src"
		rm -f "$APT_PRIV_DIR/lists/.updated"
	fi
	APT_PRIV_OPTS=(
		-o "APT::Architecture=$host"
		-o "APT::Architectures::=$host"
		-o "APT::Architectures::=$arch"
		-o "Dir::State=$APT_PRIV_DIR"
		-o "Dir::State::Lists=$APT_PRIV_DIR/lists"
		-o "Dir::State::status=$APT_PRIV_DIR/status"
		-o "Dir::Cache=$APT_PRIV_DIR"
		-o "Dir::Cache::Archives=$APT_PRIV_DIR/archives"
		-o "Dir::Etc::SourceList=$src"
		-o "Dir::Etc::SourceParts=$APT_PRIV_DIR/etc/sources.list.d"
		-o "Dir::Etc::Preferences=$APT_PRIV_DIR/etc/preferences"
		-o "Dir::Etc::PreferencesParts=$APT_PRIV_DIR/etc/preferences.d"
		-o "Debug::NoLocking=1"
		-o "APT::Sandbox::User=root"
	)
}

apt_private() { apt-get -q "${APT_PRIV_OPTS[@]}" "$@"; }
apt_cache_private() { apt-cache "${APT_PRIV_OPTS[@]}" "$@"; }

# Refresh the private lists at most once per VFIOLAB_APT_MAX_AGE seconds (default 6 h): the mirror drops
# old kernel ABIs, so stale lists would point at files that are gone.
apt_private_update() {
	local stamp="$APT_PRIV_DIR/lists/.updated" failed="$APT_PRIV_DIR/lists/.update-failed" now
	local max="${VFIOLAB_APT_MAX_AGE:-21600}" retry="${VFIOLAB_APT_RETRY_AGE:-900}"
	now="$(date +%s)"
	if [ -f "$stamp" ] && [ $((now - $(stat -c %Y "$stamp"))) -lt "$max" ]; then
		return 0
	fi
	# An index that fails its size check while the mirror syncs (seen on the armhf security index for days) makes
	# apt exit non-zero although the others are fine: go on with what apt has, and retry after $retry s, not on
	# every call (three calls per armhf board build, ~1 s each). A version that really is missing is caught later
	# by the candidate and same-version checks.
	if [ -f "$failed" ] && [ $((now - $(stat -c %Y "$failed"))) -lt "$retry" ]; then
		return 0
	fi
	if apt_private update >&2; then
		touch "$stamp"
		rm -f "$failed"
	else
		touch "$failed"
		echo "apt-private: 'apt-get update' reported errors (mirror sync?); continuing with the indexes that did download, next try in $retry s" >&2
	fi
}

# apt_private_download DESTDIR PKG[:ARCH]=VERSION... : downloads into DESTDIR unless already there;
# prints the .deb paths, one per line.
apt_private_download() {
	local dest="$1"
	shift
	mkdir -p "$dest"
	local spec name ver arch file
	for spec in "$@"; do
		name="${spec%%=*}"
		ver="${spec#*=}"
		arch=""
		case "$name" in *:*) arch="${name#*:}"; name="${name%%:*}" ;; esac
		# Debian file names encode an epoch's colon as %3a.
		file="$(ls "$dest/${name}_${ver//:/%3a}_"*.deb 2>/dev/null | head -n1 || true)"
		if [ -z "$file" ]; then
			(cd "$dest" && apt_private download "$spec" >&2)
			file="$(ls "$dest/${name}_${ver//:/%3a}_"*.deb 2>/dev/null | head -n1 || true)"
			[ -n "$file" ] || { echo "apt-private: download of $spec produced no .deb in $dest" >&2; return 1; }
		fi
		: "$arch"
		printf '%s\n' "$file"
	done
}

# apt_private_candidate PKG[:ARCH] : the candidate version, empty when apt does not know the package.
apt_private_candidate() {
	apt_cache_private policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2; exit }' | sed 's/(none)//'
}

# apt_private_candidates PKG[:ARCH]... : "PKG[:ARCH]=VERSION" per package in one apt-cache run (each run
# loads every list, ~1 s); a package apt does not know gets an empty version.
apt_private_candidates() {
	apt_cache_private policy "$@" 2>/dev/null | awk '
		/^[^ ].*:$/ { name = substr($0, 1, length($0) - 1); next }
		/^  Candidate:/ { v = $2; if (v == "(none)") v = ""; print name "=" v }'
}

# apt_private_require PKG[:ARCH]... : like apt_private_candidates, one "PKG[:ARCH]=VERSION" line per package, but
# fails (saying which) unless apt knows every one of them.
apt_private_require() {
	local lines s n=0
	lines="$(apt_private_candidates "$@")"
	while IFS= read -r s; do
		[ -n "$s" ] || continue
		n=$((n + 1))
		[ -n "${s#*=}" ] || { echo "apt-private: the mirror has no ${s%=*}" >&2; return 1; }
	done <<<"$lines"
	[ "$n" -eq $# ] || { echo "apt-private: apt-cache policy answered for $n of $# packages: $lines" >&2; return 1; }
	printf '%s\n' "$lines"
}

# cache_entry_lock DEST : creates DEST's parent and holds DEST.lock (fd 9) until the script ends, so one builder of
# a cache entry runs at a time and the others find its result.
cache_entry_lock() {
	mkdir -p "$(dirname "$1")"
	exec 9>"$1.lock"
	flock 9
}
