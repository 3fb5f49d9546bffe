#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the agent for the boards and checks it on this host:
#   .lab/artifacts/agent/linux-arm64/lab-agent   NativeAOT (clang + lld cross link), arm64 boards
#   .lab/artifacts/agent/net48/                  lab-agent.exe + dlls, armv7 boards under Debian's Mono, and
#                                                lab-agent, the launcher the board runs (assemblies in agent/), and
#                                                lab-agent.tar.gz, those assemblies as the board gets them (one upload)
#   .lab/artifacts/agent/linux-arm64/vfio-bench  lab bench's C reference (agents/bench/vfio-bench.c), static
#   .lab/artifacts/agent/linux-arm64/aot-hello   lab bench's start floor: a NativeAOT program printing one line
# Both embed the VFIO layout tables recorded from the C compilers (agents/layout/vfio-layout.sh: gcc for x64,
# aarch64-linux-gnu-gcc, arm-linux-gnueabihf-gcc), which `lab-agent selfcheck` compares with its runtime.
# Skips the builds when no input changed (hash stamp), then always runs the net48 agent's `list` and
# `selfcheck` under the host's Mono and fails if either fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { printf 'agents/build.sh: %s\n' "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

out=.lab/artifacts/agent
work=.lab/obj/agent-build        # private artifacts path: never touches the obj/bin of concurrent solution builds
tables=.lab/obj/agent-layout
for tool in gcc aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc clang lld llvm-objcopy mono; do
	command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup-host.sh"
done

# Everything the outputs depend on: sources, build files, compilers and the uAPI header.
inputs_hash() {
	{
		git ls-files -co --exclude-standard -- agents/src/Lab.Vfio agents/src/Lab.Agent agents/src/Lab.Ktap \
			testcases/src/Lab.TestCases agents/layout agents/bench agents/build.sh Directory.Build.props Directory.Packages.props \
			global.json .editorconfig | LC_ALL=C sort | xargs -d '\n' sha256sum
		for cc in gcc aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc clang; do "$cc" --version | head -1; done
		dotnet --version
		sha256sum /usr/include/linux/vfio.h
	} | sha256sum | cut -d' ' -f1
}
hash="$(inputs_hash)"
stamp="$out/.inputs.sha256"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$out/linux-arm64/lab-agent" ] && [ -f "$out/net48/lab-agent.exe" ] && [ -x "$out/net48/lab-agent" ] && [ -f "$out/net48/lab-agent.tar.gz" ] \
	&& [ -x "$out/linux-arm64/vfio-bench" ] && [ -x "$out/linux-arm64/aot-hello" ]; then
	say "inputs unchanged ($hash), skipping the builds"
