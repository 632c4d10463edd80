#!/usr/bin/env bash
# Installs the `quality` command from this checkout as a .NET tool, or updates it: packs src/Quality.Cli (Release)
# into artifacts/tool with a version of its own, so the newest bits always win over NuGet's cache, and installs that
# package from there as a global tool (~/.dotnet/tools), or into QUALITY_TOOL_PATH when that is set (the README test
# installs into a folder of its own). Needs nothing beyond the .NET SDK and the packages the build restores.
set -euo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
rm -f artifacts/tool/Serverless.Quality.Cli.*.nupkg # only the newest is ever installed
dotnet pack src/Quality.Cli -c Release -o artifacts/tool -p:PackageVersion="$version" --nologo -v quiet

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
