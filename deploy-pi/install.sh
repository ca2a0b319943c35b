#!/usr/bin/env bash
# MppSignage installer for Raspberry Pi OS (Debian 12 "bookworm", 64-bit).
#
#   sudo ./deploy-pi/install.sh [--site ID] [--role both|controller|signage] [options]
#
# Run it from an unpacked bundle (deploy-pi/build.sh makes one). Idempotent: running it again
# upgrades the application, rewrites the files it manages, keeps configuration, credentials and
# state, and changes nothing that is already right.
#
# Options:
#   --site ID            site id for a first install (default probolinggo; kept in controller.env)
#   --role ROLE          both (default), controller (relay + broker, no screen), signage (screen only)
#   --bundle DIR         the unpacked bundle (default: the directory above this script)
#   --root DIR           install into DIR instead of / (scratch root for verification; no apt, no
#                        service starts, users created in DIR/etc/passwd, systemctl --root)
#   --no-apt             do not install Debian packages (only report the missing ones)
#   --no-start           install and enable the services, but do not (re)start them
#   --dry-run            print what would be done, change nothing
#   --mqtt-listen ADDR   Mosquitto listener address (default 127.0.0.1; 0.0.0.0 for screens on other Pis)
#   --mqtt-port PORT     Mosquitto port (default 1883)
#   --panel-port PORT    HTTPS port of the web panel mpp-panel (default 8443; role both/controller)
#   --screens ID[,ID…]   on the controller Pi: the site's other screens (on other Pis), each given its
#                        own MQTT user screen-ID (a screen publishes only as its own id); kept in install.env
#   --hdmi-mode MODE     KMS mode forced on HDMI-A-1 even when the TV is off at boot
#                        (default 1920x1080@60; "none" leaves cmdline.txt's video= alone)
#   --volatile-journal   keep the systemd journal in RAM (spares the SD card; logs lost at reboot)
#   --keep N             installed versions kept for rollback (default 3)
#   --rollback [VERSION] switch back to VERSION (default: the previously active one) and restart
#   -h, --help
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Options
ROOT=""; BUNDLE=""; SITE_ID=""; ROLE=""; NO_APT=0; NO_START=0; DRY_RUN=0
MQTT_LISTEN=""; MQTT_PORT=""; PANEL_PORT=""; SCREENS=""; SCREENS_GIVEN=0; HDMI_MODE=""; VOLATILE_JOURNAL=0; KEEP=3; ROLLBACK=0; ROLLBACK_TO=""

die() { echo "install.sh: error: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --site) SITE_ID=${2:?--site needs an id}; shift ;;
    --role) ROLE=${2:?--role needs both, controller or signage}; shift ;;
    --bundle) BUNDLE=${2:?--bundle needs a directory}; shift ;;
    --root) ROOT=${2:?--root needs a directory}; shift ;;
    --no-apt) NO_APT=1 ;;
    --no-start) NO_START=1 ;;
    --dry-run) DRY_RUN=1 ;;
    --mqtt-listen) MQTT_LISTEN=${2:?--mqtt-listen needs an address}; shift ;;
    --mqtt-port) MQTT_PORT=${2:?--mqtt-port needs a port}; shift ;;
    --panel-port) PANEL_PORT=${2:?--panel-port needs a port}; shift ;;
    --screens) SCREENS=${2?--screens needs screen ids (ID,ID…), or '' for none}; SCREENS_GIVEN=1; shift ;;
    --hdmi-mode) HDMI_MODE=${2:?--hdmi-mode needs WxH@Hz or none}; shift ;;
    --volatile-journal) VOLATILE_JOURNAL=1 ;;
    --keep) KEEP=${2:?--keep needs a number}; shift ;;
    --rollback) ROLLBACK=1; if [ $# -gt 1 ] && [ "${2#-}" = "$2" ]; then ROLLBACK_TO=$2; shift; fi ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

if [ -n "$ROOT" ]; then
  [ -d "$ROOT" ] || die "--root $ROOT: not a directory"
  ROOT=$(cd "$ROOT" && pwd)
  [ "$ROOT" != "/" ] || ROOT=""
fi
# A scratch root never touches the running system: no apt, no service start.
if [ -n "$ROOT" ]; then NO_APT=1; NO_START=1; fi
# Inside a chroot or an image build systemd is not running: install and enable, start at boot.
SYSTEMD_RUNNING=0; [ -d /run/systemd/system ] && SYSTEMD_RUNNING=1
if [ -z "$ROOT" ] && [ $SYSTEMD_RUNNING -eq 0 ] && [ "$NO_START" -eq 0 ]; then
  echo "install.sh: systemd is not running here (chroot or image build): services are enabled, not started" >&2
  NO_START=1
fi

case "$KEEP" in ''|*[!0-9]*) die "--keep '$KEEP': expected a whole number >= 2" ;; esac
[ "$KEEP" -ge 2 ] || die "--keep $KEEP: keep at least 2 versions, or rollback has nothing to go back to"

[ "$(id -u)" -eq 0 ] || [ "$DRY_RUN" -eq 1 ] || die "run as root (sudo $0 $*)"

# ---------------------------------------------------------------------------------------------
# Helpers. Every change goes through these, so --dry-run and the final report see all of them.
DONE=()     # what was changed
TODO=()     # what the technician must still decide
note() { DONE+=("$*"); echo "  + $*"; }
info() { echo "  . $*"; }
warn() { echo "  ! $*" >&2; }
decide() { TODO+=("$*"); }
run() { if [ "$DRY_RUN" -eq 1 ]; then echo "  [dry-run] $*"; else "$@"; fi; }

# uid/gid from the target root's own files, so a scratch root gets the ids of its own users.
uid_of() { awk -F: -v n="$1" '$1 == n { print $3; f = 1 } END { exit !f }' "$ROOT/etc/passwd"; }
gid_of() { awk -F: -v n="$1" '$1 == n { print $3; f = 1 } END { exit !f }' "$ROOT/etc/group"; }
chown_to() { # chown_to OWNER GROUP PATH...
  local u=$1 g=$2; shift 2
  local uid gid
  uid=$(uid_of "$u") || die "user '$u' does not exist in $ROOT/etc/passwd"
  gid=$(gid_of "$g") || die "group '$g' does not exist in $ROOT/etc/group"
  run chown -h "$uid:$gid" "$@"
}

