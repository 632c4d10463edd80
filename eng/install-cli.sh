#!/usr/bin/env bash
# Installs the `quality` command from this checkout as a .NET tool, or updates it: packs src/Quality.Cli (Release)
# into artifacts/tool with a version of its own, so the newest bits always win over NuGet's cache, and installs that
# package from there as a global tool (~/.dotnet/tools), or into QUALITY_TOOL_PATH when that is set (the README test
# installs into a folder of its own). Needs nothing beyond the .NET SDK and the packages the build restores.
#
# On linux-x64 with gcc or clang on PATH the command is compiled to native code (.NET's native AOT): it starts in
# milliseconds instead of ~0.3 s and runs large audits a third faster, prints what the managed command prints and
# writes the same Parquet facts; the compile takes 2-3 minutes (docs/performance.md, native command line). Elsewhere,
# or with QUALITY_CLI_NATIVE=0, it installs the managed command (ReadyToRun on linux-x64) in seconds;
# QUALITY_CLI_NATIVE=1 insists on native code and fails when it cannot be built here.
set -euo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
rm -f artifacts/tool/Serverless.Quality.Cli.*.nupkg # only the newest is ever installed
native="${QUALITY_CLI_NATIVE:-auto}"
case "$native" in
  0 | 1 | auto) ;;
  *) echo "QUALITY_CLI_NATIVE=$native: expected 1 (native code), 0 (the managed command) or unset (native where it can be built)" >&2; exit 1 ;;
esac
linker=""
why_managed=""
if [ "$native" != 0 ]; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    why_managed="native code is built for linux-x64 only, not $(uname -sm)"
  elif command -v clang >/dev/null; then linker=clang
  elif command -v gcc >/dev/null; then linker=gcc
  else why_managed="native code is linked with clang or gcc, and neither is on PATH"
  fi
  if [ -n "$why_managed" ] && [ "$native" = 1 ]; then
    echo "QUALITY_CLI_NATIVE=1: $why_managed" >&2
    exit 1
  fi
  if [ -n "$why_managed" ]; then
    echo "installing the managed command: $why_managed"
  fi
fi

if [ -z "$linker" ]; then
  dotnet pack src/Quality.Cli -c Release -o artifacts/tool -p:PackageVersion="$version" --nologo -v quiet
else
  # The package users install and the `any` one (JIT-compiled, for other platforms), then the linux-x64 one natively
  # compiled in its place. Trim and AOT warnings stay warnings: they are in code the command does not run (the
  # pipeline's stores) and in packages' reflection paths it does not take; what it prints is checked against the
  # managed command by tests/Quality.Readme.Tests/NativeCommandTests.cs. DebugType=none: no 50 MB file of native debug
  # symbols in the package (stack traces still name the methods).
  dotnet pack src/Quality.Cli -c Release -o artifacts/tool -p:PackageVersion="$version" -p:PublishReadyToRun=false --nologo -v quiet
  echo "compiling quality to native code, linked with $linker (2-3 minutes; QUALITY_CLI_NATIVE=0 installs the managed command in seconds)"
  dotnet pack src/Quality.Cli -c Release -r linux-x64 -o artifacts/tool -p:PackageVersion="$version" \
    -p:QualityNative=true -p:CppCompilerAndLinker="$linker" -p:DebugType=none -p:TreatWarningsAsErrors=false --nologo -v quiet \
    | { grep -vE 'warning (IL|SYSLIB)' || true; }
fi

if [ -n "${QUALITY_TOOL_PATH:-}" ]; then
  where=(--tool-path "$QUALITY_TOOL_PATH")
  bin="$QUALITY_TOOL_PATH"
else
  where=(--global)
  bin="$HOME/.dotnet/tools"
fi

# update installs the tool when it is missing; other package sources are not needed, so being offline is no failure.
dotnet tool update "${where[@]}" --add-source artifacts/tool --ignore-failed-sources --version "$version" Serverless.Quality.Cli >/dev/null
echo "quality $version installed in $bin"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "add it to PATH to run quality: export PATH=\"\$PATH:$bin\"" ;;
esac
