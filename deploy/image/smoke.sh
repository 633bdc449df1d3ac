#!/usr/bin/env bash
# Smoke test of the mesh image: builds it from deploy/Dockerfile (build.sh), then runs it as Kubernetes
# would — the image's own entrypoint and non-root user, a read-only root with only /tmp writable (as
# deploy/k8s mounts it), host network — with `buildah run --isolation chroot`:
#   - the image holds production code and dependencies only (no tests, fixtures, dev tools, devDependencies);
#   - the all-in-one (the image's default command, writable root as a plain `docker run`) starts, is
#     ready, answers a chat request, drains on SIGTERM and exits 0;
#   - the mesh: the LLM simulator, chat, scoring, media, ops, outcomes and the gateway (their bundles), each in its own container,
#     with the manifests' configuration (mesh.env) pointed at a private nats-server (started here on a
#     free port, so no other test run on the shared NATS sees our subjects), the shared PostgreSQL (a
#     database made for this run and dropped after), Redis and a stand-in OTLP collector: /healthz and
#     /readyz of every process, real requests through the gateway (auth, chat, media round trip through
#     PostgreSQL, scoring, health of everything), then SIGTERM while a chat reply is in flight: the reply
#     still arrives, every process exits 0, and every traced process has exported its spans.
# Every check prints "ok" or "FAIL"; the last line is "smoke: N passed, M failed" (exit 1 on a failure).
# Everything it made (containers, the image, nats-server, database, temp files) is removed at exit; the
# base image (pulled, or the stand-in) and the download cache stay, as a build machine keeps them.
#
# env: TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; only its server is used),
#      TEST_REDIS_URL (redis://127.0.0.1:6379), SMOKE_IMAGE (test this image instead of building one)
# Needs root, buildah, nats-server, psql, curl, bun (to read JSON and pick free ports).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
here=deploy/image
run_id="sinhome-smoke-$$"
work=$(mktemp -d "/tmp/$run_id.XXXXXX")
image=${SMOKE_IMAGE:-localhost/sinhome-smoke/mesh:$$}
built_here=$([ -z "${SMOKE_IMAGE:-}" ] && echo 1 || echo 0)
pg_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
redis_url=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
db_name="sinhome_smoke_$$"
db_url="${pg_url%/*}/$db_name"
api_key="smoke-$$-$RANDOM$RANDOM"

passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$*"; }
expect() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }
section() { printf '\n-- %s\n' "$*"; }
matches() { [[ $1 =~ $2 ]]; }
json() { bun -e "const v = JSON.parse(await Bun.stdin.text()); const r = ($1); console.log(typeof r === 'string' ? r : JSON.stringify(r))" 2>/dev/null; }

# shellcheck source=deploy/image/smoke-lib.sh
source "$here/smoke-lib.sh"
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------------
section "build"
if [ "$built_here" = 1 ]; then
  if BUILD_REPORT="$work/build.report" "$here/build.sh" "$image" >"$work/build.log" 2>&1; then
    ok "image builds from deploy/Dockerfile ($(grep -h '^\[build\] base' "$work/build.log" | sed 's/^\[build\] //'))"
  else
    tail -40 "$work/build.log"; fail "image builds from deploy/Dockerfile"
    printf '\nsmoke: %d passed, %d failed\n' "$passed" "$failed"; exit 1
  fi
fi
size=$(buildah images --format '{{.Size}}' "$image" | head -1)
build_seconds=$(sed -n 's/^build_seconds=//p' "$work/build.report" 2>/dev/null)
base_seconds=$(sed -n 's/^base_seconds=//p' "$work/build.report" 2>/dev/null)
built="built in ${build_seconds:-?} s (buildah bud; base image ready in ${base_seconds:-?} s)"
printf '  image %s: %s, %s\n' "$image" "$size" "$built"

