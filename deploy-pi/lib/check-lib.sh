# Shared by the deploy-pi check scripts (sourced, not run): TAP-like results and scratch fixtures.
# shellcheck shell=bash

CHECK_PASSED=0; CHECK_FAILED=0
ok() { CHECK_PASSED=$((CHECK_PASSED + 1)); echo "ok - $*"; }
not_ok() { CHECK_FAILED=$((CHECK_FAILED + 1)); echo "not ok - $*"; }
# check DESCRIPTION COMMAND...: runs COMMAND, ok when it succeeds.
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
# summary NAME: the closing line CI reads, and the exit status.
summary() { echo "$1: $CHECK_PASSED passed, $CHECK_FAILED failed"; [ "$CHECK_FAILED" -eq 0 ]; }

# expect_stat ROOT PATH "OWNER GROUP MODE": owner and group by name as the target root's own
# /etc/passwd and /etc/group define them (numeric ids differ from the host's).
expect_stat() {
  local root=$1 path=$2 want=$3
  if [ ! -e "$root$path" ] && [ ! -L "$root$path" ]; then not_ok "$path exists"; return; fi
  local uid gid mode user group
  read -r uid gid mode < <(stat -c '%u %g %a' "$root$path")
  user=$(awk -F: -v i="$uid" '$3 == i { print $1; exit }' "$root/etc/passwd"); user=${user:-$uid}
  group=$(awk -F: -v i="$gid" '$3 == i { print $1; exit }' "$root/etc/group"); group=${group:-$gid}
  if [ "$user $group $mode" = "$want" ]; then ok "$path is $want"; else not_ok "$path is $want (found $user $group $mode)"; fi
}

# make_stub_bundle DIR VERSION: a bundle with the real installer, units and templates but shell
# stand-ins for the three executables, for checks of the installer itself (no publish needed).
make_stub_bundle() {
  local dir=$1 ver=$2 src
  src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  mkdir -p "$dir/controller" "$dir/signage" "$dir/panel" "$dir/deploy-pi"
  printf '#!/bin/sh\necho "stub mpp-controller %s $*"\n' "$ver" > "$dir/controller/mpp-controller"
  printf '#!/bin/sh\necho "stub mpp-signage %s $*"\n' "$ver" > "$dir/signage/mpp-signage"
  printf '#!/bin/sh\necho "stub mpp-panel %s $*"\n' "$ver" > "$dir/panel/mpp-panel"
  printf '{ "Logging": {} }\n' > "$dir/controller/appsettings.json"
  cp "$dir/controller/appsettings.json" "$dir/signage/appsettings.json"
  cp "$dir/controller/appsettings.json" "$dir/panel/appsettings.json"
  chmod 0755 "$dir/controller/mpp-controller" "$dir/signage/mpp-signage" "$dir/panel/mpp-panel"
  for part in install.sh README.md systemd mosquitto config boot bin; do
    [ -e "$src/$part" ] && cp -a "$src/$part" "$dir/deploy-pi/"
  done
  echo "$ver" > "$dir/VERSION"
}

# make_scratch_root DIR: what a fresh Raspberry Pi OS image has that the installer touches: the
# boot partition's config.txt and cmdline.txt, getty on tty1, and systemd's own units (so
# `systemd-analyze verify --root` finds sysinit.target and friends).
make_scratch_root() {
  local r=$1
  mkdir -p "$r/boot/firmware" "$r/etc/systemd/system/getty.target.wants" "$r/lib/systemd" "$r/usr/share/zoneinfo/Asia"
  printf '# For more options and information see\n# http://rptl.io/configtxt\n\n# Enable DRM VC4 V3D driver\ndtoverlay=vc4-kms-v3d\nmax_framebuffers=2\n\n[all]\n' > "$r/boot/firmware/config.txt"
  echo 'console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait quiet' > "$r/boot/firmware/cmdline.txt"
  ln -sf /lib/systemd/system/getty@.service "$r/etc/systemd/system/getty.target.wants/getty@tty1.service"
  [ -d /lib/systemd/system ] && cp -a /lib/systemd/system "$r/lib/systemd/"
  : > "$r/usr/share/zoneinfo/Asia/Jakarta"
  ln -sf /usr/share/zoneinfo/Asia/Jakarta "$r/etc/localtime"
}

# manifest ROOT: path, type, owner, mode and content hash of everything under ROOT (for "a second
# run changes nothing").
manifest() {
  (cd "$1" && find . -path ./lib -prune -o -printf '%p %y %u %g %m %l\n' | sort | while read -r p y rest; do
    if [ "$y" = f ]; then echo "$p $y $rest $(sha256sum < "$p" | cut -c1-16)"; else echo "$p $y $rest"; fi
  done)
}

# free_port: an unused loopback TCP port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
