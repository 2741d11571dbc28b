#!/usr/bin/env bash
# Installs the Debian 12 packages casus needs, only those missing. Idempotent; safe to rerun.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libtbb-dev libpcg-cpp-dev libeigen3-dev libsqlitecpp-dev libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
  libopenmpi-dev openmpi-bin libboost-random-dev   # MPI ranks (robustness); Boost.Random ziggurat, Boost.Math quantile
  libcpp-httplib-dev chromium   # casus serve, and its browser tests (tests/browser)
  clang-14 libclang-rt-14-dev  # make fuzz: libFuzzer + ASan/UBSan runtimes (docs/reliability.md)
  tzdata   # adjudicate --tz ZONE: the tz database under /usr/share/zoneinfo
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node and npm drive chromium in tests/browser. A machine that already has them (e.g. NodeSource's
# nodejs, which bundles npm and conflicts with Debian's npm package) keeps them; otherwise Debian's.
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "casus: installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "casus: need root (or sudo) to install: ${missing[*]}" >&2; exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
