#!/usr/bin/env bash
# Feeds over HTTP: `adopt publish`, and every command reading a feed URL served by a real
# nginx on loopback (started here on a free port with its own config, stopped on exit).
# Prints 'N passed, N failed'.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup feed "$@"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then echo "nginx not installed (apt-get install nginx)"; fail "nginx available"; finish; fi

# A free port on loopback.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
TLS_PORT=$(free_port)
WWW=$WORK/www
# A CA and a certificate for 127.0.0.1 it signed, for HTTPS with --ca-file.
mkdir -p "$WORK/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=adopt test CA" -keyout "$WORK/tls/ca.key" -out "$WORK/tls/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$WORK/tls/server.key" -out "$WORK/tls/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' >"$WORK/tls/ext"
openssl x509 -req -in "$WORK/tls/server.csr" -CA "$WORK/tls/ca.pem" -CAkey "$WORK/tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$WORK/tls/ext" -out "$WORK/tls/server.pem" 2>/dev/null
# nginx's workers run as an unprivileged user: the served tree must be readable by all.
chmod 755 "$WORK"
mkdir -p "$WWW" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    log_format feed '\$status \$body_bytes_sent \$request_method \$uri \$host "\$http_authorization"';
    access_log $WORK/nginx/access.log feed;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    gzip on;
    gzip_types application/json;
    gzip_min_length 256;
    server {
        listen 127.0.0.1:$PORT;
        root $WWW;
        etag on;
        location /feed/ { add_header Cache-Control "no-cache"; }
        location = /err500/index.json { return 500; }
        location /private/ {
            if (\$http_authorization != "Bearer s3cret") { return 401; }
            alias $WWW/feed/;
        }
        location = /elsewhere/index.json { return 302 http://127.0.0.2:$PORT/feed/index.json; }
        location /moved/ { rewrite ^/moved/(.*)\$ /feed/\$1 permanent; }
    }
    server {
        listen 127.0.0.2:$PORT;
        root $WWW;
    }
    server {
        listen 127.0.0.1:$TLS_PORT ssl;
        ssl_certificate $WORK/tls/server.pem;
        ssl_certificate_key $WORK/tls/server.key;
        root $WWW;
        location = /down/index.json { return 302 http://127.0.0.1:$PORT/feed/index.json; }
    }
}
CONF
nginx_start() { "$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>>"$WORK/nginx/start.log"; }
nginx_stop() { [ -s "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null; sleep 0.3; rm -f "$WORK/nginx/nginx.pid"; }
cleanup_all() { nginx_stop; [ -n "${STALL_PID:-}" ] && kill "$STALL_PID" 2>/dev/null; e2e_cleanup; }
trap cleanup_all EXIT
nginx_start
nginx_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/none")" = 404 ]; }
check "nginx started on 127.0.0.1:$PORT" wait_until 5 nginx_up
URL="http://127.0.0.1:$PORT/feed/"
CACHE=$WORK/cache
A=(--cache-dir "$CACHE")

# --- publish ---
FEED=$WWW/feed
mkdir -p "$FEED/tours"
cp "$REPO"/Data/*.json "$FEED/"
cp "$REPO"/Data/tours/*.json "$FEED/tours/"
"$BIN" publish "$FEED" >"$WORK/publish.out" 2>"$WORK/publish.err"; code=$?
check "publish: exit 0 ($code)" [ "$code" -eq 0 ]
check "publish: index.json written" [ -s "$FEED/index.json" ]
check "publish: index lists every shipped snapshot" [ "$(jq '.snapshots | length' "$FEED/index.json")" -eq "$(ls "$REPO"/Data/*.json | wc -l)" ]
check "publish: index lists the tours" [ "$(jq '.tours | length' "$FEED/index.json")" -eq "$(ls "$REPO"/Data/tours/*.json | wc -l)" ]
check "publish: sha256 matches sha256sum" [ "$(jq -r '.snapshots[0].sha256' "$FEED/index.json")" = "$(sha256sum "$FEED/$(jq -r '.snapshots[0].file' "$FEED/index.json")" | cut -c1-64)" ]
py=python3; $py -c "import jsonschema" 2>/dev/null || py=/usr/bin/python3
check "publish: index valid against Data/schema/feed.schema.json" $py "$REPO/Scripts/check-schema.py" --feed "$FEED/index.json"
check "publish: no temp file left" [ -z "$(ls -A "$FEED" | grep '^\.')" ]
# The published directory still opens as a directory (index.json is not a snapshot).
"$BIN" validate "$FEED" >/dev/null 2>&1; code=$?
check "validate DIR with index.json in it: exit 0 ($code)" [ "$code" -eq 0 ]

# A broken newest file: non-zero, named, the index lists only valid files.
BROKEN=$WORK/broken
mkdir -p "$BROKEN"; cp "$REPO"/Data/*.json "$BROKEN/"
printf '{"format":"adopt.snapshot","version":1,"asOf":"2027-01-01","deployments":[{"id":' >"$BROKEN/2027-01-01.json"
"$BIN" publish "$BROKEN" >/dev/null 2>"$WORK/broken.err"; code=$?
check "publish, newest invalid: exit 1 ($code)" [ "$code" -eq 1 ]
check "publish, newest invalid: stderr names the file" grep -q "2027-01-01.json is invalid" "$WORK/broken.err"
check "publish, newest invalid: the index leaves it out" [ "$(jq '[.snapshots[].file] | index("2027-01-01.json")' "$BROKEN/index.json")" = null ]

# --- reading: export URL = export DIR ---
"$BIN" export "$FEED" >"$WORK/export-dir.csv" 2>/dev/null
"$BIN" export "$URL" "${A[@]}" >"$WORK/export-url.csv" 2>"$WORK/export-url.err"; code=$?
check "export URL: exit 0 ($code)" [ "$code" -eq 0 ]; [ "$code" -eq 0 ] || head -5 "$WORK/export-url.err"
check "export URL gives exactly what export DIR gives" cmp -s "$WORK/export-dir.csv" "$WORK/export-url.csv"
"$BIN" export --deployments --format json "$FEED" >"$WORK/dep-dir.json" 2>/dev/null
"$BIN" export --deployments --format json "$URL" "${A[@]}" >"$WORK/dep-url.json" 2>/dev/null
check "export --deployments URL = DIR (JSON)" cmp -s "$WORK/dep-dir.json" "$WORK/dep-url.json"
"$BIN" export "${URL}index.json" "${A[@]}" >"$WORK/export-index.csv" 2>/dev/null
check "export URL/index.json = export DIR" cmp -s "$WORK/export-dir.csv" "$WORK/export-index.csv"
"$BIN" validate "$URL" "${A[@]}" >/dev/null 2>&1; code=$?
check "validate URL: exit 0 ($code)" [ "$code" -eq 0 ]
"$BIN" dump screen "$URL" "${A[@]}" --width 100 --height 30 >"$WORK/dump.txt" 2>/dev/null; code=$?
check "dump screen URL: exit 0 ($code)" [ "$code" -eq 0 ]
FEEDCACHE=$(ls -d "$CACHE"/*/ | head -1)
check "cache holds the snapshots and tours" [ "$(ls "$FEEDCACHE"*.json | grep -vc index.json)" -eq "$(ls "$REPO"/Data/*.json | wc -l)" ] && [ -n "$(ls "$FEEDCACHE/tours")" ]
# Conditional polls: the second export asks with If-None-Match and fetches no snapshot again.
before=$(grep -c '^200 .* GET /feed/20' "$WORK/nginx/access.log")
"$BIN" export "$URL" "${A[@]}" >/dev/null 2>&1
after=$(grep -c '^200 .* GET /feed/20' "$WORK/nginx/access.log")
check "second read: no snapshot downloaded again ($before -> $after)" [ "$before" -eq "$after" ]
check "second read: the index answered 304" grep -q '^304 .* /feed/index.json' "$WORK/nginx/access.log"
check "gzip: nginx compressed the index for adopt" grep -q 'gzip' <(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "${URL}index.json")
# A redirect is followed.
"$BIN" export "http://127.0.0.1:$PORT/moved/" --cache-dir "$WORK/cache-moved" >"$WORK/export-moved.csv" 2>"$WORK/moved.err"; code=$?; [ "$code" -eq 0 ] || head -3 "$WORK/moved.err"
check "redirect 301 followed: exit $code, same export" cmp -s "$WORK/export-dir.csv" "$WORK/export-moved.csv"

# HTTPS: the system's trust store alone refuses the test CA; --ca-file adds it.
TLS_URL="https://127.0.0.1:$TLS_PORT/feed/"
"$BIN" export "$TLS_URL" --cache-dir "$WORK/cache-tls0" >/dev/null 2>"$WORK/tls0.err"; code=$?
check "https, unknown CA: refused, exit 1 ($code)" [ "$code" -eq 1 ] && grep -q "127.0.0.1:$TLS_PORT/feed/index.json:.*TLS" "$WORK/tls0.err"
"$BIN" export "$TLS_URL" --cache-dir "$WORK/cache-tls" --ca-file "$WORK/tls/ca.pem" >"$WORK/export-tls.csv" 2>/dev/null; code=$?
check "https with --ca-file: exit 0 ($code), same export as the directory" cmp -s "$WORK/export-dir.csv" "$WORK/export-tls.csv"
"$BIN" export "https://127.0.0.1:$TLS_PORT/down/" --cache-dir "$WORK/cache-down" --ca-file "$WORK/tls/ca.pem" >/dev/null 2>"$WORK/down.err"; code=$?
check "redirect from HTTPS to HTTP: refused ($code)" grep -q "redirect from HTTPS to HTTP refused" "$WORK/down.err"
# A bearer token from ADOPT_FEED_TOKEN: sent to the feed's host, never shown, never across hosts.
"$BIN" export "http://127.0.0.1:$PORT/private/" --cache-dir "$WORK/cache-p0" >/dev/null 2>"$WORK/p0.err"; code=$?
check "token missing: 401 named ($code)" grep -q "private/index.json:.*HTTP 401" "$WORK/p0.err"
ADOPT_FEED_TOKEN=s3cret "$BIN" export "http://127.0.0.1:$PORT/private/" --cache-dir "$WORK/cache-p" >"$WORK/export-p.csv" 2>"$WORK/p.err"; code=$?
check "token from ADOPT_FEED_TOKEN: exit 0 ($code), same export" cmp -s "$WORK/export-dir.csv" "$WORK/export-p.csv"
ADOPT_FEED_TOKEN=s3cret "$BIN" export "http://127.0.0.1:$PORT/elsewhere/" --cache-dir "$WORK/cache-e" >/dev/null 2>"$WORK/e.err"
check "token not sent across a redirect to another host" grep -q '^200 .* /feed/index.json 127.0.0.2 "-"' "$WORK/nginx/access.log"
check "token never shown" [ -z "$(cat "$WORK/p0.err" "$WORK/p.err" "$WORK/e.err" | grep s3cret)" ]
"$BIN" export "http://ann:pa55word@127.0.0.1:$PORT/err500/" --cache-dir "$WORK/cache-cred" >/dev/null 2>"$WORK/cred.err"
check "credentials in a URL never shown" [ -z "$(grep pa55word "$WORK/cred.err")" ] && grep -q "err500/index.json" "$WORK/cred.err"

# --- failures keep the last good data ---
newest=$(jq -r '.snapshots | max_by(.asOf) | .file' "$FEED/index.json")
cp "$FEED/index.json" "$WORK/index.good"
# Checksum mismatch: the server's file changes, the index does not.
cp "$FEED/$newest" "$WORK/newest.good"
jq '.title = "changed after publishing"' "$WORK/newest.good" >"$FEED/$newest"
jq --arg f "$newest" --argjson n "$(stat -c %s "$FEED/$newest")" '(.snapshots[] | select(.file == $f)) |= (.size = $n | .sha256 = "'"$(printf c%.0s {1..64})"'")' "$WORK/index.good" >"$FEED/index.json"
"$BIN" export "$URL" "${A[@]}" >"$WORK/export-bad.csv" 2>"$WORK/export-bad.err"; code=$?
check "checksum mismatch: exit 3 ($code)" [ "$code" -eq 3 ]
check "checksum mismatch: problem names the URL" grep -q "${URL}$newest:.*SHA-256" "$WORK/export-bad.err"
check "checksum mismatch: the last good data kept" cmp -s "$WORK/export-dir.csv" "$WORK/export-bad.csv"
check "checksum mismatch: cached file unchanged" cmp -s "$WORK/newest.good" "$FEEDCACHE$newest"
# A truncated body (shorter than the index says).
head -c 500 "$WORK/newest.good" >"$FEED/$newest"
jq --arg f "$newest" '(.snapshots[] | select(.file == $f) | .sha256) = "'"$(printf 0%.0s {1..64})"'"' "$WORK/index.good" >"$FEED/index.json"
"$BIN" export "$URL" "${A[@]}" >"$WORK/export-trunc.csv" 2>"$WORK/export-trunc.err"; code=$?
check "truncated body: exit 3 ($code), the URL named" grep -q "${URL}$newest:.*got 500 bytes" "$WORK/export-trunc.err"
check "truncated body: the last good data kept" cmp -s "$WORK/export-dir.csv" "$WORK/export-trunc.csv"
cp "$WORK/newest.good" "$FEED/$newest"; cp "$WORK/index.good" "$FEED/index.json"
# 404: the index names a file the server does not have.
jq '.snapshots += [{"file": "2026-02-28.json", "asOf": "2026-02-28", "size": 10, "sha256": "'"$(printf a%.0s {1..64})"'"}]' "$WORK/index.good" >"$FEED/index.json"
"$BIN" export "$URL" "${A[@]}" >"$WORK/export-404.csv" 2>"$WORK/export-404.err"; code=$?
check "404: exit 3 ($code), URL and status named" grep -q "${URL}2026-02-28.json:.*HTTP 404" "$WORK/export-404.err"
check "404: the last good data kept" cmp -s "$WORK/export-dir.csv" "$WORK/export-404.csv"
cp "$WORK/index.good" "$FEED/index.json"
# 500 on the index, no cache: nothing to show, exit 1, URL and status named.
"$BIN" export "http://127.0.0.1:$PORT/err500/" --cache-dir "$WORK/cache500" >/dev/null 2>"$WORK/export-500.err"; code=$?
check "500: exit 1 with no cache ($code)" [ "$code" -eq 1 ]
check "500: URL and status named" grep -q "http://127.0.0.1:$PORT/err500/index.json:.*HTTP 500" "$WORK/export-500.err"
# An index naming ../outside.json: rejected, nothing written outside the cache.
mkdir -p "$WWW/evil"
jq '.snapshots = [{"file": "../outside.json", "asOf": "2026-01-31", "size": 10, "sha256": "'"$(printf b%.0s {1..64})"'"}]' "$WORK/index.good" >"$WWW/evil/index.json"
echo '{}' >"$WWW/outside.json"
"$BIN" export "http://127.0.0.1:$PORT/evil/" --cache-dir "$WORK/cache-evil" >/dev/null 2>"$WORK/evil.err"; code=$?
check "index naming ../outside.json: rejected ($code)" grep -q "not a plain file name" "$WORK/evil.err"
check "index naming ../outside.json: nothing written outside the cache" [ ! -e "$WORK/outside.json" ] && [ -z "$(find "$WORK/cache-evil" -name 'outside.json')" ]
check "index naming ../outside.json: never requested" [ -z "$(grep 'outside' "$WORK/nginx/access.log")" ]
# A server that accepts and never answers: given up after --timeout, named.
STALL_PORT=$(free_port)
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $STALL_PORT)); s.listen(16)
conns = []
end = time.time() + 120
while time.time() < end:
    s.settimeout(1)
    try: conns.append(s.accept()[0])
    except OSError: pass
