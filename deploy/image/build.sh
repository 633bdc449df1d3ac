#!/usr/bin/env bash
# Builds the mesh image from the real deploy/Dockerfile with buildah (no Docker engine needed).
#
# The base image (FROM in the Dockerfile, e.g. oven/bun:1.4.5-slim) is pulled where a registry answers.
# Where none does, a local stand-in with the same name and tag is assembled first (standin.sh: Debian
# slim from debootstrap + the pinned Bun from npm) and the build runs with --pull=never. A stand-in
# left from an earlier run is replaced by the real base as soon as a pull succeeds. The Dockerfile is
# used as it is.
#
# usage: deploy/image/build.sh [image-tag]        (default localhost/sinhome/mesh:dev)
# env:   SINHOME_BASE=auto|pull|standin  auto (default): pull, else stand-in; pull: the real base or fail;
#                                        standin: never try a registry
#        BUILD_CA_FILE   CA bundle the build's `bun install` trusts (default: NODE_EXTRA_CA_CERTS or npm's
#                        cafile, for machines behind a TLS-inspecting proxy); mounted for RUN steps only,
#                        never part of the image
#        BUILD_REPORT    file to write "build_seconds=… base_seconds=… image=… size=…" to (for the smoke test)
# Needs root and buildah; the stand-in also needs debootstrap and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${1:-localhost/sinhome/mesh:dev}
dockerfile=deploy/Dockerfile
ignorefile=deploy/Dockerfile.dockerignore
mode=${SINHOME_BASE:-auto}
say() { printf '[build] %s\n' "$*" >&2; }

# Fully qualified name of an image reference, as a registry pull would store it.
qualify() {
  local ref=$1 first=${1%%/*}
  if [[ $ref != */* ]]; then echo "docker.io/library/$ref"
  elif [[ $first == *.* || $first == *:* || $first == localhost ]]; then echo "$ref"
  else echo "docker.io/$ref"; fi
}

# The external base images of the Dockerfile: FROM references that are not earlier stages, with
# ARG defaults substituted.
base_images() {
  awk '
    toupper($1) == "ARG" && index($2, "=") { split($2, kv, "="); args[kv[1]] = kv[2] }
    toupper($1) == "FROM" {
      ref = ""; for (i = 2; i <= NF; i++) if ($i !~ /^--/) { ref = $i; break }
      for (k in args) { gsub("\\$\\{" k "\\}", args[k], ref); gsub("\\$" k, args[k], ref) }
      if (!(ref in stages)) print ref
      for (i = 2; i < NF; i++) if (toupper($i) == "AS") stages[$(i + 1)] = 1
    }' "$dockerfile" | sort -u
}

is_standin() { [ "$(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "io.sinhome.stand-in"}}' "$1" 2>/dev/null)" = true ]; }
present() { buildah inspect --type image "$1" >/dev/null 2>&1; }

base_start=$SECONDS
for base in $(base_images); do
  ref=$(qualify "$base")
  if present "$ref" && ! is_standin "$ref"; then say "base $ref: present"; continue; fi
  if [ "$mode" != standin ] && timeout 300 buildah pull --policy always --retry 0 --quiet "$ref" >/dev/null 2>"${TMPDIR:-/tmp}/sinhome-pull.$$"; then
    say "base $ref: pulled"
  elif [ "$mode" = pull ]; then
    cat "${TMPDIR:-/tmp}/sinhome-pull.$$" >&2; rm -f "${TMPDIR:-/tmp}/sinhome-pull.$$"; exit 1
  elif present "$ref"; then
    say "base $ref: no registry; using the local stand-in built earlier"
  else
    [ "$mode" = standin ] || say "base $ref: no registry ($(tail -1 "${TMPDIR:-/tmp}/sinhome-pull.$$" | cut -c1-120)); assembling a stand-in"
    deploy/image/standin.sh "$ref"
  fi
  rm -f "${TMPDIR:-/tmp}/sinhome-pull.$$"
done

base_seconds=$((SECONDS - base_start))
[ "$base_seconds" -lt 2 ] || say "base image ready in $base_seconds s"

# Trust for the build's downloads (RUN steps only): the host's CA bundle and an .npmrc naming it.
ca=${BUILD_CA_FILE:-${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}}
case "$ca" in null | undefined) ca="" ;; esac
volumes=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$ca" ] && [ -s "$ca" ]; then
  printf 'cafile=/run/sinhome-build-ca.pem\n' >"$tmp/npmrc"
  volumes=(-v "$ca:/run/sinhome-build-ca.pem:ro" -v "$tmp/npmrc:/root/.npmrc:ro")
  say "build downloads trust $ca (mounted for RUN steps only)"
fi

say "buildah bud -f $dockerfile -t $image"
start_ms=$(($(date +%s%N) / 1000000))
buildah bud --isolation chroot --pull=never --layers=false \
  -f "$dockerfile" --ignorefile "$ignorefile" "${volumes[@]}" -t "$image" . >&2
ms=$(($(date +%s%N) / 1000000 - start_ms))
seconds=$((ms / 1000)).$((ms % 1000 / 100))
size=$(buildah images --format '{{.Size}}' "$image" | head -1)
say "built $image in $seconds s (buildah bud), size $size"
if is_standin "$image"; then
  say "NOTE: built on a local stand-in of the base image (label io.sinhome.stand-in=true): for tests on this machine; build release images where the real base can be pulled (SINHOME_BASE=pull)"
fi
[ -z "${BUILD_REPORT:-}" ] || printf 'build_seconds=%s\nbase_seconds=%s\nimage=%s\nsize=%s\n' "$seconds" "$base_seconds" "$image" "$size" >"$BUILD_REPORT"
