#!/usr/bin/env bash
# Builds and tests yjstat with the LAPACKE package trait (system LAPACKE linear-algebra backend).
# Installs liblapacke-dev and pkg-config with apt when pkg-config cannot find lapacke.
# Extra arguments are passed to `swift test` (e.g. --scratch-path DIR, --filter SUITE).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lapacke; then
    echo "lapacke.sh: installing liblapacke-dev and pkg-config with apt-get"
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
        apt_get=(sudo env DEBIAN_FRONTEND=noninteractive apt-get)
    else
        apt_get=(env DEBIAN_FRONTEND=noninteractive apt-get)
    fi
    "${apt_get[@]}" update
    "${apt_get[@]}" install -y --no-install-recommends liblapacke-dev pkg-config
    pkg-config --exists lapacke
fi

echo "lapacke.sh: lapacke $(pkg-config --modversion lapacke) ($(pkg-config --libs lapacke))"
swift test --traits LAPACKE "$@"
