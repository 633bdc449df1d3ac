#!/usr/bin/env bash
# Assembles a local stand-in for the Dockerfile's base image (oven/bun:<version>-slim) on a machine
# that cannot pull it: a Debian slim root file system made by `debootstrap --variant=minbase` from the
# Debian mirror apt already uses, plus the pinned Bun binary from the npm registry, with what the real
# image has: user and group `bun` (1000:1000, home /home/bun), /usr/local/bin/bun and bunx, the `node`
# fallback link, BUN_RUNTIME_TRANSPILER_CACHE_PATH=0, working directory /home/bun/app, an entrypoint
# that runs `bun` unless given a command. The image is labelled io.sinhome.stand-in=true so build.sh
# knows to prefer the real one where a registry answers.
#
# usage: deploy/image/standin.sh <image-ref>        e.g. docker.io/oven/bun:1.4.5-slim
# env:   SINHOME_IMAGE_CACHE   cache of the rootfs tarball and the Bun package (/var/cache/sinhome-image)
#        STANDIN_SUITE         Debian suite (trixie: what oven/bun's slim images are built on)
#        STANDIN_MIRROR        Debian mirror (default: the first non-security one in /etc/apt/sources.list*)
# Needs root, buildah, debootstrap, npm, tar.
set -euo pipefail

ref=${1:?usage: standin.sh <image-ref>}
tag=${ref##*:}
bun_version=${tag%%-*}
[[ $bun_version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "standin: cannot read a Bun version from tag '$tag'" >&2; exit 1; }
cache=${SINHOME_IMAGE_CACHE:-/var/cache/sinhome-image}
suite=${STANDIN_SUITE:-trixie}
mkdir -p "$cache"
say() { printf '[standin] %s\n' "$*" >&2; }

# The mirror apt uses here (deb822 "URIs:" or one-line "deb URI suite"), security archives excluded.
find_mirror() {
  local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list)
  { grep -hsE '^\s*URIs:' "${files[@]}" | awk '{for (i = 2; i <= NF; i++) print $i}' || true
    grep -hsE '^\s*deb\s' "${files[@]}" | sed -E 's/\[[^]]*\]//' | awk '{print $2}' || true
  } | grep -E '/debian/?$' | grep -v security | head -1 || true
}
mirror=${STANDIN_MIRROR:-$(find_mirror)}
[ -n "$mirror" ] || { echo "standin: no Debian mirror found in /etc/apt/sources.list*; set STANDIN_MIRROR" >&2; exit 1; }

case "$(uname -m)" in
  x86_64) deb_arch=amd64; bun_pkg=@oven/bun-linux-x64-baseline ;;   # the build oven/bun ships on amd64
  aarch64) deb_arch=arm64; bun_pkg=@oven/bun-linux-aarch64 ;;
  *) echo "standin: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

# One builder at a time fills the cache (two CI runs on one machine would otherwise race).
exec 9>"$cache/.lock"
flock 9
# Another run may have assembled it while this one waited for the lock.
if [ "$(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "io.sinhome.stand-in"}}' "$ref" 2>/dev/null)" = true ]; then
  say "$ref: assembled meanwhile by another run"; exit 0
fi

# --- Debian slim root file system (cached tarball) ------------------------------------------------
rootfs_tar="$cache/debian-$suite-$deb_arch-minbase-slim.tar"
if [ ! -s "$rootfs_tar" ]; then
  say "debootstrap --variant=minbase $suite from $mirror (cached afterwards in $rootfs_tar)"
  work=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase --arch="$deb_arch" --include=ca-certificates "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; echo "standin: debootstrap failed" >&2; exit 1; }
  r="$work/root"
  # "slim" as Debian's official images are: no docs (copyright kept), man pages, info, locales;
  # dpkg keeps them out of later installs too. No apt lists or caches, no host name or resolver.
  cat >"$r/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
CFG
  find "$r/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$r"/usr/share/{man,groff,info,lintian,linda,locale}/* "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/* \
    "$r"/var/cache/debconf/*-old "$r"/var/log/*.log "$r"/var/log/apt/* "$r"/debootstrap
  : >"$r/etc/hostname"; : >"$r/etc/resolv.conf"
  tar --numeric-owner --xattrs -C "$r" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$rootfs_tar"
  rm -rf "$work"; trap - EXIT
else
  say "Debian $suite root file system from the cache ($rootfs_tar)"
fi

# --- Bun from the npm registry (npm pack verifies the registry's sha512 integrity) ----------------
bun_tgz="$cache/$(printf '%s' "${bun_pkg#@}" | tr / -)-$bun_version.tgz"
if [ ! -s "$bun_tgz" ]; then
  say "npm pack $bun_pkg@$bun_version"
  packdir=$(mktemp -d "$cache/pack.XXXXXX")
  (cd "$packdir" && npm pack --silent "$bun_pkg@$bun_version" >/dev/null)
  mv "$packdir"/*.tgz "$bun_tgz"; rm -rf "$packdir"
fi
bin_dir=$(mktemp -d)
cleanup_ctr=""
cleanup() { rm -rf "$bin_dir"; [ -z "$cleanup_ctr" ] || buildah rm "$cleanup_ctr" >/dev/null 2>&1 || true; }
trap cleanup EXIT
tar -xzf "$bun_tgz" -C "$bin_dir" package/bin/bun
got=$("$bin_dir/package/bin/bun" --version)
[ "$got" = "$bun_version" ] || { echo "standin: $bun_pkg gave bun $got, expected $bun_version" >&2; exit 1; }
cat >"$bin_dir/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# Runs the arguments as a command when they name one, otherwise hands them to bun (as oven/bun does).
set -e
case "${1:-}" in
  "" | -*) set -- /usr/local/bin/bun "$@" ;;
  *) command -v "$1" >/dev/null 2>&1 || set -- /usr/local/bin/bun "$@" ;;
esac
exec "$@"
SH

# --- The image ----------------------------------------------------------------------------------
say "assembling $ref (Debian $suite slim + bun $bun_version)"
ctr=$(buildah from --name "sinhome-standin-$$" scratch); cleanup_ctr=$ctr
buildah add --quiet "$ctr" "$rootfs_tar" / >/dev/null
buildah copy --quiet --chmod 0755 "$ctr" "$bin_dir/package/bin/bun" /usr/local/bin/bun >/dev/null
buildah copy --quiet --chmod 0755 "$ctr" "$bin_dir/docker-entrypoint.sh" /usr/local/bin/docker-entrypoint.sh >/dev/null
buildah run --isolation chroot "$ctr" -- /bin/sh -ec '
  groupadd bun --gid 1000
  useradd bun --uid 1000 --gid bun --shell /bin/sh --create-home
  ln -s /usr/local/bin/bun /usr/local/bin/bunx
  mkdir -p /usr/local/bun-node-fallback-bin /home/bun/app
  ln -s /usr/local/bin/bun /usr/local/bun-node-fallback-bin/node
  /usr/local/bin/bun --version >/dev/null'
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/bun-node-fallback-bin \
  --env BUN_RUNTIME_TRANSPILER_CACHE_PATH=0 --env BUN_INSTALL_BIN=/usr/local/bin \
  --workingdir /home/bun/app \
  --entrypoint '["/usr/local/bin/docker-entrypoint.sh"]' --cmd /usr/local/bin/bun \
  --label io.sinhome.stand-in=true --label io.sinhome.stand-in.debian="$suite" \
  --label io.sinhome.stand-in.bun="$bun_pkg@$bun_version" \
  "$ctr"
buildah commit --quiet --rm "$ctr" "$ref" >/dev/null; cleanup_ctr=""
say "$ref ready"