ensure_dir() { # ensure_dir PATH MODE OWNER GROUP
  local p="$ROOT$1"
  if [ ! -d "$p" ]; then run mkdir -p "$p"; note "created $1"; fi
  if [ "$DRY_RUN" -eq 0 ]; then chmod "$2" "$p"; chown_to "$3" "$4" "$p"; fi
}

# A file install.sh manages: rewritten when its content differs.
install_managed() { # install_managed SRC DEST MODE OWNER GROUP
  local src=$1 dest="$ROOT$2"
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    info "$2 is up to date"
  else
    run mkdir -p "$(dirname "$dest")"
    run install -m "$3" "$src" "$dest.mpp-new"
    run mv -f "$dest.mpp-new" "$dest"
    note "installed $2"
  fi
  if [ "$DRY_RUN" -eq 0 ]; then chmod "$3" "$dest"; chown_to "$4" "$5" "$dest"; fi
}

# A file the technician owns: written once, never overwritten. The template it came from is kept
# in $ETC/.templates; when a later version brings a different template, it is put beside the file
# as FILE.dist so new keys can be found (a technician's own edits alone never cause a .dist).
install_config() { # install_config SRC DEST MODE OWNER GROUP
  local src=$1 dest="$ROOT$2"
  local pristine="$ROOT$ETC/.templates/$(basename "$2")"
  if [ ! -e "$dest" ]; then
    run mkdir -p "$(dirname "$dest")"
    run install -m "$3" "$src" "$dest"
    note "wrote $2 (first install)"
    [ "$DRY_RUN" -eq 1 ] || chown_to "$4" "$5" "$dest"
  else
    info "$2 kept (configuration is never overwritten)"
    if [ -f "$pristine" ] && ! cmp -s "$src" "$pristine" && ! cmp -s "$src" "$dest"; then
      run install -m 0640 "$src" "$dest.dist"
      [ "$DRY_RUN" -eq 1 ] || chown_to "$4" "$5" "$dest.dist"
      note "wrote $2.dist: this version's template has changed (compare: diff $2 $2.dist)"
      decide "merge the new template into $2 (diff $2 $2.dist), then delete the .dist"
    fi
  fi
  if [ "$DRY_RUN" -eq 0 ] && ! cmp -s "$src" "$pristine" 2>/dev/null; then
    install -d -m 0700 "$(dirname "$pristine")"
    install -m 0600 "$src" "$pristine"
  fi
}

