# shellcheck shell=bash
# scripts/pg.sh — provision a private, throwaway-friendly PostgreSQL cluster from the machine's binaries.
#
# Source it (`source scripts/pg.sh`) and call the functions; it sets no shell options of its own.
#
#   pg_ensure_binaries            find initdb/pg_ctl (install the Debian `postgresql` package when missing);
#                                 sets and exports ASSISTANCE_PG_BINDIR.
#   pg_cluster_up <folder> [db]   resolve the folder (falls back to /tmp when the `postgres` user cannot
#                                 reach it), initdb once, start on a free 127.0.0.1 port, wait for
#                                 pg_isready, create database <db> (default `assistance`). Reuses an
#                                 existing cluster (and its stored port when still free). Sets
#                                 PG_CLUSTER_DIR, PG_PORT and PG_CONNECTION_STRING.
#   pg_cluster_down <folder>      pg_ctl stop -m fast (no-op when not running).
#   pg_connection_string <folder> [db]   print the Npgsql connection string of a running cluster.
#
# Folder layout (everything owned by the postgres system user when run as root):
#   <folder>/data/          PGDATA (initdb; trust auth for local socket and 127.0.0.1 only: local dev)
#   <folder>/run/           unix socket directory (-k); /tmp/assistance-pgsock-<hash> when the path is too long
#   <folder>/port           the TCP port the cluster listens on (reused on the next start when free)
#   <folder>/postgres.log   server log
#
# Environment knobs:
#   ASSISTANCE_PG_BINDIR   use these PostgreSQL binaries instead of searching for them.
#   PG_SERVER_OPTIONS      extra server options for pg_cluster_up (e.g. "-c fsync=off -c max_connections=300").
#   PG_QUIET=1             less chatter on stderr.

_pg_log() { [[ "${PG_QUIET:-0}" == 1 ]] || printf 'pg.sh: %s\n' "$*" >&2; }
_pg_die() { printf 'pg.sh: error: %s\n' "$*" >&2; return 1; }

# Run a PostgreSQL server binary as the postgres system user when we are root (initdb/postgres refuse root).
_pg_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    # From / so that the server does not complain when it cannot enter the caller's folder (e.g. /root/...).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Print the highest-version bin folder holding initdb, or nothing.
_pg_find_bindir() {
  local dir
  if [[ -n "${ASSISTANCE_PG_BINDIR:-}" && -x "${ASSISTANCE_PG_BINDIR}/initdb" ]]; then
    printf '%s\n' "$ASSISTANCE_PG_BINDIR"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  fi
  # Debian layout: /usr/lib/postgresql/<major>/bin; pick the highest major.
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    printf '%s\n' "$dir"
    return 0
  fi
  # Other layouts (initdb on PATH).
  dir="$(command -v initdb 2>/dev/null || true)"
  if [[ -n "$dir" ]]; then
    printf '%s\n' "$(dirname "$(readlink -f "$dir")")"
    return 0
  fi
  return 1
}

