#!/usr/bin/env bash
# Debian packages the full test suite needs: LibreOffice (renders output
# workbooks), poppler (PDF → PNG), xmllint (manifest schema check) and
# Chromium (task pane tests), python3-lxml (the shared xlsx-lint checker).
# Installs only what is missing.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
/usr/bin/python3 -c "import lxml" >/dev/null 2>&1 || need+=(python3-lxml)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${need[*]} (run as root: apt-get update && apt-get install -y ${need[*]})" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
