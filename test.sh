#!/usr/bin/env bash
# Every test, setup included: host packages (apt), NuGet restore, the agent builds for the boards, then `dotnet test`.
# A prerequisite that cannot be installed stops the run here with the install step named; tests never skip silently.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
step() { printf '\n== %s\n' "$*" >&2; }

step "host packages"
scripts/setup-host.sh

step "build (warnings are errors)"
dotnet build Lab.sln -c Release -nologo -v q

step "agents for the boards"
if [ -x agents/build.sh ]; then agents/build.sh; fi

step "tests"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Lab.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# The failed tests again, with their messages, where a CI log's tail shows them.
if grep -qE '^ *Failed [A-Za-z_]' "$log"; then
  echo "test.sh: failed tests:"
  awk '/^ *Failed [A-Za-z_]/ {n = 12} n > 0 {print; n--}' "$log"
fi
# One closing line over every test assembly, in the plain form CI reads.
awk '/^ *Passed: *[0-9]+$/ {p += $2} /^ *Failed: *[0-9]+$/ {f += $2} /^ *Skipped: *[0-9]+$/ {s += $2}
     END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
if [ "$status" -eq 0 ] && ! grep -qE '^ *Passed: *[1-9]' "$log"; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
