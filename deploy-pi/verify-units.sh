#!/usr/bin/env bash
# Verifies the systemd units as installed: install.sh lays them out in a scratch root (stub bundle,
# unless --bundle), then `systemd-analyze verify --root` must pass with no message at all (it also
# checks that ExecStart exists and is executable there), and `systemd-analyze security --offline`
# must rate each unit at most 4.0 ("OK"). A deliberately broken copy must be caught, to show the
# verifier is really looking. Ends with "verify-units: N passed, N failed".
#
#   deploy-pi/verify-units.sh [--bundle DIR]
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib/check-lib.sh"
BUNDLE=""
[ "${1:-}" != --bundle ] || BUNDLE=${2:?--bundle needs a directory}
command -v systemd-analyze >/dev/null 2>&1 || { echo "verify-units.sh: systemd-analyze not found (apt-get install systemd)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "verify-units.sh: needs root (install.sh sets owners in the scratch root)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/mpp-verify-units.XXXXXX); trap 'rm -rf "$WORK"' EXIT
R=$WORK/root; mkdir -p "$R"; make_scratch_root "$R"
if [ -z "$BUNDLE" ]; then make_stub_bundle "$WORK/bundle" 1.0.0; BUNDLE=$WORK/bundle; fi
if bash "$HERE/install.sh" --root "$R" --bundle "$BUNDLE" > "$WORK/install.log" 2>&1; then ok "install.sh laid out the units in a scratch root"
else not_ok "install.sh laid out the units in a scratch root"; sed 's/^/#   /' "$WORK/install.log"; summary verify-units; exit 1; fi

echo "# $(systemd-analyze --version | head -1)"
for u in mpp-controller mpp-signage mpp-panel; do
  f=/etc/systemd/system/$u.service
  out=$(systemd-analyze verify --root="$R" --man=no "$f" 2>&1); rc=$?
  if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "systemd-analyze verify $u.service: clean"
  else not_ok "systemd-analyze verify $u.service (rc=$rc)"; echo "$out" | sed 's/^/#   /'; fi

  score=$(systemd-analyze security --offline=yes --root="$R" "$f" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  check "systemd-analyze security $u.service: exposure ${score:-?} <= 4.0" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 4.0) }'

  unit="$R$f"
  # The panel sends READY but no watchdog pings (a hung panel never touches the relay; Restart= covers a crash).
  watchdog='^WatchdogSec='; [ "$u" != mpp-panel ] || watchdog='^Type=notify$'
  for want in '^Type=notify$' "$watchdog" '^Restart=always$' '^After=.*mosquitto\.service' '^After=.*time-sync\.target' \
              '^Wants=mosquitto\.service$' '^ProtectSystem=strict$' '^ProtectHome=yes$' '^PrivateTmp=yes$' '^NoNewPrivileges=yes$' \
              "^ReadWritePaths=/var/lib/mpp-signage/${u#mpp-}\$" '^SupplementaryGroups=mpp( |$)' "^User=$u\$" "^Group=$u\$" '^StandardOutput=journal$' '^DevicePolicy=closed$' \
              '^SystemCallFilter=@system-service$' '^MemoryMax=[0-9]+[KMG]$' '^TasksMax=[0-9]+$' "^StateDirectory=mpp-signage/${u#mpp-}\$"; do
    check "$u.service has ${want//[\^\$\\]/}" grep -Eq "$want" "$unit"
  done
  # Nothing but the state directory may be writable: no other ReadWritePaths.
  check "$u.service: ReadWritePaths names only the state directory" bash -c "[ \$(grep -c '^ReadWritePaths=' '$unit') -eq 1 ]"
done
check "controller may use GPIO and I2C" bash -c "grep -qx 'SupplementaryGroups=mpp gpio i2c' '$R/etc/systemd/system/mpp-controller.service' && grep -qx 'DeviceAllow=char-gpiochip rw' '$R/etc/systemd/system/mpp-controller.service' && grep -qx 'DeviceAllow=char-i2c rw' '$R/etc/systemd/system/mpp-controller.service'"
check "renderer may use the framebuffer and HDMI-CEC" bash -c "grep -qx 'SupplementaryGroups=mpp video' '$R/etc/systemd/system/mpp-signage.service' && grep -qx 'DeviceAllow=char-fb rw' '$R/etc/systemd/system/mpp-signage.service' && grep -qx 'DeviceAllow=char-cec rw' '$R/etc/systemd/system/mpp-signage.service'"

check "the panel has no capability and no device" bash -c "grep -qx 'CapabilityBoundingSet=' '$R/etc/systemd/system/mpp-panel.service' && grep -qx 'PrivateDevices=yes' '$R/etc/systemd/system/mpp-panel.service' && ! grep -q '^DeviceAllow=' '$R/etc/systemd/system/mpp-panel.service'"
check "the panel reads its configuration from panel.env" grep -qx 'EnvironmentFile=/etc/mpp-signage/panel.env' "$R/etc/systemd/system/mpp-panel.service"
check "the panel is enabled" test -L "$R/etc/systemd/system/multi-user.target.wants/mpp-panel.service"
for other in controller signage; do
  check "the panel's unit cannot write the $other's state" bash -c "! grep -q 'mpp-signage/$other' '$R/etc/systemd/system/mpp-panel.service'"
  check "the $other's unit cannot write the panel's state" bash -c "! grep -q 'mpp-signage/panel' '$R/etc/systemd/system/mpp-$other.service'"
done
check "the panel runs as its own user" bash -c "[ \"\$(grep -h '^User=' '$R'/etc/systemd/system/mpp-*.service | sort -u | wc -l)\" -eq 3 ]"

# Separation: the two services run as different users and neither may write the other's directory.
check "controller and renderer run as different users" bash -c "[ \"\$(grep '^User=' '$R/etc/systemd/system/mpp-controller.service')\" != \"\$(grep '^User=' '$R/etc/systemd/system/mpp-signage.service')\" ]"
check "the renderer's unit cannot write the controller's state" bash -c "! grep -q 'mpp-signage/controller' '$R/etc/systemd/system/mpp-signage.service'"
check "the controller's unit cannot write the renderer's state" bash -c "! grep -q 'mpp-signage/signage' '$R/etc/systemd/system/mpp-controller.service'"

# Negative controls: the same verify must flag a typo, a bad value and a missing executable.
cp "$R/etc/systemd/system/mpp-signage.service" "$WORK/good"
sed -i 's/^ProtectSystem=strict/ProtectSytem=strict/; s/^WatchdogSec=30s/WatchdogSec=thirty/' "$R/etc/systemd/system/mpp-signage.service"
out=$(systemd-analyze verify --root="$R" --man=no /etc/systemd/system/mpp-signage.service 2>&1)
check "verify flags a misspelt key and a bad value (negative control)" bash -c "echo \"\$1\" | grep -q ProtectSytem && echo \"\$1\" | grep -q thirty" _ "$out"
cp "$WORK/good" "$R/etc/systemd/system/mpp-signage.service"
mv "$R/opt/mpp-signage/current" "$R/opt/mpp-signage/current.off"
out=$(systemd-analyze verify --root="$R" --man=no /etc/systemd/system/mpp-controller.service 2>&1)
check "verify flags a missing ExecStart binary (negative control)" bash -c "echo \"\$1\" | grep -q 'is not executable'" _ "$out"
mv "$R/opt/mpp-signage/current.off" "$R/opt/mpp-signage/current"

# The optional journald drop-in parses as journald configuration.
check "journald drop-in sets Storage=volatile" grep -qx 'Storage=volatile' "$HERE/systemd/journald-mpp-signage.conf"
summary verify-units
