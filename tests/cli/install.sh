#!/usr/bin/env bash
# `cmake --install` of this build into a scratch prefix, as a packager would: both binaries
# (which run from there), the shipped catalogues and IKPA/NKA reference data (a catalogue
# loads from its installed path), the README and protocol, and a systemd unit for the hub
# that starts the installed binary on its own state directory.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
prefix=$work/prefix
cmake --install "$KINERJA_BIN_DIR" --prefix "$prefix" >"$work/install.log"
for f in bin/kinerja bin/kinerja-hub share/kinerja/catalogue/2024.json share/kinerja/catalogue/catalogue.schema.json \
  share/kinerja/ikpa/2024.json share/doc/kinerja/README.md share/doc/kinerja/domain.md share/doc/kinerja/protocol.md \
  lib/systemd/system/kinerja-hub.service; do
  [ -e "$prefix/$f" ] || fail "cmake --install did not install $f: $(cat "$work/install.log")"
done
unit=$prefix/lib/systemd/system/kinerja-hub.service
grep -qE '^ExecStart=/[^ ]*/bin/kinerja-hub --db /var/lib/kinerja-hub/hub.db --listen 127\.0\.0\.1:[0-9]+$' "$unit" ||
  fail "unit ExecStart: $(grep ExecStart "$unit")"
grep -qF "StateDirectory=kinerja-hub" "$unit" || fail "unit state directory"
grep -q "@" "$unit" && fail "unit has unsubstituted variables: $(grep "@" "$unit")"

"$prefix/bin/kinerja" --store "$work/installed.db" init --office 407973 --name "Kanim Semarang" --kanwil JATENG \
  --year 2024 >/dev/null
"$prefix/bin/kinerja" --store "$work/installed.db" catalogue load "$prefix/share/kinerja/catalogue/2025.json" |
  grep -qF "Katalog 2025 dimuat" || fail "installed catalogue"
"$prefix/bin/kinerja-hub" --db "$work/installed-hub.db" office add --office 407973 --name "Kanim Semarang" \
  --kanwil JATENG >/dev/null || fail "installed hub"
echo ok
