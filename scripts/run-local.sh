#!/usr/bin/env bash
# Runs MppSignage locally in the foreground: the controller with its embedded MQTT broker and simulated
# GPIO (relay, lamps, button and LCD are printed as log lines), one entrance-screen renderer that
# writes its frames to .local/frames/frame.png (open it with any image viewer; it is replaced atomically),
# and the staff/admin web panel on http://127.0.0.1:${MPP_PANEL_PORT:-8080} (plain HTTP on loopback only).
# Ctrl+C stops everything.
# Installs what the examples need when missing (mosquitto-clients for mosquitto_sub/mosquitto_pub).
# DEVELOPMENT ONLY: the users admin/admin-dev, staff/staff-dev, screen/screen-dev, controller/controller-dev
# come from Controller/appsettings.Development.json and must never be deployed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${MPP_PORT:-1883}
panel_port=${MPP_PANEL_PORT:-8080}

if ! command -v mosquitto_sub >/dev/null 2>&1; then
  echo "run-local: installing mosquitto-clients (for the mosquitto_sub/mosquitto_pub examples)" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends mosquitto-clients >/dev/null \
    || echo "run-local: could not install mosquitto-clients; the controller still runs, use 'mpp-controller status' instead" >&2
fi

state="$root/.local/state"
frames="$root/.local/frames"
mkdir -p "$state" "$frames"

# One instance per state directory (the controller holds an flock on controller.lock while it runs) and a
# free port: checked before building or starting anything, so a second run changes nothing of the first.
if ! flock -n "$state/controller.lock" true 2>/dev/null; then
  other=$(cat "$state/controller.pid" 2>/dev/null || echo "?")
  echo "run-local: another controller (PID $other) is already running with $state; stop it first (Ctrl+C in its terminal, or kill $other)" >&2
  exit 1
fi
if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
  echo "run-local: port $port on 127.0.0.1 is already in use; stop what listens there, or choose another port: MPP_PORT=1884 bash scripts/run-local.sh" >&2
  exit 1
fi

echo "run-local: building the controller, the renderer and the panel…" >&2
dotnet build Controller -c Debug -nologo -v quiet -clp:ErrorsOnly
dotnet build SignageRenderer -c Debug -nologo -v quiet -clp:ErrorsOnly
dotnet build Panel -c Debug -nologo -v quiet -clp:ErrorsOnly
pnl="dotnet $root/Panel/bin/Debug/net10.0/mpp-panel.dll"
ctl="dotnet $root/Controller/bin/Debug/net10.0/mpp-controller.dll"
sig="dotnet $root/SignageRenderer/bin/Debug/net10.0/mpp-signage.dll"

# --- controller (embedded broker on 127.0.0.1:$port, simulated GPIO, state in .local/state) ---
cat >&2 <<INFO

MppSignage controller — local run (development users, simulated GPIO)
  broker   127.0.0.1:$port (embedded, MQTT 3.1.1/5, anonymous refused)
  users    admin/admin-dev  staff/staff-dev  screen/screen-dev  controller/controller-dev  (DEVELOPMENT ONLY)
  state    $root/.local/state   schedule  $root/deploy-pi/config/schedule.json

  watch everything:   mosquitto_sub -p $port -u admin -P admin-dev -t 'mpp/#' -v
  override (staff):   mosquitto_pub -p $port -u staff -P staff-dev -t mpp/probolinggo/override/set -q 1 -m '{"state":"open","reason":"antrian"}'
  back to automatic:  mosquitto_pub -p $port -u staff -P staff-dev -t mpp/probolinggo/override/set -q 1 -m '{"state":"auto"}'
  CLI override:       scripts/mpp controller override closed --until +30m --reason rapat -u staff -P staff-dev --port $port
  CLI status:         scripts/mpp controller status --json -u screen -P screen-dev --port $port | jq .
  directory (3 pages): scripts/mpp controller announce add --file deploy-pi/config/services-directory.json -u admin -P admin-dev --port $port
  announcement:       scripts/mpp controller announce add --id info-1 --title 'Layanan KTP elektronik' --body 'Perekaman KTP-el di loket 5 setiap hari kerja.' -u admin -P admin-dev --port $port

  screen frame:       $frames/frame.png   (renderer 'pintu-utama', 1920x1080, redrawn on change)

  WEB PANEL:          http://127.0.0.1:$panel_port   (open it in a browser; phone-sized windows work too)
    staff login:      staff / staff-dev   (status, open/close the door, history)
    admin login:      admin / admin-dev   (everything: announcements, screens too)

INFO

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Further arguments go to the controller (e.g. --Door:ClosingSoonMinutes=30).
env DOTNET_ENVIRONMENT=Development $ctl run \
  --Mqtt:Port="$port" \
  --State:Directory="$state" \
  --Schedule:File="$root/deploy-pi/config/schedule.json" \
  "$@" &
controller=$!
pids+=("$controller")

# The renderer (a separate MQTT client, role screen) starts only once this controller's broker listens;
# when the controller cannot start (its message is above), nothing else starts.
for _ in $(seq 1 300); do
  if ! kill -0 "$controller" 2>/dev/null; then
    code=0; wait "$controller" || code=$?
    echo "run-local: the controller did not start (exit $code); not starting the renderer" >&2
    exit "$(( code == 0 ? 1 : code ))"
  fi
  (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.2
done
env DOTNET_ENVIRONMENT=Development $sig \
  --Mqtt:Port="$port" --Mqtt:Username=screen --Mqtt:Password=screen-dev \
  --Display:Output=png --Display:PngPath="$frames/frame.png" --Posters:CacheDirectory="$root/.local/posters" \
  --Site:Logo="${MPP_LOGO:-$root/deploy-pi/config/logo.svg}" \
  --Qr:WhatsAppNumber="${MPP_WHATSAPP:-6281234567890}" \
  --Qr:ReviewUrl="${MPP_REVIEW_URL:-https://g.page/r/mpp-kota-probolinggo/review}" &
pids+=($!)

# The panel has no rights of its own: every login is a broker connection as that user.
env DOTNET_ENVIRONMENT=Development $pnl \
  --Panel:MqttPort="$port" --Panel:Listen="http://127.0.0.1:$panel_port" &
pids+=($!)

wait -n "${pids[@]}"