" & STALL_PID=$!
sleep 0.5
t0=$(now_ms)
"$BIN" export "http://127.0.0.1:$STALL_PORT/" --cache-dir "$WORK/cache-stall" --timeout 1 >/dev/null 2>"$WORK/stall.err"; code=$?
t1=$(now_ms)
check "stalled server: exit 1 ($code) after $((t1 - t0)) ms (timeout 1 s, retries)" [ "$code" -eq 1 ] && [ $((t1 - t0)) -lt 30000 ]
check "stalled server: named as stalled" grep -q "http://127.0.0.1:$STALL_PORT/index.json:.*no answer: the transfer stalled" "$WORK/stall.err"
kill "$STALL_PID" 2>/dev/null; STALL_PID=""
# Stopped server, cache present: the cached figures, exit 3; --allow-fallback 0.
nginx_stop
"$BIN" export "$URL" "${A[@]}" >"$WORK/export-off.csv" 2>"$WORK/export-off.err"; code=$?
check "server stopped: exit 3 ($code)" [ "$code" -eq 3 ]
check "server stopped: connection refused named with the URL" grep -q "${URL}index.json:.*no answer: connection refused" "$WORK/export-off.err"
check "server stopped: cached figures printed" cmp -s "$WORK/export-dir.csv" "$WORK/export-off.csv"
"$BIN" export "$URL" "${A[@]}" --allow-fallback >/dev/null 2>&1; code=$?
check "server stopped, --allow-fallback: exit 0 ($code)" [ "$code" -eq 0 ]

