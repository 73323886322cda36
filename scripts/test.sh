#!/usr/bin/env bash
# Runs every test of Precis on a fresh Debian/Ubuntu machine: installs what the tests need when it
# is missing (headless Chromium and chromedriver for the web reader's browser test), then runs
# `mvn -B verify`. Safe to run again: nothing is installed twice. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "test.sh: $*" >&2
  exit 1
}

command -v java >/dev/null 2>&1 || fail "Java 17 is needed (Debian: apt-get install openjdk-17-jdk-headless)"
command -v mvn >/dev/null 2>&1 || fail "Maven 3.8+ is needed (Debian: apt-get install maven)"

has_chromium() {
  { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1; } && command -v chromedriver >/dev/null 2>&1
}

if ! has_chromium; then
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "Chromium and chromedriver are needed by the browser test; install them with your package manager"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    fail "Chromium and chromedriver are missing; as root run: apt-get install chromium chromium-driver"
  fi
  echo "test.sh: installing chromium and chromium-driver (apt-get)..." >&2
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
  has_chromium || fail "chromium or chromedriver still missing after apt-get install"
fi

exec mvn -B verify "$@"