pg_ensure_binaries() {
  local bindir
  if ! bindir="$(_pg_find_bindir)"; then
    [[ "$(id -u)" == 0 ]] || _pg_die "PostgreSQL server binaries not found and not root: install the 'postgresql' package" || return 1
    command -v apt-get >/dev/null 2>&1 || _pg_die "PostgreSQL server binaries not found and apt-get is unavailable" || return 1
    _pg_log "PostgreSQL binaries not found; installing the Debian 'postgresql' package (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >/dev/null ||
      _pg_die "apt-get update failed" || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql </dev/null >/dev/null ||
      _pg_die "apt-get install postgresql failed" || return 1
    bindir="$(_pg_find_bindir)" || _pg_die "postgresql installed but initdb still not found" || return 1
  fi
  if [[ "$(id -u)" == 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    _pg_die "running as root but there is no 'postgres' system user to run the server as" || return 1
  fi
  export ASSISTANCE_PG_BINDIR="$bindir"
}

# Hand a path to the postgres system user (no-op when not root).
_pg_chown() {
  if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$@"; fi
}

# Absolute physical path of a folder that may not exist yet.
_pg_abs() {
  local p="$1"
  if [[ -d "$p" ]]; then
    (cd "$p" && pwd -P)
  else
    local parent
    parent="$(dirname "$p")"
    if [[ -d "$parent" ]]; then
      printf '%s/%s\n' "$(cd "$parent" && pwd -P)" "$(basename "$p")"
    else
      case "$p" in /*) printf '%s\n' "$p" ;; *) printf '%s/%s\n' "$(pwd -P)" "$p" ;; esac
    fi
  fi
}

# Short, stable hash of a string (for /tmp fallback names).
_pg_hash() { printf '%s' "$1" | cksum | cut -d' ' -f1; }

# Can the server's user create/enter this folder? (root: the postgres user must traverse every parent.)
_pg_owner_can_use() {
  local folder="$1"
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- test -d "$folder" -a -w "$folder" -a -x "$folder" 2>/dev/null
  else
    test -d "$folder" -a -w "$folder" -a -x "$folder"
  fi
}

# Print the folder actually used for a requested cluster folder, creating it and handing it to postgres.
pg_resolve_dir() {
  local want="$1" abs fallback created=0
  abs="$(_pg_abs "$want")"
  if [[ ! -d "$abs" ]] && mkdir -p "$abs" 2>/dev/null; then created=1; fi
  if [[ -d "$abs" ]] && _pg_chown "$abs" 2>/dev/null && _pg_owner_can_use "$abs"; then
    printf '%s\n' "$abs"
    return 0
  fi
  # The postgres user cannot reach it (e.g. the repository lives under /root): use a stable /tmp folder.
  if [[ "$created" == 1 ]]; then rmdir "$abs" 2>/dev/null || true; fi
  fallback="/tmp/assistance-pg-$(_pg_hash "$abs")"
  mkdir -p "$fallback" || _pg_die "cannot create $fallback" || return 1
  _pg_chown "$fallback"
  chmod 0700 "$fallback"
  _pg_log "postgres cannot use $abs; using $fallback instead"
  printf '%s\n' "$fallback"
}

# The folder for the unix socket: <dir>/run unless that path is too long for a socket name (~107 bytes).
_pg_socket_dir() {
  local dir="$1"
  if (( ${#dir} + 24 < 100 )); then
    printf '%s/run\n' "$dir"
  else
    printf '/tmp/assistance-pgsock-%s\n' "$(_pg_hash "$dir")"
  fi
}

# Is something listening on 127.0.0.1:<port>?
_pg_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Print a TCP port that is free right now.
_pg_free_port() {
  local port i
  if command -v python3 >/dev/null 2>&1; then
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)"
    if [[ -n "$port" ]] && ! _pg_port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  fi
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 40000))
    if ! _pg_port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  _pg_die "no free TCP port found"
}

_pg_is_running() {
  local dir="$1"
  [[ -f "$dir/data/PG_VERSION" ]] || return 1
  _pg_as_owner "$ASSISTANCE_PG_BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

# initdb once (reused when <dir>/data already holds a cluster).
_pg_init() {
  local dir="$1" have want
  if [[ -f "$dir/data/PG_VERSION" ]]; then
    have="$(cat "$dir/data/PG_VERSION")"
    want="$("$ASSISTANCE_PG_BINDIR/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
    if [[ "$have" != "$want" ]]; then
      if [[ -x "/usr/lib/postgresql/$have/bin/initdb" ]]; then
        export ASSISTANCE_PG_BINDIR="/usr/lib/postgresql/$have/bin"
      else
        _pg_die "$dir/data was created by PostgreSQL $have but only $want is installed; delete $dir to start over" || return 1
      fi
    fi
    _pg_log "reusing cluster $dir/data (PostgreSQL $have)"
    return 0
  fi
  _pg_log "initdb $dir/data"
  mkdir -p "$dir/data"
  _pg_chown "$dir/data"
  chmod 0700 "$dir/data"
  # Trust auth for the unix socket and 127.0.0.1/::1 only: a private local development cluster.
  _pg_as_owner "$ASSISTANCE_PG_BINDIR/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    _pg_die "initdb failed"
    return 1
  }
}

pg_connection_string() {
  local dir="$1" db="${2:-assistance}" port
  port="$(cat "$dir/port")"
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres\n' "$port" "$db"
}

pg_cluster_up() {
  local want="$1" db="${2:-assistance}" dir sockdir port attempt
  pg_ensure_binaries || return 1
  dir="$(pg_resolve_dir "$want")" || return 1
  _pg_init "$dir" || return 1
  sockdir="$(_pg_socket_dir "$dir")"
  mkdir -p "$sockdir"
  _pg_chown "$sockdir"
  chmod 0700 "$sockdir"

  if _pg_is_running "$dir" && [[ -f "$dir/port" ]]; then
    port="$(cat "$dir/port")"
    _pg_log "cluster already running on 127.0.0.1:$port"
  else
    for attempt in 1 2 3 4 5; do
      port=""
      if [[ -f "$dir/port" ]]; then
        port="$(cat "$dir/port")"
        if _pg_port_in_use "$port"; then port=""; fi
      fi
      [[ -n "$port" ]] || port="$(_pg_free_port)" || return 1
      printf '%s\n' "$port" >"$dir/port"
      touch "$dir/postgres.log"
      _pg_chown "$dir/port" "$dir/postgres.log"
      _pg_log "starting PostgreSQL on 127.0.0.1:$port"
      if _pg_as_owner "$ASSISTANCE_PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $sockdir ${PG_SERVER_OPTIONS:-}" start >/dev/null; then
        break
      fi
      _pg_log "start attempt $attempt failed (port taken?); last log lines:"
      tail -n 5 "$dir/postgres.log" >&2 || true
      rm -f "$dir/port"
      [[ "$attempt" == 5 ]] && { _pg_die "could not start PostgreSQL in $dir"; return 1; }
    done
  fi

  local i
  for ((i = 0; i < 120; i++)); do
    if "$ASSISTANCE_PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres; then
      break
    fi
    sleep 0.5
  done
  "$ASSISTANCE_PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres ||
    _pg_die "PostgreSQL on port $port is not ready" || return 1

  if [[ "$("$ASSISTANCE_PG_BINDIR/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XtAq \
    -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
    _pg_log "creating database $db"
    "$ASSISTANCE_PG_BINDIR/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" || _pg_die "createdb $db failed" || return 1
  fi

  PG_CLUSTER_DIR="$dir"
  PG_PORT="$port"
  PG_CONNECTION_STRING="$(pg_connection_string "$dir" "$db")"
  export PG_CLUSTER_DIR PG_PORT PG_CONNECTION_STRING
}

pg_cluster_down() {
  local want="$1" dir
  [[ -n "${ASSISTANCE_PG_BINDIR:-}" ]] || ASSISTANCE_PG_BINDIR="$(_pg_find_bindir)" || return 0
  dir="$(_pg_abs "$want")"
  # The /tmp fallback used when postgres could not reach the requested folder.
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    local fallback
    fallback="/tmp/assistance-pg-$(_pg_hash "$dir")"
    [[ -f "$fallback/data/PG_VERSION" ]] && dir="$fallback"
  fi
  if _pg_is_running "$dir"; then
    _pg_log "stopping PostgreSQL in $dir"
    _pg_as_owner "$ASSISTANCE_PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  fi
}
