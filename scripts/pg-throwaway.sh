#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benches (docs/server.md, "Testing against PostgreSQL").
#
#   eval "$(scripts/pg-throwaway.sh start)"   # prints `export PG_URL=… PG_THROWAWAY_DIR=…`
#   npm run test:node
#   scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"
#
# The cluster lives in a temp dir, listens on 127.0.0.1 at a free port (and a socket in that dir),
# trusts local connections and is deleted on stop. When run as root it runs as an unprivileged
# user (PG_USER, default `postgres`), since PostgreSQL refuses to run as root. Under CI=true, as root,
# Debian's `postgresql` is installed when no initdb is found.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

start() {
  local bin
  bin="$(find_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "${CI:-}" = "true" ] && [ "$(id -u)" = "0" ]; then
      echo "pg-throwaway: no PostgreSQL found: installing Debian's postgresql" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql </dev/null >&2
      bin="$(find_bin)"
    else
      echo "pg-throwaway: no initdb found; install PostgreSQL or set PG_BIN" >&2
      exit 1
    fi
  fi

  local dir port user run
  dir="$(mktemp -d /tmp/pg-throwaway.XXXXXX)"
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  run=()
  if [ "$(id -u)" = "0" ]; then
    user="${PG_USER:-postgres}"
    chown "$user" "$dir"
    run=(runuser -u "$user" --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U dash -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "export PG_URL=postgres://dash@127.0.0.1:$port/postgres PG_THROWAWAY_DIR=$dir PG_THROWAWAY_BIN=$bin"
}

stop() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}" bin="${PG_THROWAWAY_BIN:-$(find_bin)}"
  case "$dir" in /tmp/pg-throwaway.*) ;; *) echo "pg-throwaway: stop needs the dir start printed" >&2; exit 1 ;; esac
  [ -d "$dir/data" ] || { rm -rf "$dir"; return; }
  if [ "$(id -u)" = "0" ]; then
    runuser -u "${PG_USER:-postgres}" -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
