#!/usr/bin/env bash
# The Functions app's deployment package for Flex Consumption (Linux, dotnet-isolated): a framework-dependent
# linux-x64 publish, zipped with host.json at the root. Usage: eng/package.sh [zip path]
# (default artifacts/quality-functions.zip). Deploy it as docs/deploy.md says.
set -euo pipefail
cd "$(dirname "$0")/.."
zip_path="$(realpath -m "${1:-artifacts/quality-functions.zip}")"
publish_dir="$(mktemp -d)"
trap 'rm -rf "$publish_dir"' EXIT
mkdir -p "$(dirname "$zip_path")"
dotnet publish src/Quality.Functions -c Release -r linux-x64 --self-contained false \
  -o "$publish_dir" -p:DeploymentZip="$zip_path" --nologo -v:q
echo "$zip_path"
