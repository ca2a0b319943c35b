#!/usr/bin/env bash
# Builds the Raspberry Pi bundle of MppSignage: the controller (mpp-controller), the renderer
# (mpp-signage) and the web panel (mpp-panel, minimal APIs + RazorSlices) compiled with NativeAOT for
# linux-arm64 (native aarch64 executables: no JIT, no .NET runtime files; the renderer's
# libSkiaSharp.so stays beside it), with the installer, units and configuration templates, as
#   artifacts/deploy/mpp-signage-VERSION-linux-arm64/          (the unpacked bundle)
#   artifacts/deploy/mpp-signage-VERSION-linux-arm64.tar.gz    (copy it to the Pi, unpack, run install.sh)
#   artifacts/deploy/mpp-signage_VERSION_arm64.deb             (apt install ./mpp-signage_…deb)
#
#   deploy-pi/build.sh [--rid RID] [--trim auto|yes|no] [--no-deb] [--no-tar] [--version V] [--out DIR]
#                      [--from BUNDLE] [--fast] [--jit]
#
# --jit is the documented fallback: the earlier self-contained JIT publish (runtime files beside the
# dll, trimmed per --trim), for a board or a toolchain where the native build does not work.
# The native build cross-compiles for arm64 with clang/lld and Debian's arm64 libc; when these are
# missing it installs them with apt (as root): clang lld gcc-aarch64-linux-gnu libc6-dev:arm64
# libgcc-12-dev:arm64 (after dpkg --add-architecture arm64). NativeAOT warnings are errors too.
# --from BUNDLE repackages the executables of an existing bundle (its VERSION unless --version) with
# the current installer and templates, without publishing again. --fast compresses the tarball and
# the .deb with gzip -1 (checks; releases keep the smaller xz/gzip -6 default).
# --trim auto (default) publishes trimmed only when the trimmer raises no warning (warnings are
# errors in this repository) and falls back to an untrimmed publish for that project otherwise.
# The version is the VERSION file at the repository root if present, else derived from git:
# `git describe --tags` (a tag v1.2.3 gives 1.2.3), or 0.0.<commit count>+g<hash> without tags,
# with ".dirty" when the work tree has changes. Prints the bundle directory on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

RID=linux-arm64; JIT=0; TRIM=auto; DEB=1; TAR=1; VERSION=""; OUT="$REPO/artifacts/deploy"; FROM=""; FAST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) RID=${2:?}; shift ;;
    --trim) TRIM=${2:?}; shift ;;
    --no-deb) DEB=0 ;;
    --no-tar) TAR=0 ;;
    --fast) FAST=1 ;;
    --jit) JIT=1 ;;
    --version) VERSION=${2:?}; shift ;;
    --out) OUT=${2:?}; shift ;;
    --from) FROM=$(cd "${2:?}" 2>/dev/null && pwd) || { echo "build.sh: --from '$2': not a directory" >&2; exit 2; }; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$TRIM" in auto|yes|no) ;; *) echo "build.sh: --trim '$TRIM': expected auto, yes or no" >&2; exit 2 ;; esac
case "$RID" in linux-arm64) DEBARCH=arm64 ;; linux-x64) DEBARCH=amd64 ;; linux-arm) DEBARCH=armhf ;;
  *) echo "build.sh: --rid '$RID': expected linux-arm64 (the Pi), linux-arm or linux-x64" >&2; exit 2 ;; esac

if [ -n "$FROM" ]; then
  [ -x "$FROM/controller/mpp-controller" ] && [ -x "$FROM/signage/mpp-signage" ] && [ -x "$FROM/panel/mpp-panel" ] || { echo "build.sh: --from $FROM is not a bundle (no controller/mpp-controller, signage/mpp-signage, panel/mpp-panel)" >&2; exit 2; }
  [ -n "$VERSION" ] || VERSION=$(tr -d ' \n' < "$FROM/VERSION")