else
	rm -f "$stamp"
	say "layout tables from the C compilers"
	mkdir -p "$tables"
	agents/layout/vfio-layout.sh gcc "$tables/x64.txt"
	agents/layout/vfio-layout.sh aarch64-linux-gnu-gcc "$tables/arm64.txt"
	agents/layout/vfio-layout.sh arm-linux-gnueabihf-gcc "$tables/arm.txt"
	tables_abs="$root/$tables"

	say "NativeAOT publish for linux-arm64"
	log="$work/publish-arm64.log"
	mkdir -p "$work"
	# TargetFrameworks=net10.0 for every project: a PublishAot restore refuses the net48 half.
	if ! dotnet publish agents/src/Lab.Agent -c Release -f net10.0 -r linux-arm64 --artifacts-path "$work" -nologo -p:TargetFrameworks=net10.0 \
		-p:PublishAot=true -p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld -p:ObjCopyName=llvm-objcopy \
		-p:LayoutTableDir="$tables_abs" -o "$out/linux-arm64" >"$log" 2>&1; then
		cat "$log" >&2
		die "dotnet publish linux-arm64"
	fi
	if grep -E 'warning (IL|CS|CA|IDE)[0-9]+' "$log" | grep -v 'Lab.Ktap' >&2; then die "trim/AOT/compiler warnings in the arm64 publish (see above)"; fi
	say "NativeAOT publish of aot-hello (lab bench's start floor)"
	log="$work/publish-hello.log"
	if ! dotnet publish agents/bench/Lab.AotHello -c Release -r linux-arm64 --artifacts-path "$work" -nologo \
		-p:PublishAot=true -p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld -p:ObjCopyName=llvm-objcopy \
		-o "$out/linux-arm64" >"$log" 2>&1; then
		cat "$log" >&2
		die "dotnet publish aot-hello"
	fi
	rm -f "$out/linux-arm64/"*.dbg "$out/linux-arm64/"*.pdb

	say "vfio-bench (C reference), static for arm64"
	aarch64-linux-gnu-gcc -O2 -static -Wall -Wextra -Werror -o "$out/linux-arm64/vfio-bench" agents/bench/vfio-bench.c \
		|| die "aarch64-linux-gnu-gcc agents/bench/vfio-bench.c"
	mkdir -p "$out/linux-arm64/layout" && cp "$tables"/*.txt "$out/linux-arm64/layout/"

	say "net48 build for Mono"
	log="$work/build-net48.log"
	# NOTE: the root Directory.Build.props pins TargetFramework=net10.0 before a csproj can say
	# TargetFrameworks, which turns multi-targeting off; TargetFrameworks from the environment restores it
	# (net48 only here).
	# NOTE: IDE0161 not as error: Lab.Ktap's Polyfills.cs (not ours) has a block namespace, which only the
	# net48 compile sees, since the solution build never compiles net48 (see the NOTE above).
	if ! TargetFrameworks='net10.0;net48' dotnet build agents/src/Lab.Agent -c Release -f net48 --artifacts-path "$work" -nologo \
		-p:LayoutTableDir="$tables_abs" -p:WarningsNotAsErrors=IDE0161 >"$log" 2>&1; then
		cat "$log" >&2
		die "dotnet build net48"
	fi
	rm -rf "$out/net48"
	mkdir -p "$out/net48/layout"
	cp "$work/bin/Lab.Agent/release_net48/"*.{exe,dll,config} "$out/net48/"
	cp "$tables"/*.txt "$out/net48/layout/"
	# What an armv7 board runs: the orchestrator uploads the assemblies to agent/ beside it, the image has Mono.
	cat >"$out/net48/lab-agent" <<'LAUNCHER'
#!/bin/sh
exec mono "$(dirname "$0")/agent/lab-agent.exe" "$@"
LAUNCHER
	chmod 755 "$out/net48/lab-agent"
	# The files the board needs, in one compressed tar: one upload of a third of the bytes (the Exynos4210 board's
	# LAN9118 took 2-6 s for 0.66 MB from the host); the same bytes for the same inputs.
	(cd "$out/net48" && find . -maxdepth 1 -type f \( -name '*.exe' -o -name '*.dll' -o -name '*.config' \) -printf '%P\n' | sort |
		tar -cf - --owner=0 --group=0 --numeric-owner --mtime=@0 -T - | gzip -9n >lab-agent.tar.gz)
	echo "$hash" >"$stamp"
fi

file_size() { stat -c %s "$1"; }
say "linux-arm64 NativeAOT: $(file_size "$out/linux-arm64/lab-agent") bytes ($(file -b "$out/linux-arm64/lab-agent" | cut -d, -f1-2))"
say "  needs: $(aarch64-linux-gnu-readelf -d "$out/linux-arm64/lab-agent" | awk '/NEEDED/ { gsub(/[\[\]]/, "", $5); printf "%s ", $5 }')"
say "net48: lab-agent.exe $(file_size "$out/net48/lab-agent.exe") bytes, all files $(du -cb "$out/net48/"*.exe "$out/net48/"*.dll | tail -1 | cut -f1) bytes"

say "host Mono: list and selfcheck of the net48 agent"
start=$(date +%s%N)
list="$(mono "$out/net48/lab-agent.exe" list)" || die "mono lab-agent.exe list"
end=$(date +%s%N)
[ -n "$list" ] || die "mono lab-agent.exe list printed no cases"
say "  list: $(printf '%s\n' "$list" | wc -l) cases in $(( (end - start) / 1000000 )) ms (process start to exit)"
mono "$out/net48/lab-agent.exe" selfcheck >&2 || die "mono lab-agent.exe selfcheck"
say "ok"
