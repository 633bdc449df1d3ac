# shellcheck shell=bash disable=SC2154
# Helpers of deploy/image/smoke.sh (sourced): containers of the image run with buildah's chroot
# isolation, the processes inside them, probes, requests and the clean-up. Uses the caller's globals:
# work, image, built_here, user, pg_url, db_name, api_key, gw.

declare -A containers=()   # name -> buildah container id
declare -A roots=()        # name -> where that container's root is mounted on the host
declare -A brun=()         # name -> pid of the `buildah run` of that container's process
nats_pid="" otlp_pid=""
buildah_exe=$(readlink -f "$(command -v buildah)")

# A working container of the image, named after the run (only ours are ever removed). Sets REPLY.
new_container() {
  REPLY=$(buildah from --pull=never --name "$run_id-$1" "$image") || return 1
  containers[$1]=$REPLY
}

# start_proc NAME ro|rw [-e K=V ...] -- COMMAND...
# Runs COMMAND (the image's entrypoint and the Deployment's args) in a new container of the image, the
# way the manifests' securityContext has it: PID 1 of its own PID namespace (so a process that ignores
# SIGTERM as PID 1 shows here as in a pod), the image's user, no capabilities, no_new_privs
# (allowPrivilegeEscalation: false); host network. `ro`: read-only root and a writable /tmp (an
# emptyDir), as the manifests mount them; `rw`: a writable root, as a plain `docker run`.
# buildah's chroot isolation has no PID namespace option, so the image's own unshare(1) and setpriv(1)
# (util-linux, in every Debian image) make one and drop to the user; CAP_SYS_ADMIN is added for unshare
# alone, and setpriv clears every capability (bounding set included) before running COMMAND.
start_proc() {
  local name=$1 mode=$2 envs=() vols=() mnt f
  shift 2
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  new_container "$name" || return 1
  mnt=$(buildah mount "${containers[$name]}") || return 1
  roots[$name]=$mnt
  if [ "$mode" = ro ]; then
    mkdir -p "$work/$name-tmp" && chmod 0777 "$work/$name-tmp"   # an emptyDir
    vols=(-v "$work/$name-tmp:/tmp")
    # The mount points buildah binds over (a runtime makes them in the container's own layer, never in
    # the image), then the container's root goes read-only for every process run in it.
    mkdir -p "$mnt/tmp" "$mnt/run" "$mnt/etc"
    for f in run/.containerenv etc/hosts etc/resolv.conf etc/hostname; do [ -e "$mnt/$f" ] || : >"$mnt/$f"; done
    # Read-only for this mount only (not the file system): the process's root is a copy of it made
    # when buildah sets the process up, and keeps the read-only flag for the process's whole life.
    mount -o remount,bind,ro "$mnt" || return 1
  fi
  local uid=${user%%:*} gid=${user#*:} home
  [ "$gid" = "$user" ] && gid=$uid
  home=$(awk -F: -v u="$uid" '$3 == u {print $6}' "$mnt/etc/passwd")
  buildah run --isolation chroot --network host --user 0:0 --cap-add CAP_SYS_ADMIN "${vols[@]}" \
    -e HOME="${home:-/}" "${envs[@]}" "${containers[$name]}" -- \
    unshare --pid --fork --kill-child -- \
    setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- \
    "$@" >"$work/$name.log" 2>&1 &
  brun[$name]=$!
  if [ "$mode" = ro ]; then
    # Once the process runs, the host's mount goes back to read-write: buildah deletes its
    # /run/.containerenv there when the process ends (and crashes, losing the exit status, if it cannot).
    for _ in $(seq 1 600); do container_pid "$name" >/dev/null && break; kill -0 "${brun[$name]}" 2>/dev/null || break; sleep 0.05; done
    mount -o remount,bind,rw "$mnt"
  fi
}

# Host pid of the container's PID 1 (what Kubernetes signals): the child of unshare, the first
# descendant of the `buildah run` that is not buildah itself (its helpers run from memfd copies).
container_pid() {
  local queue=("${brun[$1]}") p c exe
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}; queue=("${queue[@]:1}")
    for c in $(pgrep -P "$p"); do
      exe=$(readlink "/proc/$c/exe" 2>/dev/null)
      if [ -n "$exe" ] && [ "$exe" != "$buildah_exe" ] && [[ $exe != /memfd:buildah* ]]; then
        [[ $exe == */unshare ]] || { echo "$c"; return 0; }
      fi
      queue+=("$c")
    done
  done
  return 1
}

# Pids of a process and all its descendants.
tree_pids() {
  local p
  echo "$1"
  for p in $(pgrep -P "$1"); do tree_pids "$p"; done
}

declare -A signalled_at=()   # name -> $SECONDS-style time (ms) of the last signal sent
now_ms() { echo $(($(date +%s%N) / 1000000)); }
signal_proc() {
  local pid
  pid=$(container_pid "$1") || { echo "        $1: no process to signal"; return 1; }
  signalled_at[$1]=$(now_ms)
  kill "-$2" "$pid"
}