fi
if [ -z "$VERSION" ]; then
  if [ -f VERSION ]; then VERSION=$(tr -d ' \n' < VERSION)
  elif git rev-parse --git-dir >/dev/null 2>&1; then
    if tag=$(git describe --tags --match 'v[0-9]*' --dirty=.dirty 2>/dev/null); then
      VERSION=${tag#v}; VERSION=${VERSION/-/+}; VERSION=${VERSION//-/.}
    else
      VERSION="0.0.$(git rev-list --count HEAD)+g$(git rev-parse --short=8 HEAD)"
      [ -z "$(git status --porcelain -- . ':!artifacts' 2>/dev/null)" ] || VERSION="$VERSION.dirty"
    fi
  else
    VERSION=0.0.0+local
  fi
fi
[[ "$VERSION" =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || { echo "build.sh: version '$VERSION' must start with a digit and use only A-Z a-z 0-9 . + ~ (Debian version rules)" >&2; exit 2; }

NAME="mpp-signage-$VERSION-$RID"
STAGE="$OUT/$NAME"
LOGS="$OUT/logs"
mkdir -p "$OUT" "$LOGS"
rm -rf "$STAGE" "$STAGE.tmp"
mkdir -p "$STAGE.tmp"
if [ "$JIT" -eq 1 ]; then echo "build.sh: MppSignage $VERSION for $RID (JIT, trim: $TRIM)" >&2
else echo "build.sh: MppSignage $VERSION for $RID (NativeAOT)" >&2; fi
start=$SECONDS

# The native toolchain: clang and lld for every RID; for arm64 also the cross objcopy and the arm64 libc
# and libgcc that the linker reads from the host root (-p:SysRoot=/; see docs/deploy.md "Native build").
NATIVE_ARGS=()
if [ "$JIT" -eq 0 ] && [ -z "$FROM" ]; then
  need=()
  command -v clang >/dev/null 2>&1 || need+=(clang)
  command -v ld.lld >/dev/null 2>&1 || need+=(lld)
  if [ "$RID" = linux-arm64 ]; then
    command -v aarch64-linux-gnu-objcopy >/dev/null 2>&1 || need+=(gcc-aarch64-linux-gnu)
    [ -e /usr/lib/aarch64-linux-gnu/libc.so ] || need+=(libc6-dev:arm64)
    ls /usr/lib/gcc/aarch64-linux-gnu/*/libgcc.a >/dev/null 2>&1 || need+=(libgcc-12-dev:arm64)
    NATIVE_ARGS=(-p:SysRoot=/ -p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
  elif [ "$RID" != linux-x64 ]; then
    echo "build.sh: the native build supports linux-arm64 and linux-x64; use --jit for $RID" >&2; exit 2
  fi
  if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "build.sh: the native build needs ${need[*]}: install them (apt-get install) or run as root; or build with --jit" >&2; exit 2; }
    echo "build.sh: installing ${need[*]}" >&2
    if [[ " ${need[*]} " == *":arm64"* ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then dpkg --add-architecture arm64; fi
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$LOGS/apt-native.log" 2>&1 \
      || { echo "build.sh: apt-get install ${need[*]} failed (see $LOGS/apt-native.log)" >&2; exit 2; }
  fi
fi

# publish PROJECT DIR: self-contained for $RID into $STAGE.tmp/DIR; echoes "trimmed" or "untrimmed".
publish() {
  local proj=$1 dir=$2 log="$LOGS/publish-$2.log"
  local common=(publish "$proj" -c Release -r "$RID" --self-contained true -nologo -v minimal
    -p:PublishSingleFile=false -p:DebugType=none -p:GenerateDocumentationFile=false
    -p:Version="${VERSION%%[+~]*}" -p:InformationalVersion="$VERSION" -o "$STAGE.tmp/$dir")
  if [ "$JIT" -eq 0 ]; then
    rm -rf "$STAGE.tmp/$dir"
    # NativeAOT trims and compiles ahead of time; warnings are errors, so success means warning-free.
    if ! dotnet "${common[@]}" -p:PublishAot=true -p:PublishTrimmed=true "${NATIVE_ARGS[@]}" >"$log" 2>&1; then
      echo "build.sh: native publish of $proj failed (see $log; build.sh --jit is the fallback):" >&2
      grep -E 'error|warn' "$log" | sort -u | head -20 >&2; return 1
    fi
    rm -f "$STAGE.tmp/$dir"/*.dbg "$STAGE.tmp/$dir"/*.pdb "$STAGE.tmp/$dir"/*.xml
    echo native; return 0
  fi
  if [ "$TRIM" != no ]; then
    rm -rf "$STAGE.tmp/$dir"
    # TreatWarningsAsErrors also makes every trim-analysis warning (IL2xxx/IL3xxx) an error, so a
    # successful trimmed publish is a warning-free one.
    if dotnet "${common[@]}" -p:PublishTrimmed=true -p:TrimMode=partial >"${log%.log}-trimmed.log" 2>&1; then
      echo trimmed; return 0
    fi
    if [ "$TRIM" = yes ]; then
      echo "build.sh: trimmed publish of $proj failed (see ${log%.log}-trimmed.log):" >&2
      grep -E 'error|warn' "${log%.log}-trimmed.log" | sort -u | head -20 >&2; return 1
    fi
    echo "build.sh: $proj is not warning-free when trimmed ($(grep -oE 'IL[0-9]{4}' "${log%.log}-trimmed.log" | sort -u | tr '\n' ' ')); publishing untrimmed (details: ${log%.log}-trimmed.log)" >&2
  fi
  rm -rf "$STAGE.tmp/$dir"
  if ! dotnet "${common[@]}" -p:PublishTrimmed=false >"$log" 2>&1; then
    echo "build.sh: publish of $proj failed (see $log):" >&2
    grep -E ' error ' "$log" | sort -u | head -20 >&2; return 1
  fi
  echo untrimmed
}

if [ -n "$FROM" ]; then
  cp -a "$FROM/controller" "$FROM/signage" "$FROM/panel" "$STAGE.tmp/"
  ctrl_trim=$(sed -n 's/^controller=//p' "$FROM/BUILDINFO" 2>/dev/null); sign_trim=$(sed -n 's/^signage=//p' "$FROM/BUILDINFO" 2>/dev/null)
  panel_trim=$(sed -n 's/^panel=//p' "$FROM/BUILDINFO" 2>/dev/null)
  echo "build.sh: repackaging the executables of $FROM" >&2
else
  t0=$SECONDS; ctrl_trim=$(publish Controller/Controller.csproj controller) || exit 1; t1=$SECONDS
  sign_trim=$(publish SignageRenderer/SignageRenderer.csproj signage) || exit 1; t2=$SECONDS
  # The web panel: minimal APIs + RazorSlices (no MVC), so it is native like the others (idle RSS ~50 MB
  # instead of ~120 MB for the JIT Razor Pages build; docs/panel.md "Figures").
  panel_trim=$(publish Panel/Panel.csproj panel) || exit 1; t3=$SECONDS
  echo "build.sh: published controller ($ctrl_trim, $((t1 - t0)) s), signage ($sign_trim, $((t2 - t1)) s) and panel ($panel_trim, $((t3 - t2)) s)" >&2
fi
rm -f "$STAGE.tmp"/panel/appsettings.Development.json
[ -x "$STAGE.tmp/panel/mpp-panel" ] || { echo "build.sh: publish produced no panel/mpp-panel" >&2; exit 1; }

# appsettings.Development.json carries well-known development passwords: never ship it.
rm -f "$STAGE.tmp"/controller/appsettings.Development.json "$STAGE.tmp"/signage/appsettings.Development.json
[ -x "$STAGE.tmp/controller/mpp-controller" ] || { echo "build.sh: publish produced no controller/mpp-controller" >&2; exit 1; }
[ -x "$STAGE.tmp/signage/mpp-signage" ] || { echo "build.sh: publish produced no signage/mpp-signage" >&2; exit 1; }

# The installer, units and templates travel with the app (rollback uses the installed copy).
mkdir -p "$STAGE.tmp/deploy-pi"
cp -a deploy-pi/install.sh deploy-pi/README.md deploy-pi/systemd deploy-pi/mosquitto deploy-pi/config \
  deploy-pi/boot deploy-pi/bin "$STAGE.tmp/deploy-pi/" 2>/dev/null || true
[ -f "$STAGE.tmp/deploy-pi/install.sh" ] || { echo "build.sh: deploy-pi/install.sh missing" >&2; exit 1; }
echo "$VERSION" > "$STAGE.tmp/VERSION"
{
  echo "version=$VERSION"; echo "rid=$RID"
  echo "commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "controller=$ctrl_trim"; echo "signage=$sign_trim"; echo "panel=$panel_trim"
  echo "dotnet=$(dotnet --version)"
} > "$STAGE.tmp/BUILDINFO"

# Plain modes (publish leaves 0744 on many files): 0644 everywhere, 0755 for directories, the two
# executables and the scripts.
find "$STAGE.tmp" -type d -exec chmod 0755 {} +
find "$STAGE.tmp" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE.tmp/controller/mpp-controller" "$STAGE.tmp/signage/mpp-signage" "$STAGE.tmp/panel/mpp-panel" "$STAGE.tmp"/deploy-pi/*.sh "$STAGE.tmp"/deploy-pi/bin/*

# The apps carry the same .NET runtime: hard-link identical files so the tarball, the .deb and
# the Pi's disk hold them once (tar and dpkg keep hard links).
linked=0
while IFS= read -r -d '' f; do
  rel=${f#"$STAGE.tmp/"}; rel=${rel#*/}
  other="$STAGE.tmp/controller/$rel"
  if [ -f "$other" ] && cmp -s "$f" "$other"; then ln -f "$other" "$f"; linked=$((linked + 1)); fi
done < <(find "$STAGE.tmp/signage" "$STAGE.tmp/panel" -type f -print0)
mv "$STAGE.tmp" "$STAGE"
echo "build.sh: bundle $STAGE ($(du -sh "$STAGE" | cut -f1), $linked shared files hard-linked)" >&2

if [ "$TAR" -eq 1 ]; then
  gz=-6; [ "$FAST" -eq 0 ] || gz=-1
  tar -C "$OUT" --owner=0 --group=0 --numeric-owner -cf - "$NAME" | gzip "$gz" > "$OUT/$NAME.tar.gz.tmp"
  mv "$OUT/$NAME.tar.gz.tmp" "$OUT/$NAME.tar.gz"
  echo "build.sh: tarball $OUT/$NAME.tar.gz ($(du -h "$OUT/$NAME.tar.gz" | cut -f1))" >&2
fi

if [ "$DEB" -eq 1 ]; then
  if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "build.sh: dpkg-deb not found: no .deb (apt-get install dpkg-dev)" >&2
  else
    # The package carries the bundle under /usr/lib/mpp-signage/bundle; its postinst runs the same
    # install.sh, so a .deb install and a tarball install end up identical (and roll back alike).
    DEBROOT="$OUT/deb-$NAME"
    rm -rf "$DEBROOT"; mkdir -p "$DEBROOT/DEBIAN" "$DEBROOT/usr/lib/mpp-signage"
    cp -a "$STAGE" "$DEBROOT/usr/lib/mpp-signage/bundle"
    installed_kb=$(du -sk "$DEBROOT/usr" | cut -f1)
    sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$DEBARCH/" -e "s/@SIZE@/$installed_kb/" \
      deploy-pi/debian/control.in > "$DEBROOT/DEBIAN/control"
    install -m 0755 deploy-pi/debian/postinst "$DEBROOT/DEBIAN/postinst"
    install -m 0755 deploy-pi/debian/prerm "$DEBROOT/DEBIAN/prerm"
    DEBFILE="$OUT/mpp-signage_${VERSION}_${DEBARCH}.deb"
    comp=(-Zxz -z6); [ "$FAST" -eq 0 ] || comp=(-Zgzip -z1)
    dpkg-deb --root-owner-group "${comp[@]}" --build "$DEBROOT" "$DEBFILE" >/dev/null
    rm -rf "$DEBROOT"
    echo "build.sh: package $DEBFILE ($(du -h "$DEBFILE" | cut -f1))" >&2
  fi
fi
echo "build.sh: done in $((SECONDS - start)) s" >&2
echo "$STAGE"