config=$(buildah inspect --type image "$image" | json 'v.OCIv1.config')
user=$(json 'v.User ?? ""' <<<"$config")
mapfile -t entrypoint < <(json '(v.Entrypoint ?? []).join("\n")' <<<"$config")
mapfile -t default_cmd < <(json '(v.Cmd ?? []).join("\n")' <<<"$config")
expect "runs as a numeric non-root user ($user)" matches "$user" '^[1-9][0-9]*(:[0-9]+)?$'
expect "entrypoint is bun, default command the all-in-one (${entrypoint[*]} ${default_cmd[*]})" \
  test "${entrypoint[*]} ${default_cmd[*]}" = "bun all-in-one.ts"

# --- contents -----------------------------------------------------------------------------------
section "contents"
new_container probe
root=$(buildah mount "${containers[probe]}")
expect "no tests, fixtures, benchmarks, deploy/, .ci/ or .git in /app" \
  test -z "$(cd "$root/app" && find . -name node_modules -prune -o \( -name '*.test.ts' -o -name '*.testing.ts' -o -name testing.ts \
    -o -name 'test-*.ts' -o -name bench.ts -o -path ./bench -o -path ./deploy -o -path ./.ci -o -path ./.git \) -print | head -5)"
dev_only=$(bun "$here/dev-only-deps.ts")
present_dev=$(for d in $dev_only; do
  compgen -G "$root/app/node_modules/.bun/${d//\//+}@*" >/dev/null && echo "$d"
  [ -e "$root/app/node_modules/$d" ] && echo "$d"
done | sort -u | tr '\n' ' ')
expect "no devDependency installed (checked: ${dev_only//$'\n'/ })" test -z "$present_dev"
[ -z "$present_dev" ] || echo "        present: $present_dev"
expect "no TypeScript compiler or type packages (peers) in node_modules" \
  test -z "$(find "$root/app/node_modules" -maxdepth 3 \( -name 'typescript@*' -o -name '@types+*' -o -name 'bun-types@*' -o -name tsc \) -print | head -3)"
expect "every file under /app is root's, except the all-in-one's data directory" \
  test "$(cd "$root/app" && find . -not -user 0 -print | tr '\n' ' ')" = "./data "
printf '  /app %s, node_modules %s\n' "$(du -sh --exclude=node_modules "$root/app" | cut -f1)" "$(du -sh "$root/app/node_modules" | cut -f1)"
app_mb=$(du -sm "$root/app" | cut -f1)
# Budget of what the project adds to the base (89 MB when written): a dev tool or a stray data file shows here.
expect "the application adds at most 150 MB to the base image ($app_mb MB)" test "$app_mb" -le 150

# --- all-in-one -----------------------------------------------------------------------------------
section "all-in-one (default command, writable root as in a plain docker run)"
read -r p_aio p_nats p_sim p_gw p_chat p_scoring p_media p_ops p_outcomes p_otlp < <(free_ports 10)
start_proc aio rw -e PORT="$p_aio" -e LOG_LEVEL=info -- "${entrypoint[@]}" "${default_cmd[@]}"
expect "all-in-one /healthz" wait_http "http://127.0.0.1:$p_aio/healthz" 200 120 aio
expect "all-in-one /readyz" wait_http "http://127.0.0.1:$p_aio/readyz" 200 30 aio
chat_v2 "$p_aio" "" >"$work/aio-chat.json"
expect "all-in-one answers POST /v2/personality_chat with a simulator reply" \
  test "$(json 'v.body.backend === "simulator" && v.body.response?.length > 0 && v.status' <"$work/aio-chat.json")" = 200
expect "all-in-one wrote its embedded database under /app/data as the non-root user" \
  test -n "$(find "${roots[aio]}/app/data" -mindepth 1 -user "${user%%:*}" -print -quit)"
report_rss aio
expect "all-in-one exits 0 on SIGTERM" stop_proc aio 60

