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
dotnet test Lab.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
