#!/usr/bin/env bash
# Installs what the portal's browser tests (PortalBrowserIT) drive: Debian's chromium and its
# chromedriver. Run by Maven before the integration tests (server/pom.xml, pre-integration-test),
# so `./mvnw verify` and .ci/run need nothing installed by hand. Does nothing when both are there;
# without root or apt-get it says so and leaves it to the tests, which then skip and say why.
set -u
CHROMIUM=${SIMFLEET_CHROMIUM:-/usr/bin/chromium}
DRIVER=${SIMFLEET_CHROMEDRIVER:-/usr/bin/chromedriver}
if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
  exit 0
fi
if [ "${SIMFLEET_SKIP_BROWSER_INSTALL:-}" = "true" ]; then
  echo "install-chromium: SIMFLEET_SKIP_BROWSER_INSTALL=true, not installing; the browser tests will skip" >&2
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM or $DRIVER missing and this is not root on Debian/Ubuntu; the browser tests will skip" >&2
  exit 0
fi
echo "install-chromium: installing chromium and chromium-driver (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends chromium chromium-driver; }; then
  echo "install-chromium: apt-get failed; the browser tests will skip" >&2
fi
exit 0