# Fill @NAME@ placeholders of a template into a temporary file, printed on stdout.
render() { # render TEMPLATE NAME=VALUE...
  local t=$1; shift
  local out; out=$(mktemp "$TMPD/render.XXXXXX")
  cp "$t" "$out"
  local kv
  for kv in "$@"; do
    local k=${kv%%=*} v=${kv#*=}
    v=${v//\\/\\\\}; v=${v//&/\\&}; v=${v//|/\\|}
    sed -i "s|@$k@|$v|g" "$out"
  done
  echo "$out"
}

# Read KEY=value from a shell-style env file of the target (no sourcing: it is data).
env_get() { # env_get FILE KEY
  [ -f "$ROOT$1" ] || return 1
  awk -v k="$2" 'index($0, k "=") == 1 { v = substr($0, length(k) + 2); gsub(/^["'\'']|["'\'']$/, "", v); print v; f = 1 } END { exit !f }' "$ROOT$1"
}

systemctl_() { # systemctl against the target root
  if [ -n "$ROOT" ]; then run systemctl --root="$ROOT" "$@"; else run systemctl "$@"; fi
}

TMPD=$(mktemp -d); trap 'rm -rf "$TMPD"' EXIT

# ---------------------------------------------------------------------------------------------
# Locate the bundle and the installer's own files.
HERE=$(cd "$(dirname "$0")" && pwd)
[ -n "$BUNDLE" ] || BUNDLE=$(dirname "$HERE")
BUNDLE=$(cd "$BUNDLE" 2>/dev/null && pwd) || die "--bundle: '$BUNDLE' is not a directory"
DEPLOY="$BUNDLE/deploy-pi"; [ -d "$DEPLOY/systemd" ] || DEPLOY=$HERE

APP=/opt/mpp-signage
ETC=/etc/mpp-signage
STATE=/var/lib/mpp-signage

# ---------------------------------------------------------------------------------------------
# Rollback: switch `current` to another installed version and restart, nothing else.
restart_services() {
  local units=("$@")
  if [ "$NO_START" -eq 1 ]; then info "not restarting ${units[*]} (--no-start or --root)"; return; fi
  [ $SYSTEMD_RUNNING -eq 0 ] || run systemctl daemon-reload
  run systemctl restart "${units[@]}"
  note "restarted ${units[*]}"
}

installed_units() {
  local u; for u in mpp-controller mpp-signage mpp-panel; do
    [ -f "$ROOT/etc/systemd/system/$u.service" ] && echo "$u.service"
  done
  return 0
}

switch_current() { # switch_current VERSION
  local ver=$1
  if [ "$(readlink "$ROOT$APP/current" 2>/dev/null)" = "$ver" ]; then info "$APP/current already points to $ver"; return; fi
  run ln -sfn "$ver" "$ROOT$APP/current.mpp-new"
  run mv -Tf "$ROOT$APP/current.mpp-new" "$ROOT$APP/current"
  if [ "$DRY_RUN" -eq 0 ]; then echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $ver" >> "$ROOT$APP/history"; fi
  note "$APP/current -> $ver"
}

if [ "$ROLLBACK" -eq 1 ]; then
  echo "MppSignage rollback${ROOT:+ (root $ROOT)}"
  cur=$(readlink "$ROOT$APP/current" 2>/dev/null) || die "$APP/current does not exist: nothing installed"
  if [ -z "$ROLLBACK_TO" ]; then
    # The most recent entry of the history that is not the current version and still exists.
    ROLLBACK_TO=$(awk '{print $2}' "$ROOT$APP/history" 2>/dev/null | tac | while read -r v; do
      if [ "$v" != "$cur" ] && [ -x "$ROOT$APP/$v/controller/mpp-controller" ]; then echo "$v"; break; fi; done)
    [ -n "$ROLLBACK_TO" ] || die "no earlier version is installed under $APP (see ls $APP)"
  fi
  [ -d "$ROOT$APP/$ROLLBACK_TO" ] || die "version '$ROLLBACK_TO' is not installed (installed: $(find "$ROOT$APP" -mindepth 1 -maxdepth 1 -type d -printf '%f ' 2>/dev/null))"
  echo "  current: $cur -> $ROLLBACK_TO"
  switch_current "$ROLLBACK_TO"
  mapfile -t units < <(installed_units)
  [ ${#units[@]} -eq 0 ] || restart_services "${units[@]}"
  echo "Rolled back to $ROLLBACK_TO. Configuration and state were not touched."
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Check the bundle.
[ -f "$BUNDLE/VERSION" ] || die "$BUNDLE has no VERSION file: run this from a bundle made by deploy-pi/build.sh (or pass --bundle DIR)"
VERSION=$(tr -d ' \n' < "$BUNDLE/VERSION")
case "$VERSION" in ''|*/*|.*) die "$BUNDLE/VERSION: '$VERSION' is not a usable version" ;; esac

# Choices made at an earlier install are kept in install.env; options given now take precedence.
INSTALL_ENV=$ETC/install.env
[ -n "$ROLE" ] || ROLE=$(env_get "$INSTALL_ENV" ROLE || echo both)
[ -n "$MQTT_LISTEN" ] || MQTT_LISTEN=$(env_get "$INSTALL_ENV" MQTT_LISTEN || echo 127.0.0.1)
[ -n "$MQTT_PORT" ] || MQTT_PORT=$(env_get "$INSTALL_ENV" MQTT_PORT || echo 1883)
[ -n "$PANEL_PORT" ] || PANEL_PORT=$(env_get "$INSTALL_ENV" PANEL_PORT || echo 8443)
[ -n "$HDMI_MODE" ] || HDMI_MODE=$(env_get "$INSTALL_ENV" HDMI_MODE || echo 1920x1080@60)
[ "$SCREENS_GIVEN" -eq 1 ] || SCREENS=$(env_get "$INSTALL_ENV" SCREENS || true)
EXISTING_SITE=$(env_get "$ETC/controller.env" MPP_Site__Id || env_get "$ETC/signage.env" MPP_Site__Id || true)
[ -n "$SITE_ID" ] || SITE_ID=${EXISTING_SITE:-probolinggo}

case "$ROLE" in both|controller|signage) ;; *) die "--role '$ROLE': expected both, controller or signage" ;; esac
[[ "$SITE_ID" =~ ^[a-z0-9_-]{1,64}$ ]] && [ "$SITE_ID" != all ] || die "--site '$SITE_ID': 1-64 characters of a-z, 0-9, '-' or '_', and not 'all'"
[[ "$MQTT_PORT" =~ ^[0-9]+$ ]] && [ "$MQTT_PORT" -ge 1 ] && [ "$MQTT_PORT" -le 65535 ] || die "--mqtt-port '$MQTT_PORT': expected 1-65535"
# The panel runs without capabilities: a port below 1024 would not bind.
[[ "$PANEL_PORT" =~ ^[0-9]+$ ]] && [ "$PANEL_PORT" -ge 1024 ] && [ "$PANEL_PORT" -le 65535 ] && [ "$PANEL_PORT" != "$MQTT_PORT" ] \
  || die "--panel-port '$PANEL_PORT': expected 1024-65535 (the panel has no capability for lower ports), not the MQTT port"
[[ "$MQTT_LISTEN" =~ ^[0-9a-fA-F.:]+$ ]] || die "--mqtt-listen '$MQTT_LISTEN': expected an IP address such as 127.0.0.1 or 0.0.0.0"
for id in ${SCREENS//,/ }; do
  [[ "$id" =~ ^[a-z0-9_-]{1,64}$ ]] || die "--screens: '$id' is not a screen id: 1-64 characters of a-z, 0-9, '-' or '_' (e.g. lobby)"
done
[ "$HDMI_MODE" = none ] || [[ "$HDMI_MODE" =~ ^[0-9]+x[0-9]+(@[0-9]+)?$ ]] || die "--hdmi-mode '$HDMI_MODE': expected WIDTHxHEIGHT@HZ (1920x1080@60) or none"
if [ -n "$EXISTING_SITE" ] && [ "$SITE_ID" != "$EXISTING_SITE" ]; then
  warn "--site $SITE_ID differs from MPP_Site__Id=$EXISTING_SITE in $ETC: configuration is never overwritten, edit it there"
fi

WANT_CONTROLLER=0; WANT_SIGNAGE=0
[ "$ROLE" = signage ] || WANT_CONTROLLER=1
[ "$ROLE" = controller ] || WANT_SIGNAGE=1
if [ $WANT_CONTROLLER -eq 1 ]; then [ -x "$BUNDLE/controller/mpp-controller" ] || die "$BUNDLE/controller/mpp-controller is missing: the bundle is incomplete"; fi
# The web panel goes with the controller (it talks to this Pi's broker).
if [ $WANT_CONTROLLER -eq 1 ]; then [ -x "$BUNDLE/panel/mpp-panel" ] || die "$BUNDLE/panel/mpp-panel is missing: the bundle is incomplete"; fi
if [ $WANT_SIGNAGE -eq 1 ]; then [ -x "$BUNDLE/signage/mpp-signage" ] || die "$BUNDLE/signage/mpp-signage is missing: the bundle is incomplete"; fi

echo "MppSignage $VERSION: installing role '$ROLE' for site '$SITE_ID'${ROOT:+ into scratch root $ROOT}"
[ "$DRY_RUN" -eq 0 ] || echo "  (dry run: nothing is changed)"

if [ -z "$ROOT" ]; then
  arch=$(uname -m)
  [ "$arch" = aarch64 ] || warn "this machine is $arch; the bundle is for aarch64 (Raspberry Pi OS 64-bit)"
  if [ -r /etc/os-release ]; then
    . /etc/os-release
    [ "${VERSION_CODENAME:-}" = bookworm ] || warn "tested on Debian 12 bookworm; this is ${PRETTY_NAME:-unknown}"
  fi
fi

# ---------------------------------------------------------------------------------------------
echo "== Debian packages"
PKGS=(libicu72 libfontconfig1 fonts-dejavu-core fonts-b612)
[ $WANT_CONTROLLER -eq 0 ] || PKGS+=(mosquitto mosquitto-clients libgpiod2 i2c-tools openssl)
[ $WANT_SIGNAGE -eq 0 ] || PKGS+=(v4l-utils)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  info "all present: ${PKGS[*]}"
elif [ "$NO_APT" -eq 1 ]; then
  if [ -n "$ROOT" ]; then info "scratch root: not installing ${missing[*]} (the real install does)"
  else warn "--no-apt: missing ${missing[*]}"; decide "install the missing packages: sudo apt-get install ${missing[*]}"; fi
else
  run apt-get update -q
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -q --no-install-recommends "${missing[@]}"
  note "apt-get installed ${missing[*]}"
fi

# ---------------------------------------------------------------------------------------------
echo "== Users and groups"
# The base files a scratch root needs before useradd --root can work in it.
if [ -n "$ROOT" ] && [ "$DRY_RUN" -eq 0 ]; then
  mkdir -p "$ROOT/etc"
  [ -f "$ROOT/etc/passwd" ] || printf 'root:x:0:0:root:/root:/bin/bash\n' > "$ROOT/etc/passwd"
  [ -f "$ROOT/etc/group" ] || printf 'root:x:0:\n' > "$ROOT/etc/group"
  [ -f "$ROOT/etc/shadow" ] || { printf 'root:*:19000:0:99999:7:::\n' > "$ROOT/etc/shadow"; chmod 0640 "$ROOT/etc/shadow"; }
  [ -f "$ROOT/etc/gshadow" ] || { printf 'root:*::\n' > "$ROOT/etc/gshadow"; chmod 0640 "$ROOT/etc/gshadow"; }
fi
ROOTARG=(); [ -z "$ROOT" ] || ROOTARG=(--root "$ROOT")
ensure_group() {
  if gid_of "$1" >/dev/null 2>&1; then info "group $1 exists"; else run groupadd --system "${ROOTARG[@]}" "$1"; note "created group $1"; fi
}
# gpio and i2c exist on Raspberry Pi OS (udev gives them /dev/gpiochip* and /dev/i2c-*); created
# here only where they are missing, so the unit's SupplementaryGroups= always resolves.
# One system user per service, each with its own primary group, its own state directory and its own
# credentials file (the *.secrets.env files are root-only and read by systemd, never by another
# service), so a compromised renderer cannot rewrite the controller's override file or read its
# environment. Group mpp only lets the services read the non-secret configuration in /etc/mpp-signage.
# The panel's user runs the web panel (mpp-panel.service); it may read only its own TLS key.
GROUPS_WANTED=(video)
[ $WANT_CONTROLLER -eq 0 ] || GROUPS_WANTED=(gpio i2c video)
for g in "${GROUPS_WANTED[@]}" mpp; do ensure_group "$g"; done
ensure_user() { # ensure_user NAME HOME COMMENT SUPPLEMENTARY-GROUP...
  local name=$1 home=$2 comment=$3; shift 3
  ensure_group "$name"
  if uid_of "$name" >/dev/null 2>&1; then
    info "user $name exists"
  else
    run useradd --system "${ROOTARG[@]}" --gid "$name" --home-dir "$home" --no-create-home \
      --shell /usr/sbin/nologin --comment "$comment" "$name"
    note "created system user $name"
  fi
  local g
  for g in "$@"; do
    if awk -F: -v g="$g" -v u="$name" '$1 == g { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == u) f = 1 } END { exit !f }' "$ROOT/etc/group" 2>/dev/null; then
      info "$name is in group $g"
    else
      run usermod "${ROOTARG[@]}" -a -G "$g" "$name"; note "added $name to group $g"
    fi
  done
}
if [ $WANT_CONTROLLER -eq 1 ]; then
  ensure_user mpp-controller "$STATE/controller" "MppSignage door controller" mpp gpio i2c
  ensure_user mpp-panel "$STATE/panel" "MppSignage web panel" mpp
fi
[ $WANT_SIGNAGE -eq 0 ] || ensure_user mpp-signage "$STATE/signage" "MppSignage entrance screen" mpp video
if [ $WANT_CONTROLLER -eq 1 ] && ! uid_of mosquitto >/dev/null 2>&1; then
  # Normally made by the mosquitto package; a scratch root or --no-apt install needs it for the
  # ownership of the broker's password file.
  run groupadd --system "${ROOTARG[@]}" mosquitto 2>/dev/null || true
  run useradd --system "${ROOTARG[@]}" --gid mosquitto --home-dir /var/lib/mosquitto --no-create-home --shell /usr/sbin/nologin mosquitto
  note "created system user mosquitto"
fi

# ---------------------------------------------------------------------------------------------
echo "== Application $APP/$VERSION"
ensure_dir "$APP" 0755 root root
DEST="$APP/$VERSION"
if [ -f "$ROOT$DEST/.complete" ]; then
  info "$DEST already installed"
else
  run rm -rf "$ROOT$DEST.mpp-new"
  run mkdir -p "$ROOT$DEST.mpp-new"
  # Copy only what runs on the Pi; hard links inside the bundle (identical runtime files shared by
  # both apps) are kept by cp -a.
  for part in controller signage panel deploy-pi VERSION; do
    [ -e "$BUNDLE/$part" ] || continue
    [ "$part" = deploy-pi ] && [ ! -d "$BUNDLE/deploy-pi" ] && continue
    run cp -a "$BUNDLE/$part" "$ROOT$DEST.mpp-new/"
  done
  if [ "$DRY_RUN" -eq 0 ]; then
    chown -R 0:0 "$ROOT$DEST.mpp-new"
    chmod -R u+rwX,go+rX,go-w "$ROOT$DEST.mpp-new"
    touch "$ROOT$DEST.mpp-new/.complete"
  fi
  run mv -T "$ROOT$DEST.mpp-new" "$ROOT$DEST"
  note "installed $DEST"
fi
PREVIOUS=$(readlink "$ROOT$APP/current" 2>/dev/null || true)
switch_current "$VERSION"

# Keep $KEEP versions: the one just installed, the one it replaced (the rollback target), then the
# most recently installed others.
if [ "$DRY_RUN" -eq 0 ]; then
  # Real directories only (not the `current` link), newest install first.
  mapfile -t versions < <(find "$ROOT$APP" -mindepth 1 -maxdepth 1 -type d ! -name '*.mpp-new' -printf '%T@ %f\n' | sort -rn | cut -d' ' -f2-)
  keepers=("$VERSION"); [ -z "$PREVIOUS" ] || [ "$PREVIOUS" = "$VERSION" ] || keepers+=("$PREVIOUS")
  for v in "${versions[@]}"; do
    [ ${#keepers[@]} -lt "$KEEP" ] || break
    [[ " ${keepers[*]} " == *" $v "* ]] || keepers+=("$v")
  done
  for v in "${versions[@]}"; do
    [[ " ${keepers[*]} " == *" $v "* ]] && continue
    rm -rf "${ROOT:?}$APP/${v:?}"; note "removed old version $APP/$v (keeping $KEEP: ${keepers[*]})"
  done
fi

# Command-line wrappers with the services' configuration (for `mpp-controller status`, `override`,
# `mpp-signage render` ...). Root only: they read the generated credentials.
for exe in mpp-controller mpp-signage; do
  dir=controller; envname=controller; secrets=cli
  [ "$exe" = mpp-signage ] && { dir=signage; envname=signage; secrets=signage; }
  cat > "$TMPD/$exe" <<EOF
#!/bin/sh
# $exe with the configuration of its service (installed by deploy-pi/install.sh). Run it with sudo:
# the credentials files are root-only.
set -a
[ -r $ETC/$envname.env ] && . $ETC/$envname.env
[ -r $ETC/$secrets.secrets.env ] && . $ETC/$secrets.secrets.env
set +a
exec $APP/current/$dir/$exe "\$@"
EOF
  install_managed "$TMPD/$exe" "/usr/local/bin/$exe" 0755 root root
done
install_managed "$DEPLOY/bin/mpp-display-power" /usr/local/bin/mpp-display-power 0755 root root

# ---------------------------------------------------------------------------------------------
echo "== Configuration $ETC and state $STATE"
ensure_dir "$ETC" 0750 root mpp
# The parent is root's; each service owns only its own directory (re-owned on upgrade from the
# single-user layout, where both belonged to user mpp).
ensure_dir "$STATE" 0755 root root
if [ $WANT_CONTROLLER -eq 1 ]; then
  ensure_dir "$STATE/controller" 0750 mpp-controller mpp-controller
  ensure_dir "$STATE/panel" 0750 mpp-panel mpp-panel
  [ "$DRY_RUN" -eq 1 ] || run chown -R "$(uid_of mpp-controller):$(gid_of mpp-controller)" "$ROOT$STATE/controller"
fi
if [ $WANT_SIGNAGE -eq 1 ]; then
  ensure_dir "$STATE/signage" 0750 mpp-signage mpp-signage
  [ "$DRY_RUN" -eq 1 ] || run chown -R "$(uid_of mpp-signage):$(gid_of mpp-signage)" "$ROOT$STATE/signage"
fi
[ $WANT_SIGNAGE -eq 0 ] || ensure_dir /var/cache/mpp-signage 0750 mpp-signage mpp-signage

cat > "$TMPD/install.env" <<EOF
# Choices of deploy-pi/install.sh, reused by the next run (options on the command line win).
ROLE=$ROLE
MQTT_LISTEN=$MQTT_LISTEN
MQTT_PORT=$MQTT_PORT
SCREENS=$SCREENS
HDMI_MODE=$HDMI_MODE
PANEL_PORT=$PANEL_PORT
EOF
install_managed "$TMPD/install.env" "$INSTALL_ENV" 0644 root root

if [ $WANT_CONTROLLER -eq 1 ]; then
  install_config "$(render "$DEPLOY/config/controller.env" SITE_ID="$SITE_ID" MQTT_PORT="$MQTT_PORT")" "$ETC/controller.env" 0640 root mpp
  if [ -f "$DEPLOY/config/schedule.json" ]; then
    install_config "$DEPLOY/config/schedule.json" "$ETC/schedule.json" 0640 root mpp
  else
    warn "the bundle has no deploy-pi/config/schedule.json"; decide "write the schedule: $ETC/schedule.json (see Shared/Schedule/README.md)"
  fi
fi
[ $WANT_SIGNAGE -eq 0 ] || install_config "$(render "$DEPLOY/config/signage.env" SITE_ID="$SITE_ID" MQTT_PORT="$MQTT_PORT")" "$ETC/signage.env" 0640 root mpp

# The web panel: its configuration (user names and roles only, no password) and its TLS certificate,
# self-signed, made once and kept across re-installs (browsers remember the fingerprint). The key is
# readable only by root and mpp-panel.
PANEL_FPR=""
host=$(tr -d ' \n' < "$ROOT/etc/hostname" 2>/dev/null || true)
[ -n "$host" ] || [ -n "$ROOT" ] || host=$(hostname 2>/dev/null || true)
[[ "$host" =~ ^[A-Za-z0-9-]{1,63}$ ]] || host=raspberrypi
if [ $WANT_CONTROLLER -eq 1 ]; then
  install_config "$(render "$DEPLOY/config/panel.env" SITE_ID="$SITE_ID" MQTT_PORT="$MQTT_PORT" PANEL_PORT="$PANEL_PORT")" "$ETC/panel.env" 0640 root mpp-panel
  ensure_dir "$ETC/panel" 0750 root mpp-panel
  crt=$ETC/panel/panel.crt key=$ETC/panel/panel.key
  if [ -s "$ROOT$crt" ] && [ -s "$ROOT$key" ]; then
    info "$crt kept"
  elif [ "$DRY_RUN" -eq 1 ]; then
    echo "  [dry-run] generate a self-signed TLS certificate $crt for the web panel"
  else
    command -v openssl >/dev/null 2>&1 || die "openssl not found: install the openssl package (or drop --no-apt)"
    # EC P-256: quick on a Pi, and what .NET's PEM loader reads.
    ( umask 077; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 3650 \
        -subj "/CN=mpp-panel $SITE_ID" -addext "subjectAltName=DNS:$host,DNS:$host.local,DNS:localhost,IP:127.0.0.1" \
        -addext "extendedKeyUsage=serverAuth" \
        -keyout "$TMPD/panel.key" -out "$TMPD/panel.crt" ) >/dev/null 2>&1 || die "openssl could not make the panel's certificate"
    install -m 0640 "$TMPD/panel.key" "$ROOT$key.mpp-new"; chown_to root mpp-panel "$ROOT$key.mpp-new"; mv -f "$ROOT$key.mpp-new" "$ROOT$key"
    install -m 0644 "$TMPD/panel.crt" "$ROOT$crt.mpp-new"; mv -f "$ROOT$crt.mpp-new" "$ROOT$crt"
    note "generated the web panel's self-signed TLS certificate $crt (for $host, $host.local; 10 years)"
  fi
  if [ "$DRY_RUN" -eq 0 ]; then
    chmod 0640 "$ROOT$key"; chown_to root mpp-panel "$ROOT$key"
    chmod 0644 "$ROOT$crt"; chown_to root root "$ROOT$crt"
    PANEL_FPR=$(openssl x509 -in "$ROOT$crt" -noout -fingerprint -sha256 | sed 's/^[^=]*=//')
    echo "  . web panel certificate SHA-256 fingerprint: $PANEL_FPR"
  fi
fi

# ---------------------------------------------------------------------------------------------
echo "== MQTT credentials"
# One password per role user and one per screen user, generated once and kept in a root-only file;
# every service and the broker's password file are derived from it on each run, so they always agree.
# A screen publishes only as its own screen id (docs/broker.md): screen pintu-utama is user 'screen',
# any other screen ID is user 'screen-ID' (Shared/Mqtt/ScreenUsers.cs).
screen_user() { if [ "$1" = pintu-utama ]; then echo screen; else echo "screen-$1"; fi; }
LOCAL_SCREEN=$(env_get "$ETC/signage.env" MPP_Screen__Id || true)
LOCAL_SCREEN=${LOCAL_SCREEN:-pintu-utama}
[[ "$LOCAL_SCREEN" =~ ^[a-z0-9_-]{1,64}$ ]] || die "$ETC/signage.env: MPP_Screen__Id '$LOCAL_SCREEN' is not a screen id: 1-64 characters of a-z, 0-9, '-' or '_'"
SCREEN_USER=$(screen_user "$LOCAL_SCREEN")
SCREEN_USERS=()
[ $WANT_SIGNAGE -eq 0 ] || SCREEN_USERS+=("$SCREEN_USER")
if [ $WANT_CONTROLLER -eq 1 ]; then
  # The controller's broker knows screen pintu-utama's user always, and each --screens id's.
  for id in pintu-utama ${SCREENS//,/ }; do
    u=$(screen_user "$id"); [[ " ${SCREEN_USERS[*]} " == *" $u "* ]] || SCREEN_USERS+=("$u")
  done
fi
CRED=$ETC/mqtt-credentials
gen_password() { tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 24; }
if [ "$DRY_RUN" -eq 0 ]; then
  touch "$ROOT$CRED"; chmod 0600 "$ROOT$CRED"; chown 0:0 "$ROOT$CRED"
fi
ROLES=("${SCREEN_USERS[@]}")
[ $WANT_CONTROLLER -eq 0 ] || ROLES=(controller admin staff "${SCREEN_USERS[@]}")
for r in "${ROLES[@]}"; do
  if grep -q "^$r:" "$ROOT$CRED" 2>/dev/null; then info "password of '$r' kept"
  elif [ "$DRY_RUN" -eq 1 ]; then echo "  [dry-run] generate a password for '$r'"
  else echo "$r:$(gen_password)" >> "$ROOT$CRED"; note "generated the MQTT password of '$r' (in $CRED)"; fi
done
cred_of() { awk -F: -v u="$1" '$1 == u { print substr($0, length(u) + 2); exit }' "$ROOT$CRED" 2>/dev/null; }

write_secrets() { # write_secrets FILE USER
  cat > "$TMPD/secrets" <<EOF
# Generated by deploy-pi/install.sh from $CRED: do not edit, re-run install.sh.
MPP_Mqtt__Username=$2
MPP_Mqtt__Password=$(cred_of "$2")
EOF
  install_managed "$TMPD/secrets" "$1" 0600 root root
}
if [ "$DRY_RUN" -eq 0 ]; then
  [ $WANT_CONTROLLER -eq 0 ] || write_secrets "$ETC/controller.secrets.env" controller
  [ $WANT_SIGNAGE -eq 0 ] || write_secrets "$ETC/signage.secrets.env" "$SCREEN_USER"
  if [ $WANT_CONTROLLER -eq 1 ]; then
    # The technician's CLI (`sudo mpp-controller override ...`, `status`) acts as admin.
    printf '# Generated by deploy-pi/install.sh from %s for the mpp-controller command-line wrapper.\nMPP_Cli__Username=admin\nMPP_Cli__Password=%s\n' \
      "$CRED" "$(cred_of admin)" > "$TMPD/cli"
    install_managed "$TMPD/cli" "$ETC/cli.secrets.env" 0600 root root
  fi
fi
if [ $WANT_SIGNAGE -eq 1 ] && [ $WANT_CONTROLLER -eq 0 ]; then
  decide "on the controller Pi run install.sh --screens $LOCAL_SCREEN (with its other screens' ids) so its broker knows user '$SCREEN_USER'; copy that user's line from the controller Pi's $CRED into $CRED here and re-run install.sh; set MPP_Mqtt__Host in $ETC/signage.env to the controller Pi"
fi

if [ $WANT_CONTROLLER -eq 1 ]; then
  echo "== Mosquitto"
  if ! command -v mosquitto_passwd >/dev/null 2>&1; then
    [ "$DRY_RUN" -eq 1 ] || die "mosquitto_passwd not found: install the mosquitto package (or drop --no-apt)"
  fi
  if [ "$DRY_RUN" -eq 0 ]; then
    : > "$TMPD/passwd"
    for r in "${ROLES[@]}"; do mosquitto_passwd -b "$TMPD/passwd" "$r" "$(cred_of "$r")"; done
    # Users a site added by hand (mosquitto_passwd on this file, see docs/broker.md) are kept as they are:
    # only the role users and the screen users are managed here.
    if [ -f "$ROOT/etc/mosquitto/mpp-signage.passwd" ]; then
      awk -F: -v managed=" ${ROLES[*]} " 'index(managed, " " $1 " ") == 0 && NF > 1' \
        "$ROOT/etc/mosquitto/mpp-signage.passwd" >> "$TMPD/passwd"
    fi
    # The hashes are salted: only rewrite the broker's file when the set of users changed or a
    # password no longer verifies, so an unchanged re-run leaves it alone.
    stale=0
    if [ -f "$ROOT/etc/mosquitto/mpp-signage.passwd" ]; then
      [ "$(cut -d: -f1 "$ROOT/etc/mosquitto/mpp-signage.passwd" | sort)" = "$(cut -d: -f1 "$TMPD/passwd" | sort)" ] || stale=1
      stamp_now=$(sha256sum < "$ROOT$CRED")
      stamp_old=$(cat "$ROOT/etc/mosquitto/mpp-signage.passwd.stamp" 2>/dev/null || true)
      [ "$stamp_now" = "$stamp_old" ] || stale=1
    else
      stale=1
    fi
    if [ $stale -eq 1 ]; then
      install_managed "$TMPD/passwd" /etc/mosquitto/mpp-signage.passwd 0640 root mosquitto
      sha256sum < "$ROOT$CRED" > "$ROOT/etc/mosquitto/mpp-signage.passwd.stamp"
      chmod 0600 "$ROOT/etc/mosquitto/mpp-signage.passwd.stamp"
    else
      info "/etc/mosquitto/mpp-signage.passwd is up to date"
      chmod 0640 "$ROOT/etc/mosquitto/mpp-signage.passwd"; chown_to root mosquitto "$ROOT/etc/mosquitto/mpp-signage.passwd"
    fi
  fi
  # The broker's ACL is the shipped one (generated from RoleTopicRules) followed by the site's own part,
  # /etc/mpp-signage/mosquitto-site.acl: written once, never overwritten, where hand-added users get
  # the block of their role. So a reinstall or an upgrade never drops a site's users.
  install_config "$DEPLOY/mosquitto/site.acl" "$ETC/mosquitto-site.acl" 0640 root mosquitto
  cat "$DEPLOY/mosquitto/mpp-signage.acl" > "$TMPD/acl"
  # Each further screen's block: the shipped block of user 'screen' (screen pintu-utama, generated from
  # RoleTopicRules) with the user and the screen id replaced, as RoleTopicRules.ToMosquittoAcl writes it.
  for u in "${SCREEN_USERS[@]}"; do
    [ "$u" != screen ] || continue
    printf '\n# role screen\n' >> "$TMPD/acl"
    awk '/^user screen$/ { on = 1 } on && /^$/ { exit } on' "$DEPLOY/mosquitto/mpp-signage.acl" \
      | sed -e "s|^user screen\$|user $u|" -e "s|/screens/pintu-utama/|/screens/${u#screen-}/|" >> "$TMPD/acl"
  done
  if [ -f "$ROOT$ETC/mosquitto-site.acl" ] && grep -qv '^[[:space:]]*\(#.*\)\?$' "$ROOT$ETC/mosquitto-site.acl"; then
    printf '\n# ---- the site'"'"'s own users, from %s ----\n' "$ETC/mosquitto-site.acl" >> "$TMPD/acl"
    cat "$ROOT$ETC/mosquitto-site.acl" >> "$TMPD/acl"
  fi
  install_managed "$TMPD/acl" /etc/mosquitto/mpp-signage.acl 0640 root mosquitto
  install_managed "$(render "$DEPLOY/mosquitto/mpp-signage.conf.in" MQTT_LISTEN="$MQTT_LISTEN" MQTT_PORT="$MQTT_PORT")" \
    /etc/mosquitto/conf.d/mpp-signage.conf 0644 root root
  if [ "$MQTT_LISTEN" = 127.0.0.1 ]; then
    decide "screens on other Pis? re-run with --mqtt-listen 0.0.0.0 (passwords are required, traffic is not encrypted: keep it on the hall's own network)"
  fi
fi

# ---------------------------------------------------------------------------------------------
echo "== systemd"
UNITS=()
[ $WANT_CONTROLLER -eq 0 ] || UNITS+=(mpp-controller.service mpp-panel.service)
[ $WANT_SIGNAGE -eq 0 ] || UNITS+=(mpp-signage.service)
for u in "${UNITS[@]}"; do install_managed "$DEPLOY/systemd/$u" "/etc/systemd/system/$u" 0644 root root; done
if [ "$VOLATILE_JOURNAL" -eq 1 ]; then
  install_managed "$DEPLOY/systemd/journald-mpp-signage.conf" /etc/systemd/journald.conf.d/mpp-signage-volatile.conf 0644 root root
elif [ ! -f "$ROOT/etc/systemd/journald.conf.d/mpp-signage-volatile.conf" ]; then
  decide "spare the SD card: re-run with --volatile-journal (journal in RAM, lost at reboot)"
fi
if [ -z "$ROOT" ] && [ "$DRY_RUN" -eq 0 ] && [ $SYSTEMD_RUNNING -eq 1 ]; then systemctl daemon-reload; fi
for u in "${UNITS[@]}"; do
  if [ -L "$ROOT/etc/systemd/system/multi-user.target.wants/$u" ]; then info "$u enabled"
  else systemctl_ enable "$u" >/dev/null 2>&1 || systemctl_ enable "$u"; note "enabled $u"; fi
done
if [ $WANT_CONTROLLER -eq 1 ] && [ -z "$ROOT" ]; then systemctl_ enable mosquitto.service >/dev/null 2>&1 || true; fi
if [ $WANT_SIGNAGE -eq 1 ]; then
  # The login prompt on tty1 would draw over the framebuffer.
  if [ -L "$ROOT/etc/systemd/system/getty.target.wants/getty@tty1.service" ]; then
    systemctl_ disable getty@tty1.service >/dev/null 2>&1 || run rm -f "$ROOT/etc/systemd/system/getty.target.wants/getty@tty1.service"
    note "disabled getty@tty1 (the screen belongs to the renderer; other consoles: Ctrl+Alt+F2, or ssh)"
  fi
fi

# ---------------------------------------------------------------------------------------------
echo "== Boot configuration (I2C, HDMI, console)"
BOOT=""
for d in /boot/firmware /boot; do [ -f "$ROOT$d/config.txt" ] && { BOOT=$d; break; }; done
if [ -z "$BOOT" ]; then
  warn "no config.txt under /boot/firmware or /boot: not a Raspberry Pi image?"
  decide "enable I2C and force HDMI by hand (deploy-pi/README.md, 'Display')"
else
  # config.txt: one managed block, replaced as a whole on every run.
  cfg="$ROOT$BOOT/config.txt"
  awk '/^# BEGIN mpp-signage/ { skip = 1 } !skip { print } /^# END mpp-signage/ { skip = 0 }' "$cfg" > "$TMPD/config.txt"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' -i "$TMPD/config.txt"
  { echo; cat "$DEPLOY/boot/config.txt.snippet"; } >> "$TMPD/config.txt"
  if cmp -s "$TMPD/config.txt" "$cfg"; then info "$BOOT/config.txt is up to date"
  else
    [ -f "$cfg.mpp-signage.orig" ] || run cp -p "$cfg" "$cfg.mpp-signage.orig"
    run cp "$TMPD/config.txt" "$cfg"; note "$BOOT/config.txt: I2C on, HDMI hotplug forced (original kept as config.txt.mpp-signage.orig)"
    decide "reboot once so the config.txt and cmdline.txt changes take effect"
  fi
  # cmdline.txt: a single line; add our arguments, replace an older video=HDMI-A-1 argument.
  cmd="$ROOT$BOOT/cmdline.txt"
  if [ $WANT_SIGNAGE -eq 1 ] && [ -f "$cmd" ]; then
    line=$(head -n1 "$cmd")
    new=$(echo "$line" | tr ' ' '\n' | grep -v -e '^consoleblank=' -e '^vt.global_cursor_default=' -e '^video=HDMI-A-1:' | grep -v '^$' | tr '\n' ' ')
    new="${new}consoleblank=0 vt.global_cursor_default=0"
    [ "$HDMI_MODE" = none ] || new="$new video=HDMI-A-1:${HDMI_MODE/@/M@}D"
    if [ "$new" = "$line" ]; then info "$BOOT/cmdline.txt is up to date"
    else
      [ -f "$cmd.mpp-signage.orig" ] || run cp -p "$cmd" "$cmd.mpp-signage.orig"
      if [ "$DRY_RUN" -eq 0 ]; then echo "$new" > "$cmd"; fi
      hdmi_note=", HDMI-A-1 forced to $HDMI_MODE"; [ "$HDMI_MODE" != none ] || hdmi_note=""
      note "$BOOT/cmdline.txt: console blanking off, cursor off$hdmi_note (original kept as cmdline.txt.mpp-signage.orig)"
    fi
  fi
fi
if [ $WANT_CONTROLLER -eq 1 ]; then
  if grep -qx 'i2c-dev' "$ROOT/etc/modules" 2>/dev/null; then info "i2c-dev is loaded at boot"
  else
    if [ "$DRY_RUN" -eq 0 ]; then mkdir -p "$ROOT/etc"; echo i2c-dev >> "$ROOT/etc/modules"; fi
    note "/etc/modules: load i2c-dev at boot"
  fi
  [ -n "$ROOT" ] || [ "$DRY_RUN" -eq 1 ] || modprobe i2c-dev 2>/dev/null || true
fi

# ---------------------------------------------------------------------------------------------
if [ "$NO_START" -eq 0 ]; then
  echo "== Services"
  [ $WANT_CONTROLLER -eq 0 ] || { run systemctl restart mosquitto.service; note "restarted mosquitto"; }
  restart_services "${UNITS[@]}"
fi

# ---------------------------------------------------------------------------------------------
# What the technician must still decide, from the configuration as it is now.
if [ $WANT_CONTROLLER -eq 1 ]; then
  [ "$SITE_ID" != probolinggo ] || decide "site id: 'probolinggo' is the default; change MPP_Site__Id in $ETC/controller.env and signage.env if this is another site"
  grep -q '^MPP_Gpio__Relay__Pin=' "$ROOT$ETC/controller.env" 2>/dev/null || \
    decide "pins: the default BCM pins are in use (deploy-pi/README.md, 'Wiring'); set MPP_Gpio__* in $ETC/controller.env to match the wiring, and the relay board's active level"
fi
if [ $WANT_SIGNAGE -eq 1 ]; then
  [ -n "$(env_get "$ETC/signage.env" MPP_Qr__WhatsAppNumber || true)" ] || decide "WhatsApp number of WA SMART MPP: MPP_Qr__WhatsAppNumber in $ETC/signage.env (digits, international form)"
  [ "$(env_get "$ETC/signage.env" MPP_Display__Cec__Enabled || true)" = true ] || decide "TV power by the hours over HDMI-CEC is off: test with 'mpp-display-power on|off', then set MPP_Display__Cec__Enabled=true in $ETC/signage.env"
fi
tz=$(readlink "$ROOT/etc/localtime" 2>/dev/null | sed 's|.*/zoneinfo/||' || true)
[ "$tz" = Asia/Jakarta ] || decide "time zone is '${tz:-unknown}': the app uses the site's zone from the schedule, but logs read easier with 'sudo timedatectl set-timezone Asia/Jakarta'"
decide "network time: the Pi has no clock battery; until NTP syncs the controller keeps the entrance closed (check: timedatectl show -p NTPSynchronized)"

echo
echo "MppSignage $VERSION installed${ROOT:+ into $ROOT}."
if [ ${#DONE[@]} -eq 0 ]; then echo "Nothing needed changing."
else echo "Done:"; for d in "${DONE[@]}"; do echo "  - $d"; done; fi
echo "Still to decide:"
for t in "${TODO[@]}"; do echo "  - $t"; done
if [ $WANT_CONTROLLER -eq 1 ]; then
  echo "Web panel: https://$host.local:$PANEL_PORT/ (log in with the admin or staff password of $CRED)"
  [ -z "$PANEL_FPR" ] || echo "Web panel certificate SHA-256 fingerprint (compare it in the browser on the first visit): $PANEL_FPR"
fi
echo "Logs: journalctl -u mpp-controller -u mpp-signage -u mpp-panel -f    Rollback: sudo $APP/current/deploy-pi/install.sh --rollback"