# --- the dashboard on the URL ---
# Restart with the server stopped: the cached data, marked offline.
start off 120 30 -- "$URL" --cache-dir "$CACHE" --poll 1s
started off 30
check "offline start: status bar says feed offline" wait_until 5 status_has off "feed offline"
key off '!'
check "offline start: the problem is listed with the URL" wait_until 3 shows off "127.0.0.1:$PORT/feed/index.json"
key off Escape
nginx_start
t0=$(now_ms)
if wait_until 15 status_has off "feed live"; then
    pass "server back: the status bar says feed live after $(( $(now_ms) - t0 )) ms (poll 1 s, connect timeout 5 s)"
else
    fail "server back: the status bar says feed live within 15 s"; status_line off
fi
key off q
ended off 0

# Live: publish a snapshot with a deployment in a province that had none; the count changes.
start live 160 40 -- "$URL" --cache-dir "$CACHE" --poll 1s
started live 40
provinces_before=$(status_line live | grep -oE '[0-9]+ provinces' | grep -oE '[0-9]+')
check "live: status bar says feed live" wait_until 3 status_has live "feed live"
jq '.asOf = "2026-02-15" | .deployments += [(.deployments[0] | .id = "e2e-feed-xining" | .region = "630100" | .organization = "Xining e2e test office")]' \
    "$REPO/Data/2026-01-31.json" >"$FEED/2026-02-15.json"
