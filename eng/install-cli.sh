#!/usr/bin/env bash
# Installs the `quality` command from this checkout as a .NET tool, or updates it: packs src/Quality.Cli (Release)
# into artifacts/tool with a version of its own, so the newest bits always win over NuGet's cache, and installs that
# package from there as a global tool (~/.dotnet/tools), or into QUALITY_TOOL_PATH when that is set (the README test
# installs into a folder of its own). Needs nothing beyond the .NET SDK and the packages the build restores.
#
# QUALITY_CLI_NATIVE=1 compiles the command to native code instead (.NET's native AOT; linux-x64, with gcc or clang
# to link): it starts in milliseconds instead of ~0.3 s and runs large audits a third faster, and prints what the
# managed command prints and writes the same Parquet facts; the compile takes 2-3 minutes (docs/performance.md,
# native command line).
set -euo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
rm -f artifacts/tool/Serverless.Quality.Cli.*.nupkg # only the newest is ever installed
linker=""
if [ "${QUALITY_CLI_NATIVE:-0}" = 1 ]; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "QUALITY_CLI_NATIVE=1: the native command is built for linux-x64 only, not $(uname -sm)" >&2
    exit 1
  fi
  if command -v clang >/dev/null; then linker=clang; elif command -v gcc >/dev/null; then linker=gcc; else
    echo "QUALITY_CLI_NATIVE=1: native code is linked with clang or gcc, and neither is on PATH" >&2
    exit 1
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
  echo "compiling quality to native code, linked with $linker"
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
