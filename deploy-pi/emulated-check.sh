#!/usr/bin/env bash
# Runs the Raspberry Pi (linux-arm64) bundle here under qemu-aarch64 user emulation, the way the Pi
# runs it: install.sh lays the bundle out in a scratch root with generated credentials, then
#   1. the installed arm64 controller starts with the installed configuration (controller.env and
#      its generated secrets) against a real Mosquitto that uses the installed password file and ACL;
#   2. MQTT round trip: the retained status arrives at a `screen` subscriber; a `staff` override
#      (MQTT 5, QoS 1) is answered on the events topic and the status follows; the arm64 `status`
#      verb reads it back with the installed admin CLI credentials;
#   3. the arm64 renderer renders that status to a 1920x1080 PNG (its `render` verb: a real PNG of
#      that size with more than a blank screen's content), and the live arm64 renderer (role screen,
#      installed credentials, drawing to a PNG file: there is no /dev/fb0 here) shows the same state;
#   4. the arm64 web panel serves its login over HTTPS with the installed certificate, logs `staff`
#      in through Mosquitto (the CONNACK is the password check) and shows that state on its status page.
#
#   deploy-pi/emulated-check.sh [--bundle DIR] [--rebuild] [--keep]
#
# Without --bundle it builds one with deploy-pi/build.sh (no .deb, no tarball) into
# artifacts/deploy/emulated/, reusing it while the sources it was built from are unchanged (a hash
# of Controller/, SignageRenderer/, Shared/ and the build files). Installs qemu-user, the arm64
# runtime libraries and Mosquitto with apt when missing (needs root). Bounded: every step has a
# timeout (the publish 35 minutes); measured on the shared 2-core machine under load 10-17: the
# publish 5-8 minutes, the emulated part 2.5-3.5 minutes.
# Ends with "emulated-check: N passed, N failed"; exit 0 when none failed.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
. "$HERE/lib/check-lib.sh"
BUNDLE=""; REBUILD=0; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) KEEP=1 ;;
    --bundle) BUNDLE=${2:?--bundle needs a directory}; shift ;;
    --rebuild) REBUILD=1 ;;
    *) echo "emulated-check.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
T0=$SECONDS
stamp() { echo "# [$((SECONDS - T0)) s] $*"; }

# ---------------------------------------------------------------------------------------------
# Tools: qemu-user, arm64 runtime libraries (multiarch), Mosquitto and its clients, a font.
need=()
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
[ -e /lib/ld-linux-aarch64.so.1 ] || need+=(libc6:arm64)
for lib in libstdc++.so.6 libfontconfig.so.1 libicuuc.so.72 libssl.so.3; do
  [ -e "/usr/lib/aarch64-linux-gnu/$lib" ] || case $lib in
    libstdc++.so.6) need+=(libstdc++6:arm64) ;; libfontconfig.so.1) need+=(libfontconfig1:arm64) ;;
    libicuuc.so.72) need+=(libicu72:arm64) ;; libssl.so.3) need+=(libssl3:arm64) ;; esac