"$BIN" publish "$FEED" >/dev/null 2>&1
t0=$(now_ms)
if wait_until 3 status_has live "$((provinces_before + 1)) provinces"; then
    pass "live: provinces $provinces_before -> $((provinces_before + 1)) within 3 s of publishing ($(( $(now_ms) - t0 )) ms), no key"
else
    fail "live: provinces $provinces_before -> $((provinces_before + 1)) within 3 s of publishing"; status_line live
fi
key live q
ended live 0

# A tour published in the feed's tours/, named by --tour.
start tour 120 30 -- "$URL" --cache-dir "$CACHE" --tour early-2025.tour.json
check "--tour NAME from the feed: presentation mode up" wait_until 15 shows tour "Space play"
key tour q
ended tour 0

# --- load: 200 clients polling one nginx every second for 30 s ---
BENCH=$(dirname "$BIN")/adopt-bench
if [ -x "$BENCH" ]; then
    : >"$WORK/nginx/access.log"
    "$BENCH" --feed-load "$URL" 200 30 >"$WORK/load.out" 2>&1; code=$?
    note "$(tr '\n' ' ' <"$WORK/load.out")"
    check "load: every client synced without a problem (exit $code)" [ "$code" -eq 0 ]
    LOG=$WORK/nginx/access.log
    total=$(wc -l <"$LOG")
    index_200=$(grep -c '^200 .* /feed/index.json' "$LOG")
    index_304=$(grep -c '^304 .* /feed/index.json' "$LOG")
    files_200=$(grep '^200 ' "$LOG" | grep -vc '/feed/index.json')
    bytes=$(awk '{b += $2} END {print b + 0}' "$LOG")
    index_bytes_304=$(grep '^304 .* /feed/index.json' "$LOG" | awk '{b += $2} END {print b + 0}')
    twice=$(grep '^200 ' "$LOG" | grep -v '/feed/index.json' | awk '{print $4}' | sort | uniq -c | awk '$1 > 200' | wc -l)
    note "nginx access log: $total requests in 30 s; index.json 200: $index_200, 304: $index_304 ($index_bytes_304 body bytes); snapshot and tour downloads: $files_200; body bytes in all: $bytes"
    check "load: each client downloaded the index once, then 304s ($index_200 answered 200 for 200 clients)" [ "$index_200" -le 200 ] && [ "$index_304" -gt $((200 * 25)) ]
    files=$(jq '.snapshots + .tours | length' "$FEED/index.json")
    check "load: no file fetched twice by a client ($files_200 downloads = 200 x $files files; $twice files over 200)" [ "$files_200" -eq $((200 * files)) ] && [ "$twice" -eq 0 ]
fi

finish