# --- mesh -------------------------------------------------------------------------------------------
section "mesh (read-only root, /tmp writable; private NATS :$p_nats, PostgreSQL database $db_name, Redis)"
start_nats "$p_nats"
expect "database $db_name created" psql -q -v ON_ERROR_STOP=1 "$pg_url" -c "CREATE DATABASE $db_name"
start_otlp_sink "$p_otlp"
# The manifests' configuration (deploy/k8s/base/config/mesh.env), its in-cluster addresses replaced by
# the local servers; the Secret's keys (GATEWAY_API_KEYS, DATABASE_URL) as the Deployments add them.
declare -A local_url=([NATS_URL]="nats://127.0.0.1:$p_nats" [REDIS_URL]="$redis_url" [VLLM_BASE_URL]="http://127.0.0.1:$p_sim/v1"
  [OTEL_EXPORTER_OTLP_ENDPOINT]="http://127.0.0.1:$p_otlp")
common=() dropped=()
while IFS='=' read -r key value; do
  [[ $key =~ ^[A-Z][A-Z0-9_]*$ ]] || continue
  if [ -n "${local_url[$key]:-}" ]; then value=${local_url[$key]}
  elif [[ $value == *://* ]]; then dropped+=("$key"); continue   # another in-cluster address
  fi
  common+=(-e "$key=$value")
done <deploy/k8s/base/config/mesh.env
common+=(-e DATABASE_URL="$db_url" -e GATEWAY_API_KEYS="$api_key")
printf '        configuration: deploy/k8s/base/config/mesh.env%s, local servers\n' "${dropped[*]:+ without ${dropped[*]}}"
# As the dev overlay runs it: the simulator serves exactly the model name chat is configured with.
model=$(sed -n 's/^VLLM_MODEL_NAME=//p' models_env/qwen2.env)
common+=(-e VLLM_MODEL_NAME="$model")
start_proc sim ro -e PORT="$p_sim" -e SIM_MODELS="$model" -- "${entrypoint[@]}" sim/dist/main.js
# The same set-up as every mesh process, checked from inside: only /tmp takes writes.
start_proc rocheck ro -- sh -c 'sleep 2; for d in / /app /app/data /home/bun /etc /run /var /tmp; do
  touch "$d/.smoke-write" 2>/dev/null && echo "writable $d"; done
  echo "pid=$$ uid=$(id -u) groups=$(id -G)"; grep -E "^(CapEff|CapBnd|NoNewPrivs)" /proc/self/status | tr -d "\t"'
wait_exit rocheck 30 >/dev/null
ro_check=$(tr '\n' ' ' <"$work/rocheck.log")
printf '        %s\n' "$ro_check"
expect "the process's root file system is read-only, only /tmp takes writes" \
  bash -c '[[ $0 == "writable /tmp pid="* ]]' "$ro_check"
expect "the process is PID 1, uid ${user%%:*}, no capabilities, no_new_privs" \
  bash -c '[[ $0 == *"pid=1 uid=$1 groups=$2 CapEff:0000000000000000 CapBnd:0000000000000000 NoNewPrivs:1"* ]]' \
  "$ro_check" "${user%%:*}" "${user#*:}"
# The harness itself: a PID 1 without a SIGTERM handler ignores SIGTERM, as in a pod (so the drain
# checks below would catch a process that relies on the default action).
start_proc pid1check ro -- sleep 120
sleep 1; signal_proc pid1check TERM; sleep 1
expect "harness: a PID 1 without a SIGTERM handler ignores SIGTERM, as in a pod" kill -0 "${brun[pid1check]}"
signal_proc pid1check KILL; wait "${brun[pid1check]}" 2>/dev/null
for svc in chat scoring media ops outcomes; do
  port_var="p_$svc"
  start_proc "$svc" ro "${common[@]}" -e HEALTH_PORT="${!port_var}" -- "${entrypoint[@]}" "services/$svc/dist/main.js"
done
start_proc gateway ro "${common[@]}" -e PORT="$p_gw" -- "${entrypoint[@]}" gateway/dist/main.js
expect "sim /health" wait_http "http://127.0.0.1:$p_sim/health" 200 90 sim
for svc in chat scoring media ops outcomes; do
  port_var="p_$svc"
  expect "$svc /healthz" wait_http "http://127.0.0.1:${!port_var}/healthz" 200 90 "$svc"
  expect "$svc /readyz" wait_http "http://127.0.0.1:${!port_var}/readyz" 200 60 "$svc"
done
expect "gateway /healthz" wait_http "http://127.0.0.1:$p_gw/healthz" 200 90 gateway
expect "gateway /readyz" wait_http "http://127.0.0.1:$p_gw/readyz" 200 60 gateway

gw="http://127.0.0.1:$p_gw"
expect "gateway refuses a request without the API key (401)" \
  test "$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST "$gw/v2/personality_chat" -H 'content-type: application/json' -d '{"message":"x"}')" = 401
chat_v2 "$p_gw" "$api_key" >"$work/mesh-chat.json"
expect "POST /v2/personality_chat through gateway → chat → simulator (vLLM API)" \
  test "$(json 'v.body.backend === "vllm" && v.body.fallback !== true && v.body.response?.length > 0 && v.status' <"$work/mesh-chat.json")" = 200
fan="smoke-fan-$$"
api POST /media/sent "{\"fan_id\":\"$fan\",\"media_id\":\"m1\"}" >/dev/null
expect "POST /media/sent then /media/check_duplicates: the send is stored in PostgreSQL" \
  test "$(api POST /media/check_duplicates "{\"fan_id\":\"$fan\",\"media_ids\":[\"m1\",\"m2\"]}" | json 'v.duplicates.join(",")')" = m1
expect "POST /fan/interest_score answers a score" \
  test "$(api POST /fan/interest_score "{\"fan_id\":\"$fan\",\"purchases\":[]}" | json 'typeof v.score')" = number
health=$(curl -s -m 30 "$gw/monitoring/health")
expect "GET /monitoring/health: not unhealthy ($(json 'v.status' <<<"$health"))" \
  bash -c '[ "$0" = healthy ] || [ "$0" = degraded ]' "$(json 'v.status' <<<"$health")"
for p in sim chat scoring media ops outcomes gateway; do report_rss "$p"; done
# Issue 16: every mesh process idle within 80 MB resident, inside the image (one process per container).
for p in chat scoring media ops outcomes gateway; do
  expect "$p: one process, idle RSS $(rss_mb "$p") MB <= 80 MB" bash -c '[ "$0" -le 80 ] && [ "$1" -eq 1 ]' "$(rss_mb "$p")" "$(tree_pids "$(container_pid "$p")" | wc -w)"
done

section "drain (SIGTERM with a chat reply in flight)"
curl -s -m 60 -o "$work/drain.json" -w '%{http_code}' -X POST "$gw/personality_chat" -H "x-api-key: $api_key" \
  -H 'content-type: application/json' -d '{"message":"Tu fais quoi ce soir ? [[sim:stall=6000]]","persona_data":{"name":"Seline"}}' >"$work/drain.code" &
drain_curl=$!
sleep 2
signal_proc chat TERM; signal_proc gateway TERM
expect "chat exits 0 after SIGTERM" wait_exit chat 60
expect "gateway exits 0 after SIGTERM" wait_exit gateway 60
wait "$drain_curl"
expect "the in-flight reply still arrived (HTTP $(cat "$work/drain.code"))" \
  bash -c '[ "$(cat "$0/drain.code")" = 200 ] && grep -q "\"backend\":\"vllm\"" "$0/drain.json"' "$work"
expect "chat drained with the request in flight (its log: draining, inFlight ≥ 1)" grep -q '"inFlight":[1-9][0-9]*,"msg":"draining"' "$work/chat.log"
for svc in scoring media ops outcomes sim; do expect "$svc exits 0 on SIGTERM" stop_proc "$svc" 60; done
exported=$(sort -u "$work/otlp-services.txt" 2>/dev/null | tr '\n' ' ')
expect "gateway, chat, scoring, media and ops exported their spans to OTEL_EXPORTER_OTLP_ENDPOINT (${exported% })" \
  bash -c 'for s in gateway chat scoring media ops; do grep -qx "$s" "$0" || exit 1; done' "$work/otlp-services.txt"

printf '\n  image %s: %s, %s\n' "$image" "$size" "$built"
printf 'smoke: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