# wait_exit NAME SECONDS: the container's process ends within SECONDS with status 0.
wait_exit() {
  local name=$1 limit=$2 waited=0 rc pid
  while kill -0 "${brun[$name]}" 2>/dev/null && [ "$waited" -lt $((limit * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "${brun[$name]}" 2>/dev/null; then
    echo "        $name still running after ${limit}s; killed"
    pid=$(container_pid "$name") && kill -KILL "$pid"
    wait "${brun[$name]}" 2>/dev/null
    return 1
  fi
  wait "${brun[$name]}"; rc=$?
  if [ -n "${signalled_at[$name]:-}" ]; then
    printf '        %s ended %s ms after SIGTERM, status %s\n' "$name" $(($(now_ms) - signalled_at[$name])) "$rc"
  fi
  [ "$rc" -eq 0 ] || { tail -5 "$work/$name.log" | sed 's/^/        | /'; return 1; }
}

stop_proc() { signal_proc "$1" TERM && wait_exit "$1" "$2"; }

# wait_http URL STATUS SECONDS NAME: URL answers STATUS within SECONDS while NAME's process lives.
wait_http() {
  local url=$1 want=$2 limit=$3 name=$4 code="" start=$SECONDS
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$url")
    if [ "$code" = "$want" ]; then
      [ -z "${ready_at[$name]:-}" ] && ready_at[$name]=$((SECONDS - start))
      return 0
    fi
    kill -0 "${brun[$name]}" 2>/dev/null || { echo "        $name exited:"; tail -8 "$work/$name.log" | sed 's/^/        | /'; return 1; }
    sleep 0.3
  done
  echo "        $url answered ${code:-nothing} (want $want) for ${limit}s:"; tail -8 "$work/$name.log" | sed 's/^/        | /'
  return 1
}
declare -A ready_at=()

# free_ports N: N distinct TCP ports free on 127.0.0.1 right now.
free_ports() {
  bun -e "const s = Array.from({ length: $1 }, () => Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } }));
    console.log(s.map((x) => x.port).join(' ')); for (const x of s) x.stop(true);"
}

start_nats() {
  nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  "$nats_bin" -a 127.0.0.1 -p "$1" -js -sd "$work/nats" >"$work/nats.log" 2>&1 &
  nats_pid=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "        nats-server did not start:"; tail -5 "$work/nats.log"; return 1
}

start_otlp_sink() {
  bun "$here/otlp-sink.ts" "$1" "$work/otlp-services.txt" >"$work/otlp.log" 2>&1 &
  otlp_pid=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "        the OTLP sink did not start:"; tail -5 "$work/otlp.log"; return 1
}

# chat_v2 PORT KEY: {"status": <http status>, "body": <json>} of one v2 reply.
chat_v2() {
  local code
  code=$(curl -s -m 60 -o "$work/chat.body" -w '%{http_code}' -X POST "http://127.0.0.1:$1/v2/personality_chat" \
    ${2:+-H "x-api-key: $2"} -H 'content-type: application/json' \
    -d '{"message":"Salut toi, ça va ?","persona_data":{"name":"Seline","emojis":4}}')
  printf '{"status":%s,"body":%s}\n' "${code:-0}" "$(cat "$work/chat.body" 2>/dev/null || echo null)"
}

# api METHOD PATH [JSON]: the body of one authenticated request through the gateway.
api() {
  curl -s -m 30 -X "$1" "$gw$2" -H "x-api-key: $api_key" -H 'content-type: application/json' ${3:+-d "$3"}
}

# Resident memory of a container's processes, in MB (all of them: there should be one).
rss_mb() {
  local pid kb=0 p
  pid=$(container_pid "$1") || { echo 0; return; }
  for p in $(tree_pids "$pid"); do kb=$((kb + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done
  echo $((kb / 1024))
}

# Resident memory of a container's processes, printed.
report_rss() {
  local pid kb=0 n=0 p
  pid=$(container_pid "$1") || return 0
  for p in $(tree_pids "$pid"); do kb=$((kb + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); n=$((n + 1)); done
  printf '        %-8s ready after %ss, RSS %d MB (%d processes)\n' "$1" "${ready_at[$1]:-?}" $((kb / 1024)) "$n"
}

cleanup() {
  set +e
  local name pid ctr
  for name in "${!brun[@]}"; do
    if kill -0 "${brun[$name]}" 2>/dev/null; then pid=$(container_pid "$name") && kill -KILL "$pid"; fi
  done
  for name in "${!brun[@]}"; do wait "${brun[$name]}" 2>/dev/null; done
  for pid in $nats_pid $otlp_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  for ctr in "${containers[@]}"; do
    buildah umount "$ctr" >/dev/null 2>&1
    buildah rm "$ctr" >/dev/null 2>&1 || echo "  (could not remove container $ctr)"
  done
  if [ "$built_here" = 1 ] && buildah inspect --type image "$image" >/dev/null 2>&1; then
    buildah rmi "$image" >/dev/null 2>&1 || echo "  (could not remove image $image)"
  fi
  psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" >/dev/null 2>&1
  if [ "${SMOKE_KEEP_LOGS:-0}" = 1 ]; then echo "  logs kept in $work"; else rm -rf "$work"; fi
  echo "  cleaned up: ${#containers[@]} containers$([ "$built_here" = 1 ] && echo ", image $image"), nats-server, OTLP sink, database $db_name (kept: base image, $SINHOME_CACHE_NOTE)"
}
SINHOME_CACHE_NOTE="download cache ${SINHOME_IMAGE_CACHE:-/var/cache/sinhome-image}"
