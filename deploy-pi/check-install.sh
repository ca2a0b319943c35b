#!/usr/bin/env bash
# Verifies deploy-pi/install.sh against scratch roots (no change to this machine): the layout with
# owners and modes, a second run that changes nothing, configuration kept on upgrade, rollback,
# pruning, the signage-only role, --dry-run, refusals of bad options, and that the generated
# Mosquitto password file and ACL work in a real mosquitto (roles allowed and denied).
#
#   deploy-pi/check-install.sh [--bundle DIR] [--keep]
#
# Without --bundle it uses a stub bundle (the real installer and templates, shell stand-ins for the
# executables), since this checks the installer and not the app. Needs root (chown), mosquitto and
# mosquitto-clients. Ends with "check-install: N passed, N failed"; exit 0 when none failed.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib/check-lib.sh"
BUNDLE=""; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE=$2; shift ;;
    --keep) KEEP=1 ;;
    *) echo "check-install.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" -eq 0 ] || { echo "check-install.sh: needs root (the installer sets owners)" >&2; exit 2; }
for c in mosquitto mosquitto_passwd mosquitto_pub mosquitto_sub useradd systemctl; do
  command -v "$c" >/dev/null 2>&1 || { echo "check-install.sh: '$c' not found (apt-get install mosquitto mosquitto-clients passwd systemd)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/mpp-check-install.XXXXXX)
BROKER_PID=""
cleanup() {
  [ -z "$BROKER_PID" ] || kill "$BROKER_PID" 2>/dev/null
  if [ "$KEEP" -eq 1 ]; then echo "# kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
INSTALL="$HERE/install.sh"

if [ -z "$BUNDLE" ]; then
  make_stub_bundle "$WORK/bundle-1" 1.0.0
  make_stub_bundle "$WORK/bundle-2" 1.1.0
  make_stub_bundle "$WORK/bundle-3" 1.2.0
  B1=$WORK/bundle-1; B2=$WORK/bundle-2; B3=$WORK/bundle-3
else
  # A real bundle for the first install; stub versions for upgrade and rollback.
  B1=$(cd "$BUNDLE" && pwd)
  make_stub_bundle "$WORK/bundle-2" 99.1.0; make_stub_bundle "$WORK/bundle-3" 99.2.0
  B2=$WORK/bundle-2; B3=$WORK/bundle-3
fi
V1=$(cat "$B1/VERSION"); V2=$(cat "$B2/VERSION"); V3=$(cat "$B3/VERSION")

# ---------------------------------------------------------------------------------------------
echo "# first install (role both) into a scratch root"
R=$WORK/root; mkdir -p "$R"; make_scratch_root "$R"
if bash "$INSTALL" --root "$R" --bundle "$B1" --site probolinggo > "$WORK/install-1.log" 2>&1; then ok "install.sh --root succeeds"
else not_ok "install.sh --root succeeds"; sed 's/^/#   /' "$WORK/install-1.log"; fi

check "current points to $V1" [ "$(readlink "$R/opt/mpp-signage/current")" = "$V1" ]
expect_stat "$R" /opt/mpp-signage "root root 755"
expect_stat "$R" "/opt/mpp-signage/$V1" "root root 755"
expect_stat "$R" "/opt/mpp-signage/$V1/controller/mpp-controller" "root root 755"
expect_stat "$R" "/opt/mpp-signage/$V1/signage/mpp-signage" "root root 755"
expect_stat "$R" "/opt/mpp-signage/$V1/deploy-pi/install.sh" "root root 755"
check "no file under /opt/mpp-signage is writable by group or others" [ -z "$(find "$R/opt/mpp-signage/$V1" -perm /022 ! -type l | head -1)" ]
expect_stat "$R" /etc/mpp-signage "root mpp 750"
expect_stat "$R" /etc/mpp-signage/controller.env "root mpp 640"
expect_stat "$R" /etc/mpp-signage/signage.env "root mpp 640"
[ ! -f "$HERE/config/schedule.json" ] || expect_stat "$R" /etc/mpp-signage/schedule.json "root mpp 640"
expect_stat "$R" /etc/mpp-signage/mqtt-credentials "root root 600"
expect_stat "$R" /etc/mpp-signage/controller.secrets.env "root root 600"
expect_stat "$R" /etc/mpp-signage/signage.secrets.env "root root 600"
expect_stat "$R" /var/lib/mpp-signage "root root 755"
expect_stat "$R" /var/lib/mpp-signage/controller "mpp-controller mpp-controller 750"
expect_stat "$R" /var/lib/mpp-signage/signage "mpp-signage mpp-signage 750"
expect_stat "$R" /var/lib/mpp-signage/panel "mpp-panel mpp-panel 750"
expect_stat "$R" /var/cache/mpp-signage "mpp-signage mpp-signage 750"
expect_stat "$R" /etc/mosquitto/mpp-signage.passwd "root mosquitto 640"
expect_stat "$R" /etc/mosquitto/mpp-signage.acl "root mosquitto 640"
expect_stat "$R" /etc/mosquitto/conf.d/mpp-signage.conf "root root 644"
expect_stat "$R" /etc/systemd/system/mpp-controller.service "root root 644"
expect_stat "$R" /etc/systemd/system/mpp-signage.service "root root 644"
expect_stat "$R" /usr/local/bin/mpp-controller "root root 755"
expect_stat "$R" /usr/local/bin/mpp-display-power "root root 755"
check "mpp-controller.service is enabled (multi-user.target.wants)" [ -L "$R/etc/systemd/system/multi-user.target.wants/mpp-controller.service" ]
check "mpp-signage.service is enabled" [ -L "$R/etc/systemd/system/multi-user.target.wants/mpp-signage.service" ]
check "getty@tty1 is disabled (the renderer owns the screen)" [ ! -e "$R/etc/systemd/system/getty.target.wants/getty@tty1.service" ]
# One system user per service, each with its own directory as home, nologin, and only its own groups.
for u in controller signage panel; do
  check "user mpp-$u: system account, home /var/lib/mpp-signage/$u, nologin" \
    awk -F: -v u="mpp-$u" '$1 == u && $3 < 1000 && $6 == "/var/lib/mpp-signage/" substr(u, 5) && $7 == "/usr/sbin/nologin" { f = 1 } END { exit !f }' "$R/etc/passwd"
done
check "the three service users have three different uids" bash -c "[ \$(awk -F: '\$1 ~ /^mpp-(controller|signage|panel)\$/ { print \$3 }' '$R/etc/passwd' | sort -u | wc -l) -eq 3 ]"
ingroup() { awk -F: -v g="$2" -v u="$1" '$1 == g && ("," $4 ",") ~ ("," u ",") { f = 1 } END { exit !f }' "$R/etc/group"; }
for g in mpp gpio i2c; do check "mpp-controller is in group $g" ingroup mpp-controller "$g"; done
for g in mpp video; do check "mpp-signage is in group $g" ingroup mpp-signage "$g"; done
check "mpp-signage is not in gpio or i2c (it cannot drive the relay)" bash -c "! awk -F: '(\$1 == \"gpio\" || \$1 == \"i2c\") && (\",\" \$4 \",\") ~ /,mpp-signage,/ { f = 1 } END { exit !f }' '$R/etc/group'"
check "mpp-panel is only in group mpp" bash -c "[ \"\$(awk -F: '(\",\" \$4 \",\") ~ /,mpp-panel,/ { print \$1 }' '$R/etc/group')\" = mpp ]"
check "site id written into controller.env" grep -qx 'MPP_Site__Id=probolinggo' "$R/etc/mpp-signage/controller.env"
check "controller.env points the controller at Mosquitto" grep -qx 'MPP_Mqtt__Broker=external' "$R/etc/mpp-signage/controller.env"
check "no placeholder left in the configuration" bash -c "! grep -rq '@[A-Z_]*@' '$R/etc/mpp-signage' '$R/etc/mosquitto'"
check "four generated passwords of 24 characters" bash -c "[ \$(grep -cE '^(controller|admin|staff|screen):[A-Za-z0-9]{24}\$' '$R/etc/mpp-signage/mqtt-credentials') -eq 4 ]"
check "controller.secrets.env carries the controller's password" \
  bash -c "grep -qx \"MPP_Mqtt__Password=\$(awk -F: '\$1==\"controller\"{print \$2}' '$R/etc/mpp-signage/mqtt-credentials')\" '$R/etc/mpp-signage/controller.secrets.env'"
check "signage.secrets.env uses the read-only 'screen' user" grep -qx 'MPP_Mqtt__Username=screen' "$R/etc/mpp-signage/signage.secrets.env"
check "Mosquitto refuses anonymous clients" grep -qx 'allow_anonymous false' "$R/etc/mosquitto/conf.d/mpp-signage.conf"
check "Mosquitto listens on loopback by default" grep -qx 'listener 1883 127.0.0.1' "$R/etc/mosquitto/conf.d/mpp-signage.conf"
check "config.txt: I2C enabled in the managed block" grep -qx 'dtparam=i2c_arm=on' "$R/boot/firmware/config.txt"
check "config.txt: HDMI hotplug forced" grep -qx 'hdmi_force_hotplug=1' "$R/boot/firmware/config.txt"
check "config.txt: the image's own lines are kept" grep -qx 'dtoverlay=vc4-kms-v3d' "$R/boot/firmware/config.txt"
check "cmdline.txt stays one line" [ "$(wc -l < "$R/boot/firmware/cmdline.txt")" -eq 1 ]
check "cmdline.txt: console blanking off, cursor off, HDMI forced for KMS" \
  grep -q 'rootwait quiet consoleblank=0 vt.global_cursor_default=0 video=HDMI-A-1:1920x1080M@60D$' "$R/boot/firmware/cmdline.txt"
check "i2c-dev loaded at boot" grep -qx 'i2c-dev' "$R/etc/modules"
check "journal left persistent unless asked (--volatile-journal)" [ ! -e "$R/etc/systemd/journald.conf.d/mpp-signage-volatile.conf" ]
check "the report names what the technician must decide (site, pins, WhatsApp number)" \
  bash -c "grep -q 'site id' '$WORK/install-1.log' && grep -q 'pins:' '$WORK/install-1.log' && grep -q 'WhatsApp number' '$WORK/install-1.log'"
check "the CLI wrapper runs the installed controller with the service's settings and the admin credentials" \
  bash -c "grep -q '/opt/mpp-signage/current/controller/mpp-controller' '$R/usr/local/bin/mpp-controller' && grep -q 'controller.env' '$R/usr/local/bin/mpp-controller' && grep -q 'cli.secrets.env' '$R/usr/local/bin/mpp-controller'"
expect_stat "$R" /etc/mpp-signage/cli.secrets.env "root root 600"
check "cli.secrets.env carries the admin user" grep -qx 'MPP_Cli__Username=admin' "$R/etc/mpp-signage/cli.secrets.env"

# ---------------------------------------------------------------------------------------------
echo "# the web panel (mpp-panel): unit, configuration without passwords, its own TLS certificate"
expect_stat "$R" /etc/systemd/system/mpp-panel.service "root root 644"
check "mpp-panel.service is enabled" [ -L "$R/etc/systemd/system/multi-user.target.wants/mpp-panel.service" ]
expect_stat "$R" "/opt/mpp-signage/$V1/panel/mpp-panel" "root root 755"
expect_stat "$R" /etc/mpp-signage/panel.env "root mpp-panel 640"
expect_stat "$R" /etc/mpp-signage/panel "root mpp-panel 750"
expect_stat "$R" /etc/mpp-signage/panel/panel.key "root mpp-panel 640"
expect_stat "$R" /etc/mpp-signage/panel/panel.crt "root root 644"
check "only mpp-panel is in group mpp-panel (no other service reads the key)" \
  bash -c "[ -z \"\$(awk -F: '\$1 == \"mpp-panel\" { print \$4 }' '$R/etc/group')\" ]"
PENV=$R/etc/mpp-signage/panel.env
check "panel.env: HTTPS on all addresses, port 8443, with the generated certificate" \
  bash -c "grep -qx 'MPP_Panel__Listen=https://0.0.0.0:8443' '$PENV' && grep -qx 'MPP_Panel__CertificateFile=/etc/mpp-signage/panel/panel.crt' '$PENV' && grep -qx 'MPP_Panel__CertificateKeyFile=/etc/mpp-signage/panel/panel.key' '$PENV'"
check "panel.env: the broker of this Pi (host, port) and the site" \
  bash -c "grep -qx 'MPP_Panel__MqttHost=127.0.0.1' '$PENV' && grep -qx 'MPP_Panel__MqttPort=1883' '$PENV' && grep -qx 'MPP_Panel__Site=probolinggo' '$PENV'"
check "panel.env: users admin (admin) and staff (staff), names and roles only" \
  bash -c "grep -qx 'MPP_Panel__Users__0__Name=admin' '$PENV' && grep -qx 'MPP_Panel__Users__0__Role=admin' '$PENV' && grep -qx 'MPP_Panel__Users__1__Name=staff' '$PENV' && grep -qx 'MPP_Panel__Users__1__Role=staff' '$PENV'"
check "panel.env holds no password (neither a key nor any generated one)" \
  bash -c "! grep -qi 'password' <(grep -v '^#' '$PENV') && ! grep -qFf <(cut -d: -f2 '$R/etc/mpp-signage/mqtt-credentials') '$PENV'"
CRT=$R/etc/mpp-signage/panel/panel.crt; KEY=$R/etc/mpp-signage/panel/panel.key
check "the certificate and the key belong together" \
  bash -c "[ \"\$(openssl x509 -in '$CRT' -noout -pubkey)\" = \"\$(openssl pkey -in '$KEY' -pubout)\" ]"
check "the certificate is self-signed, valid now and for years, for the Pi's names and localhost" \
  bash -c "openssl verify -CAfile '$CRT' '$CRT' >/dev/null && openssl x509 -in '$CRT' -noout -checkend 157680000 >/dev/null && openssl x509 -in '$CRT' -noout -ext subjectAltName | grep -q 'DNS:localhost'"
FPR=$(openssl x509 -in "$CRT" -noout -fingerprint -sha256 | sed 's/^[^=]*=//')
check "install.sh printed the certificate's SHA-256 fingerprint ($FPR)" grep -q "fingerprint.*$FPR" "$WORK/install-1.log"
check "the report gives the panel's URL" grep -q 'Web panel: https://.*:8443/' "$WORK/install-1.log"
# The real panel (the local Release build, when present) serves HTTPS with exactly this certificate and key.
PANEL_DLL=$HERE/../Panel/bin/Release/net10.0/mpp-panel.dll
if [ -f "$PANEL_DLL" ] && command -v dotnet >/dev/null 2>&1 && command -v curl >/dev/null 2>&1; then
  PPORT=$(free_port)
  ( set -a; . "$PENV"; set +a
    export MPP_Panel__Listen=https://127.0.0.1:$PPORT MPP_Panel__CertificateFile=$CRT MPP_Panel__CertificateKeyFile=$KEY MPP_Panel__MqttPort=1
    exec dotnet "$PANEL_DLL" > "$WORK/panel.log" 2>&1 ) &
  PANEL_PID=$!
  code=""; for _ in $(seq 150); do code=$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$PPORT/login" 2>/dev/null) && [ "$code" = 200 ] && break; sleep 0.2; done
  served=$(openssl s_client -connect "127.0.0.1:$PPORT" -servername localhost < /dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256 2>/dev/null | sed 's/^[^=]*=//')
  check "the real mpp-panel serves /login over HTTPS with this configuration (HTTP $code)" [ "$code" = 200 ]
  check "the certificate it serves is the generated one" [ "$served" = "$FPR" ]
  kill "$PANEL_PID" 2>/dev/null; wait "$PANEL_PID" 2>/dev/null
else
  echo "# (no Panel/bin/Release build here: the real panel's HTTPS start is not checked)"
fi

# ---------------------------------------------------------------------------------------------
echo "# the generated broker files work in a real mosquitto"
BR=$WORK/broker; mkdir -p "$BR"; chmod 0755 "$BR"; chmod 0711 "$WORK"
PORT=$(free_port)
cp "$R/etc/mosquitto/mpp-signage.passwd" "$R/etc/mosquitto/mpp-signage.acl" "$BR/"
sed -e "s|^listener .*|listener $PORT 127.0.0.1|" -e "s|/etc/mosquitto/|$BR/|" "$R/etc/mosquitto/conf.d/mpp-signage.conf" > "$BR/mosquitto.conf"
# Started as root, mosquitto drops to its own user, which must be able to read these files.
chown -R mosquitto: "$BR" 2>/dev/null || true
chmod 0600 "$BR"/mpp-signage.*
mosquitto -c "$BR/mosquitto.conf" > "$BR/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
pw() { awk -F: -v u="$1" '$1 == u { print $2 }' "$R/etc/mpp-signage/mqtt-credentials"; }
pub() { # pub USER PASSWORD TOPIC: MQTT 5, QoS 1, so an ACL denial comes back as PUBACK 135
  timeout 10 mosquitto_pub -h 127.0.0.1 -p "$PORT" -V mqttv5 -q 1 -u "$1" -P "$2" -t "$3" -m '{"state":"open"}' 2>&1
}
check "controller publishes mpp/probolinggo/status" bash -c "[ -z \"\$(timeout 10 mosquitto_pub -h 127.0.0.1 -p $PORT -V mqttv5 -q 1 -u controller -P '$(pw controller)' -t mpp/probolinggo/status -r -m '{\"state\":\"open\"}' 2>&1)\" ]"
got=$(timeout 10 mosquitto_sub -h 127.0.0.1 -p "$PORT" -V mqttv5 -u screen -P "$(pw screen)" -t 'mpp/probolinggo/status' -C 1 -W 8 2>&1)
check "screen reads the retained status" [ "$got" = '{"state":"open"}' ]
out=$(pub screen "$(pw screen)" mpp/probolinggo/override/set)
check "screen may not override (broker says: $(echo "$out" | tr '\n' ' ' | cut -c1-60))" bash -c "echo '$out' | grep -qi 'not authori'"
out=$(pub staff "$(pw staff)" mpp/probolinggo/schedule/set)
check "staff may not publish a schedule" bash -c "echo '$out' | grep -qi 'not authori'"
check "staff may override" [ -z "$(pub staff "$(pw staff)" mpp/probolinggo/override/set)" ]
check "admin may publish a schedule" [ -z "$(pub admin "$(pw admin)" mpp/probolinggo/schedule/set)" ]
out=$(pub admin wrong-password mpp/probolinggo/override/set)
check "screen (pintu-utama) publishes its own screenshot" [ -z "$(pub screen "$(pw screen)" mpp/probolinggo/screens/pintu-utama/screenshot)" ]
out=$(pub screen "$(pw screen)" mpp/probolinggo/screens/lobby/screenshot)
check "screen may not publish as another screen (lobby)" bash -c "echo '$out' | grep -qi 'not authori'"
check "a wrong password is refused" bash -c "echo '$out' | grep -qiE 'not authori|bad user name or password|refused'"
out=$(timeout 10 mosquitto_pub -h 127.0.0.1 -p "$PORT" -V mqttv5 -q 1 -t mpp/probolinggo/override/set -m x 2>&1)
check "an anonymous client is refused" bash -c "echo '$out' | grep -qiE 'not authori|refused'"
kill "$BROKER_PID" 2>/dev/null; wait "$BROKER_PID" 2>/dev/null; BROKER_PID=""

# ---------------------------------------------------------------------------------------------
echo "# a second run of the same version changes nothing"
echo 'MPP_Gpio__Relay__Pin=5' >> "$R/etc/mpp-signage/controller.env"
echo 'MPP_Qr__WhatsAppNumber=6281234567890' >> "$R/etc/mpp-signage/signage.env"
manifest "$R" > "$WORK/before"
bash "$INSTALL" --root "$R" --bundle "$B1" > "$WORK/install-2.log" 2>&1
check "second run succeeds" [ $? -eq 0 ]
manifest "$R" > "$WORK/after"
if diff "$WORK/before" "$WORK/after" > "$WORK/diff"; then ok "second run leaves every file, owner and mode as it was"
else not_ok "second run leaves every file, owner and mode as it was"; sed 's/^/#   /' "$WORK/diff" | head -20; fi
check "second run reports that nothing needed changing" grep -q 'Nothing needed changing' "$WORK/install-2.log"
check "second run no longer asks for the pins or the WhatsApp number once they are set" \
  bash -c "! grep -qE 'pins:|WhatsApp number' '$WORK/install-2.log'"

# ---------------------------------------------------------------------------------------------
echo "# upgrade to $V2 keeps configuration, credentials and state"
cp "$R/etc/mpp-signage/mqtt-credentials" "$WORK/cred-before"
echo 'override' > "$R/var/lib/mpp-signage/controller/override.json"
# A user the site added by hand (docs/broker.md): password line and ACL block of its role.
mosquitto_passwd -b "$R/etc/mosquitto/mpp-signage.passwd" desk2 desk2-secret
printf 'user desk2\ntopic write mpp/+/override/set\n' >> "$R/etc/mpp-signage/mosquitto-site.acl"
bash "$INSTALL" --root "$R" --bundle "$B2" > "$WORK/install-3.log" 2>&1
check "upgrade succeeds" [ $? -eq 0 ]
check "a hand-added Mosquitto user is kept" grep -q '^desk2:' "$R/etc/mosquitto/mpp-signage.passwd"
check "the role users are still managed beside it" grep -q '^staff:' "$R/etc/mosquitto/mpp-signage.passwd"
check "the site's ACL part is appended to the broker's ACL" \
  bash -c "grep -qx 'user desk2' '$R/etc/mosquitto/mpp-signage.acl' && grep -qx 'user staff' '$R/etc/mosquitto/mpp-signage.acl'"
check "current points to $V2" [ "$(readlink "$R/opt/mpp-signage/current")" = "$V2" ]
check "$V1 is kept for rollback" [ -x "$R/opt/mpp-signage/$V1/controller/mpp-controller" ]
check "the technician's controller.env is kept" grep -qx 'MPP_Gpio__Relay__Pin=5' "$R/etc/mpp-signage/controller.env"
check "no .dist written when the template did not change" [ ! -e "$R/etc/mpp-signage/controller.env.dist" ]
check "credentials are kept" cmp -s "$WORK/cred-before" "$R/etc/mpp-signage/mqtt-credentials"
check "state is kept" grep -qx override "$R/var/lib/mpp-signage/controller/override.json"
check "the panel's certificate is kept across the upgrade (same fingerprint)" \
  bash -c "[ \"\$(openssl x509 -in '$CRT' -noout -fingerprint -sha256 | sed 's/^[^=]*=//')\" = '$FPR' ] && grep -q 'fingerprint.*$FPR' '$WORK/install-3.log'"
# A newer template beside a kept file.
B2b=$WORK/bundle-2b; cp -a "$B2" "$B2b"; echo '1.1.1' > "$B2b/VERSION"
echo '#MPP_NewKey=1' >> "$B2b/deploy-pi/config/controller.env"
bash "$INSTALL" --root "$R" --bundle "$B2b" > "$WORK/install-3b.log" 2>&1
check "a changed template lands as controller.env.dist, the file itself is kept" \
  bash -c "grep -q MPP_NewKey '$R/etc/mpp-signage/controller.env.dist' && ! grep -q MPP_NewKey '$R/etc/mpp-signage/controller.env' && grep -qx 'MPP_Gpio__Relay__Pin=5' '$R/etc/mpp-signage/controller.env'"

# ---------------------------------------------------------------------------------------------
echo "# rollback"
bash "$INSTALL" --root "$R" --rollback > "$WORK/rollback.log" 2>&1
check "rollback succeeds" [ $? -eq 0 ]
check "rollback returns to the previously active version ($V2)" [ "$(readlink "$R/opt/mpp-signage/current")" = "$V2" ]
bash "$INSTALL" --root "$R" --rollback "$V1" > "$WORK/rollback2.log" 2>&1
check "rollback to a named version ($V1)" [ "$(readlink "$R/opt/mpp-signage/current")" = "$V1" ]
bash "$INSTALL" --root "$R" --rollback 0.0.0-missing > "$WORK/rollback3.log" 2>&1
rc=$?
check "rollback to a version that is not installed is refused and names it" bash -c "[ $rc -ne 0 ] && grep -q \"version '0.0.0-missing' is not installed\" '$WORK/rollback3.log'"
check "a refused rollback changes nothing" [ "$(readlink "$R/opt/mpp-signage/current")" = "$V1" ]

echo "# pruning keeps --keep versions and the previous one"
bash "$INSTALL" --root "$R" --bundle "$B3" --keep 2 > "$WORK/install-4.log" 2>&1
kept=$(find "$R/opt/mpp-signage" -mindepth 1 -maxdepth 1 -type d -printf '%f ' | sort)
check "after installing $V3 with --keep 2: $V3 and the previous $V1 remain (have: $kept)" \
  bash -c "[ -d '$R/opt/mpp-signage/$V3' ] && [ -d '$R/opt/mpp-signage/$V1' ] && [ \$(find '$R/opt/mpp-signage' -mindepth 1 -maxdepth 1 -type d | wc -l) -eq 2 ]"

# ---------------------------------------------------------------------------------------------
echo "# --screens: each further screen its own user, publishing only as its own id"
bash "$INSTALL" --root "$R" --bundle "$B3" --keep 2 --screens lobby > "$WORK/install-5.log" 2>&1
check "install --screens lobby succeeds" [ $? -eq 0 ]
check "screen-lobby has its own password" grep -q '^screen-lobby:' "$R/etc/mpp-signage/mqtt-credentials"
check "the hand-added user is still kept beside the screen users" \
  bash -c "grep -q '^desk2:' '$R/etc/mosquitto/mpp-signage.passwd' && grep -q '^screen-lobby:' '$R/etc/mosquitto/mpp-signage.passwd' && grep -q '^screen:' '$R/etc/mosquitto/mpp-signage.passwd'"
check "the ACL gives screen-lobby only screen lobby's topics" \
  bash -c "awk '/^user screen-lobby\$/ { on = 1 } on && /^\$/ { exit } on' '$R/etc/mosquitto/mpp-signage.acl' > '$WORK/lobby.acl' && grep -qx 'topic write mpp/+/screens/lobby/screenshot' '$WORK/lobby.acl' && ! grep -q 'pintu-utama\|screens/+' '$WORK/lobby.acl'"
check "--screens is remembered for the next run" grep -qx 'SCREENS=lobby' "$R/etc/mpp-signage/install.env"
PORT=$(free_port)
cp "$R/etc/mosquitto/mpp-signage.passwd" "$R/etc/mosquitto/mpp-signage.acl" "$BR/"
sed -e "s|^listener .*|listener $PORT 127.0.0.1|" -e "s|/etc/mosquitto/|$BR/|" "$R/etc/mosquitto/conf.d/mpp-signage.conf" > "$BR/mosquitto.conf"
chown -R mosquitto: "$BR" 2>/dev/null || true
chmod 0600 "$BR"/mpp-signage.*
mosquitto -c "$BR/mosquitto.conf" > "$BR/broker-2.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
check "screen-lobby publishes as lobby" [ -z "$(pub screen-lobby "$(pw screen-lobby)" mpp/probolinggo/screens/lobby/availability)" ]
out=$(pub screen-lobby "$(pw screen-lobby)" mpp/probolinggo/screens/pintu-utama/screenshot)
check "screen-lobby may not publish as pintu-utama" bash -c "echo '$out' | grep -qi 'not authori'"
out=$(pub screen "$(pw screen)" mpp/probolinggo/screens/lobby/availability)
check "screen may not publish as lobby" bash -c "echo '$out' | grep -qi 'not authori'"
kill "$BROKER_PID" 2>/dev/null; wait "$BROKER_PID" 2>/dev/null; BROKER_PID=""

# ---------------------------------------------------------------------------------------------
echo "# role signage (a screen on its own Pi)"
S=$WORK/root-signage; mkdir -p "$S"; make_scratch_root "$S"
bash "$INSTALL" --root "$S" --bundle "$B1" --role signage > "$WORK/install-s.log" 2>&1
check "signage-only install succeeds" [ $? -eq 0 ]
check "only the renderer unit is installed" bash -c "[ -f '$S/etc/systemd/system/mpp-signage.service' ] && [ ! -e '$S/etc/systemd/system/mpp-controller.service' ] && [ ! -e '$S/etc/systemd/system/mpp-panel.service' ]"
check "no web panel configuration or certificate on a screen-only Pi" bash -c "[ ! -e '$S/etc/mpp-signage/panel.env' ] && [ ! -e '$S/etc/mpp-signage/panel' ]"
check "no broker configuration on a screen-only Pi" [ ! -e "$S/etc/mosquitto/conf.d/mpp-signage.conf" ]
check "only the 'screen' password exists there" bash -c "[ \$(wc -l < '$S/etc/mpp-signage/mqtt-credentials') -eq 1 ] && grep -q '^screen:' '$S/etc/mpp-signage/mqtt-credentials'"
check "the report says to point it at the controller Pi" grep -q "controller Pi" "$WORK/install-s.log"
check "the role is remembered for the next run" grep -qx 'ROLE=signage' "$S/etc/mpp-signage/install.env"
S2=$WORK/root-signage-lobby; mkdir -p "$S2"; make_scratch_root "$S2"
mkdir -p "$S2/etc/mpp-signage"; printf 'MPP_Site__Id=probolinggo\nMPP_Screen__Id=lobby\n' > "$S2/etc/mpp-signage/signage.env"
bash "$INSTALL" --root "$S2" --bundle "$B1" --role signage > "$WORK/install-s2.log" 2>&1
check "a screen lobby on its own Pi connects as its own user screen-lobby" \
  bash -c "grep -qx 'MPP_Mqtt__Username=screen-lobby' '$S2/etc/mpp-signage/signage.secrets.env' && grep -q '^screen-lobby:' '$S2/etc/mpp-signage/mqtt-credentials' && ! grep -q '^screen:' '$S2/etc/mpp-signage/mqtt-credentials'"
check "the report says to add it on the controller Pi with --screens lobby" grep -q -- "--screens lobby" "$WORK/install-s2.log"

# ---------------------------------------------------------------------------------------------
echo "# --dry-run and bad options change nothing"
D=$WORK/root-dry; mkdir -p "$D"; make_scratch_root "$D"
manifest "$D" > "$WORK/dry-before"
bash "$INSTALL" --root "$D" --bundle "$B1" --dry-run > "$WORK/dry.log" 2>&1
check "--dry-run succeeds" [ $? -eq 0 ]
check "--dry-run prints the commands it would run" grep -q '\[dry-run\]' "$WORK/dry.log"
manifest "$D" > "$WORK/dry-after"
check "--dry-run changes no file" cmp -s "$WORK/dry-before" "$WORK/dry-after"
expect_refusal() { # expect_refusal "WORDS IN MESSAGE" ARGS...
  local words=$1; shift
  local out; out=$(bash "$INSTALL" --root "$D" --bundle "$B1" "$@" 2>&1); local rc=$?
  if [ $rc -ne 0 ] && echo "$out" | grep -q -- "$words"; then ok "refused: $* ($words)"
  else not_ok "refused: $* (wanted '$words', got rc=$rc: $(echo "$out" | tail -1))"; fi
}
expect_refusal "--site 'Bad Site'" --site 'Bad Site'
expect_refusal "--site 'all'" --site all
expect_refusal "--role 'kiosk'" --role kiosk
expect_refusal "--mqtt-port '70000'" --mqtt-port 70000
expect_refusal "--hdmi-mode 'big'" --hdmi-mode big
expect_refusal "--panel-port '443'" --panel-port 443
expect_refusal "--keep 1" --keep 1
expect_refusal "--screens: 'Lobby'" --screens lobby,Lobby
expect_refusal "unknown option '--colour'" --colour
manifest "$D" > "$WORK/dry-after2"
check "refused runs changed no file" cmp -s "$WORK/dry-before" "$WORK/dry-after2"
E=$WORK/empty-bundle; mkdir -p "$E"
out=$(bash "$INSTALL" --root "$D" --bundle "$E" 2>&1); rc=$?
check "a directory that is not a bundle is refused with the reason" bash -c "[ $rc -ne 0 ] && echo '$out' | grep -q 'has no VERSION file'"

summary check-install