done
command -v mosquitto >/dev/null 2>&1 || need+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || need+=(mosquitto-clients)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/opentype/b612/B612-Regular.otf ] || need+=(fonts-b612)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "emulated-check.sh: missing ${need[*]}; run as root or install them" >&2; exit 2; }
  stamp "installing ${need[*]}"
  if [[ " ${need[*]} " == *":arm64"* ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then dpkg --add-architecture arm64; fi
  timeout 300 apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "emulated-check.sh: apt-get install ${need[*]} failed" >&2; exit 2; }
fi
[ "$(id -u)" -eq 0 ] || { echo "emulated-check.sh: needs root (install.sh sets owners in the scratch root)" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------
# The bundle.
if [ -z "$BUNDLE" ]; then
  OUT="$REPO/artifacts/deploy/emulated"
  src_hash=$(cd "$REPO" && git ls-files -co --exclude-standard -- Controller SignageRenderer Panel MqttHost Shared Directory.Build.props Directory.Packages.props global.json deploy-pi \
    | grep -v '/bin/\|/obj/' | sort | xargs -d '\n' sha256sum 2>/dev/null | sha256sum | cut -c1-16)
  BUNDLE=$(find "$OUT" -mindepth 1 -maxdepth 1 -type d -name 'mpp-signage-*-linux-arm64' 2>/dev/null | head -1)
  if [ "$REBUILD" -eq 0 ] && [ -n "$BUNDLE" ] && [ "$(cat "$OUT/source-hash" 2>/dev/null)" = "$src_hash" ]; then
    stamp "reusing $BUNDLE (sources unchanged)"
  else
    stamp "building the arm64 bundle (deploy-pi/build.sh --no-deb --no-tar)"
    rm -rf "$OUT"; mkdir -p "$REPO/artifacts" # a fresh clone has no artifacts/ yet
    if BUNDLE=$(timeout 2100 bash "$HERE/build.sh" --no-deb --no-tar --out "$OUT" 2> "$REPO/artifacts/emulated-build.log" | tail -1) && [ -d "$BUNDLE" ]; then
      echo "$src_hash" > "$OUT/source-hash"
      ok "build.sh made the arm64 bundle ($(grep -o 'published .*' "$REPO/artifacts/emulated-build.log"))"
    else
      not_ok "build.sh made the arm64 bundle"; sed 's/^/#   /' "$REPO/artifacts/emulated-build.log" | tail -20
      summary emulated-check; exit 1
    fi
  fi
fi
BUNDLE=$(cd "$BUNDLE" && pwd)
check "the controller is an aarch64 executable" bash -c "file -b '$BUNDLE/controller/mpp-controller' 2>/dev/null | grep -q aarch64 || od -An -tx1 -j18 -N2 '$BUNDLE/controller/mpp-controller' | grep -q 'b7 00'"
check "the renderer is an aarch64 executable" bash -c "od -An -tx1 -j18 -N2 '$BUNDLE/signage/mpp-signage' | grep -q 'b7 00'"
if grep -q '=native$' "$BUNDLE/BUILDINFO" 2>/dev/null; then
  # NativeAOT: no JIT, so no runtime or IL beside the executables.
  check "the three executables are native (no libcoreclr.so, no .dll in the bundle)" bash -c "[ -z \"\$(find '$BUNDLE/controller' '$BUNDLE/signage' '$BUNDLE/panel' -name 'libcoreclr.so' -o -name '*.dll' | head -1)\" ]"
fi
check "the panel is an aarch64 executable" bash -c "od -An -tx1 -j18 -N2 '$BUNDLE/panel/mpp-panel' | grep -q 'b7 00'"
check "the renderer carries an aarch64 libSkiaSharp.so" bash -c "od -An -tx1 -j18 -N2 '$BUNDLE/signage/libSkiaSharp.so' | grep -q 'b7 00'"
check "no development settings in the bundle" bash -c "[ ! -e '$BUNDLE/controller/appsettings.Development.json' ] && [ ! -e '$BUNDLE/signage/appsettings.Development.json' ] && [ ! -e '$BUNDLE/panel/appsettings.Development.json' ]"

# ---------------------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/mpp-emulated.XXXXXX)
PIDS=()
cleanup() {
  local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  # Emulated .NET shuts down slowly; never leave a process behind.
  for _ in $(seq 50); do
    local alive=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive -eq 1 ] || break; sleep 0.2
  done
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  if [ "$KEEP" -eq 1 ]; then echo "# kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
chmod 0711 "$WORK"

stamp "installing the bundle into a scratch root"
R=$WORK/root; mkdir -p "$R"; make_scratch_root "$R"
if bash "$HERE/install.sh" --root "$R" --bundle "$BUNDLE" > "$WORK/install.log" 2>&1; then ok "install.sh --root with the arm64 bundle"
else not_ok "install.sh --root with the arm64 bundle"; sed 's/^/#   /' "$WORK/install.log" | tail -20; summary emulated-check; exit 1; fi
APPDIR=$R/opt/mpp-signage/current
SITE=$(sed -n 's/^MPP_Site__Id=//p' "$R/etc/mpp-signage/controller.env")
pw() { awk -F: -v u="$1" '$1 == u { print $2 }' "$R/etc/mpp-signage/mqtt-credentials"; }

# Mosquitto with the installed password file and ACL, on a free loopback port.
PORT=$(free_port)
BR=$WORK/broker; mkdir -p "$BR"; chmod 0755 "$BR"
cp "$R/etc/mosquitto/mpp-signage.passwd" "$R/etc/mosquitto/mpp-signage.acl" "$BR/"
sed -e "s|^listener .*|listener $PORT 127.0.0.1|" -e "s|/etc/mosquitto/|$BR/|" "$R/etc/mosquitto/conf.d/mpp-signage.conf" > "$BR/mosquitto.conf"
chown -R mosquitto: "$BR" 2>/dev/null || true; chmod 0600 "$BR"/mpp-signage.*
mosquitto -c "$BR/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done

# The installed environment files, as systemd's EnvironmentFile= passes them (KEY=value lines), plus
# what only a Pi has: the broker's port here, the schedule's path in the scratch root.
env_args() { # env_args FILE...: prints KEY=value lines for `env`
  local f; for f in "$@"; do
    sed -n -E "s/^([A-Za-z_][A-Za-z0-9_]*)=[\"']?([^\"']*)[\"']?\$/\1=\2/p" "$f"
  done
  echo "DOTNET_ENVIRONMENT=Production"; echo "MPP_Mqtt__Port=$PORT"; echo "MPP_Schedule__File=$R/etc/mpp-signage/schedule.json"
}
QEMU=(qemu-aarch64 -L /)

stamp "starting the arm64 controller under qemu"
mkdir -p "$WORK/state"
mapfile -t CENV < <(env_args "$R/etc/mpp-signage/controller.env" "$R/etc/mpp-signage/controller.secrets.env")
# env execs qemu, so $! is the emulated controller itself (signals reach it, cleanup can stop it).
env "${CENV[@]}" MPP_State__Directory="$WORK/state" MPP_Gpio__Driver=simulated MPP_Clock__AssumeSynchronized=true \
  "${QEMU[@]}" "$APPDIR/controller/mpp-controller" run > "$WORK/controller.log" 2>&1 &
CTRL=$!; PIDS+=($CTRL)

t=$SECONDS
status=$(timeout 120 mosquitto_sub -h 127.0.0.1 -p "$PORT" -V mqttv5 -u screen -P "$(pw screen)" -t "mpp/$SITE/status" -C 1 -W 115 2>&1)
if echo "$status" | grep -q '"state":"\(open\|closed\)"'; then
  ok "retained status from the arm64 controller reached a 'screen' subscriber via Mosquitto ($((SECONDS - t)) s after start)"
  echo "#   $(echo "$status" | cut -c1-200)"
else
  not_ok "retained status from the arm64 controller reached a 'screen' subscriber (got: $(echo "$status" | head -3))"
  sed 's/^/#   controller: /' "$WORK/controller.log" | tail -25
fi
avail=$(timeout 20 mosquitto_sub -h 127.0.0.1 -p "$PORT" -V mqttv5 -u screen -P "$(pw screen)" -t "mpp/$SITE/availability" -C 1 -W 15 2>&1)
check "availability is 'online'" [ "$avail" = online ]

# The arm64 renderer as a live MQTT client (role screen, installed credentials), drawing to a PNG
# file instead of /dev/fb0 (there is none here).
mapfile -t LENV < <(env_args "$R/etc/mpp-signage/signage.env" "$R/etc/mpp-signage/signage.secrets.env")
env "${LENV[@]}" MPP_Display__Output=png MPP_Display__PngPath="$WORK/live.png" MPP_Posters__CacheDirectory="$WORK/posters" \
  "${QEMU[@]}" "$APPDIR/signage/mpp-signage" run > "$WORK/renderer.log" 2>&1 &
REND=$!; PIDS+=($REND)

# Round trip: staff override → controller (arm64) → events and status.
want=open; echo "$status" | grep -q '"state":"open"' && want=closed
timeout 60 mosquitto_sub -h 127.0.0.1 -p "$PORT" -V mqttv5 -u admin -P "$(pw admin)" -t "mpp/$SITE/status" -t "mpp/$SITE/events" -v -W 55 > "$WORK/watch.log" 2>&1 &
WATCH=$!; PIDS+=($WATCH)
sleep 1 # let the watcher subscribe (it also gets the retained status first)
t=$SECONDS
puback=$(timeout 20 mosquitto_pub -h 127.0.0.1 -p "$PORT" -V mqttv5 -q 1 -u staff -P "$(pw staff)" -t "mpp/$SITE/override/set" \
  -m "{\"state\":\"$want\",\"until\":null,\"reason\":\"emulated check\"}" -D publish user-property mpp-user staff 2>&1)
check "Mosquitto accepted the staff override (QoS 1, MQTT 5)" [ -z "$puback" ]
got=""
for _ in $(seq 600); do
  if grep -q "mpp/$SITE/status .*\"state\":\"$want\".*\"mode\":\"override\"" "$WORK/watch.log" 2>/dev/null \
     && grep -q "mpp/$SITE/events .*\"ok\":true" "$WORK/watch.log" 2>/dev/null; then got=yes; break; fi
  kill -0 "$WATCH" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$got" ]; then ok "override round trip: status became '$want' (mode override) $((SECONDS - t)) s after the command"
else not_ok "override round trip: status became '$want' (mode override)"; sed 's/^/#   watch: /' "$WORK/watch.log" | tail -8; sed 's/^/#   controller: /' "$WORK/controller.log" | tail -15; fi
check "the command's result was published on events" grep -q "mpp/$SITE/events .*\"ok\":true" "$WORK/watch.log"
mapfile -t XENV < <(env_args "$R/etc/mpp-signage/controller.env" "$R/etc/mpp-signage/cli.secrets.env")
out=$(env "${XENV[@]}" timeout 120 "${QEMU[@]}" "$APPDIR/controller/mpp-controller" status --json --Cli:TimeoutSeconds=60 2>&1)
if echo "$out" | grep -q "\"state\":\"$want\""; then ok "the arm64 'status' verb (admin CLI credentials) reads the new state"
else not_ok "the arm64 'status' verb reads the new state (got: $(echo "$out" | tail -3 | tr '\n' ' '))"; fi
# ---------------------------------------------------------------------------------------------
# The web panel (arm64, NativeAOT): HTTPS with the certificate install.sh generated, a staff login
# through Mosquitto, and the status page showing the state the controller now has.
stamp "starting the arm64 web panel under qemu"
PPORT=$(free_port)
mapfile -t PENV < <(env_args "$R/etc/mpp-signage/panel.env")
env "${PENV[@]}" MPP_Panel__Listen="https://127.0.0.1:$PPORT" MPP_Panel__MqttPort="$PORT" \
  MPP_Panel__CertificateFile="$R/etc/mpp-signage/panel/panel.crt" MPP_Panel__CertificateKeyFile="$R/etc/mpp-signage/panel/panel.key" \
  "${QEMU[@]}" "$APPDIR/panel/mpp-panel" > "$WORK/panel.log" 2>&1 &
PANEL=$!; PIDS+=($PANEL)
JAR=$WORK/panel.cookies; code=""
for _ in $(seq 300); do
  code=$(curl -sk -o "$WORK/login.html" -w '%{http_code}' -c "$JAR" -b "$JAR" "https://127.0.0.1:$PPORT/login" 2>/dev/null) && [ "$code" = 200 ] && break
  kill -0 "$PANEL" 2>/dev/null || break; sleep 0.2
done
check "the arm64 panel serves /login over HTTPS with the installed certificate (HTTP $code)" [ "$code" = 200 ]
token=$(grep -o 'name="__af" value="[^"]*"' "$WORK/login.html" 2>/dev/null | head -1 | sed 's/.*value="//; s/"$//')
code=$(curl -sk -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" --data-urlencode "__af=$token" \
  --data-urlencode UserName=staff --data-urlencode "Password=$(pw staff)" "https://127.0.0.1:$PPORT/login" 2>/dev/null)
check "staff logs in to the arm64 panel through Mosquitto (got: $code)" bash -c "[[ '$code' == '302 '*'/' ]]"
sign=$( [ "$want" = open ] && echo BUKA || echo TUTUP )
curl -sk -b "$JAR" "https://127.0.0.1:$PPORT/" -o "$WORK/status.html" 2>/dev/null
if grep -q "id=\"sign\" class=\"sign [a-z-]*\"><span data-k=\"state\">$sign<" "$WORK/status.html"; then ok "the arm64 panel's status page shows $sign (the '$want' state)"
else not_ok "the arm64 panel's status page shows $sign"; grep -o '<div id="sign"[^<]*<span[^<]*<' "$WORK/status.html" | sed 's/^/#   /'; sed 's/^/#   panel: /' "$WORK/panel.log" | tail -10; fi
if grep -qiE 'unhandled exception|fail:|crit:' "$WORK/panel.log"; then
  not_ok "the panel logged no error"; grep -iE -A3 'unhandled exception|fail:|crit:' "$WORK/panel.log" | head -12 | sed 's/^/#   /'
else ok "the panel logged no error"; fi
kill -TERM "$PANEL" 2>/dev/null
for _ in $(seq 100); do kill -0 "$PANEL" 2>/dev/null || break; sleep 0.2; done
check "the panel stops on SIGTERM within 20 s" bash -c "! kill -0 $PANEL 2>/dev/null"
wait "$PANEL" 2>/dev/null

# ---------------------------------------------------------------------------------------------
# The renderer: `render` the status the controller now publishes, then the live renderer must show
# that same state (its frame's background is the colour of the state: compare one pixel).
stamp "rendering the controller's current status with the arm64 renderer"
grep "^mpp/$SITE/status " "$WORK/watch.log" | tail -1 | cut -d' ' -f2- > "$WORK/status-now.json"
PNG=$WORK/status-1920x1080.png
mapfile -t SENV < <(env_args "$R/etc/mpp-signage/signage.env")
out=$(env "${SENV[@]}" timeout 180 "${QEMU[@]}" "$APPDIR/signage/mpp-signage" render --schedule "$R/etc/mpp-signage/schedule.json" \
  --status "$WORK/status-now.json" --at "$(date -Iseconds)" --slide status --size 1920x1080 --out "$PNG" 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ -s "$PNG" ]; then ok "mpp-signage render (arm64) wrote a PNG of the '$want' status"
else not_ok "mpp-signage render (arm64) wrote a PNG (exit $rc)"; echo "$out" | tail -10 | sed 's/^/#   /'; fi
if [ -s "$PNG" ]; then
  read -r w h size < <(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print(*struct.unpack(">II", d[16:24]), len(d))' "$PNG")
  check "the frame is a 1920x1080 PNG (found ${w:-?}x${h:-?})" [ "${w:-0}x${h:-0}" = 1920x1080 ]
  # A blank or single-colour 1080p frame compresses to a few KB; headline, text and footer do not.
  check "the frame has content (${size:-0} bytes)" [ "${size:-0}" -gt 20000 ]
  cp "$PNG" "$REPO/artifacts/deploy/emulated-status-1920x1080.png" 2>/dev/null && echo "#   frame kept as artifacts/deploy/emulated-status-1920x1080.png"
fi
expected=$( [ -s "$PNG" ] && python3 "$HERE/lib/png-pixel.py" "$PNG" 40 200)
live=""; t=$SECONDS
for _ in $(seq 120); do
  [ -s "$WORK/live.png" ] && live=$(python3 "$HERE/lib/png-pixel.py" "$WORK/live.png" 40 200 2>/dev/null)
  [ -n "$expected" ] && [ "$live" = "$expected" ] && break
  kill -0 "$REND" 2>/dev/null || break
  sleep 0.5
done
check "the live renderer connected as 'screen'" grep -q 'MQTT connected to' "$WORK/renderer.log"
if [ -n "$expected" ] && [ "$live" = "$expected" ]; then
  ok "the live renderer (arm64, via Mosquitto) shows the '$want' state: background $live as rendered ($((SECONDS - t)) s)"
else
  not_ok "the live renderer shows the '$want' state (background ${live:-none}, rendered ${expected:-none})"; sed 's/^/#   renderer: /' "$WORK/renderer.log" | tail -15
fi
[ ! -s "$WORK/live.png" ] || cp "$WORK/live.png" "$REPO/artifacts/deploy/emulated-live-frame.png" 2>/dev/null
if grep -qiE 'unhandled exception|fail:|crit:|not ?authori' "$WORK/renderer.log"; then
  not_ok "the renderer logged no error"; grep -iE -A3 'unhandled exception|fail:|crit:|not ?authori' "$WORK/renderer.log" | head -12 | sed 's/^/#   /'
else ok "the renderer logged no error"; fi
kill -TERM "$REND" 2>/dev/null
for _ in $(seq 100); do kill -0 "$REND" 2>/dev/null || break; sleep 0.2; done
check "the renderer stops on SIGTERM within 20 s" bash -c "! kill -0 $REND 2>/dev/null"
wait "$REND" 2>/dev/null

check "the controller (arm64) is still running" kill -0 "$CTRL"
if grep -qiE 'unhandled exception|fail:|crit:' "$WORK/controller.log"; then
  not_ok "the controller logged no error"; grep -iE -A3 'unhandled exception|fail:|crit:' "$WORK/controller.log" | head -15 | sed 's/^/#   /'
else ok "the controller logged no error"; fi
kill -TERM "$CTRL" 2>/dev/null
for _ in $(seq 100); do kill -0 "$CTRL" 2>/dev/null || break; sleep 0.2; done
check "the controller stops on SIGTERM within 20 s" bash -c "! kill -0 $CTRL 2>/dev/null"
wait "$CTRL" 2>/dev/null
off=$(timeout 20 mosquitto_sub -h 127.0.0.1 -p "$PORT" -V mqttv5 -u screen -P "$(pw screen)" -t "mpp/$SITE/availability" -C 1 -W 15 2>&1)
check "after stopping, availability is 'offline'" [ "$off" = offline ]

# ---------------------------------------------------------------------------------------------
# The .deb made from this bundle installs like the tarball: dpkg --root with chrootless maintainer
# scripts runs the package's postinst, which runs install.sh --root (DPKG_ROOT).
stamp "packaging the bundle as a .deb and installing it with dpkg into a scratch root"
if timeout 300 bash "$HERE/build.sh" --from "$BUNDLE" --no-tar --fast --out "$WORK/deb" > "$WORK/deb-build.log" 2>&1; then
  DEB=$(ls "$WORK"/deb/mpp-signage_*.deb 2>/dev/null | head -1)
fi
if [ -n "${DEB:-}" ]; then
  ok "build.sh made $(basename "$DEB") ($(du -h "$DEB" | cut -f1), gzip -1)"
  P=$WORK/deb-root; mkdir -p "$P"; make_scratch_root "$P"
  mkdir -p "$P/var/lib/dpkg/info" "$P/var/lib/dpkg/updates" "$P/var/lib/dpkg/triggers" "$P/var/log"
  touch "$P/var/lib/dpkg/status" "$P/var/lib/dpkg/available"
  if timeout 180 dpkg --root="$P" --force-script-chrootless --force-architecture --force-depends --log="$P/var/log/dpkg.log" -i "$DEB" > "$WORK/dpkg.log" 2>&1; then
    ok "dpkg -i of the .deb (postinst ran install.sh)"
  else
    not_ok "dpkg -i of the .deb"; tail -15 "$WORK/dpkg.log" | sed 's/^/#   /'
  fi
  check "dpkg records mpp-signage as installed" bash -c "dpkg --root='$P' -s mpp-signage 2>/dev/null | grep -q 'Status: install ok installed'"
  check "the .deb install switched /opt/mpp-signage/current to $(cat "$BUNDLE/VERSION")" [ "$(readlink "$P/opt/mpp-signage/current")" = "$(cat "$BUNDLE/VERSION")" ]
  check "the .deb install enabled both services and generated the credentials" \
    bash -c "[ -L '$P/etc/systemd/system/multi-user.target.wants/mpp-controller.service' ] && [ -L '$P/etc/systemd/system/multi-user.target.wants/mpp-signage.service' ] && [ -s '$P/etc/mpp-signage/mqtt-credentials' ]"
else
  not_ok "build.sh made a .deb"; tail -10 "$WORK/deb-build.log" | sed 's/^/#   /'
fi

stamp "done"
summary emulated-check
