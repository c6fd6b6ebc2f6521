#!/bin/sh
# A throw-away PostgreSQL cluster for the tests of the shared repository.
# Usage: scripts/pg-cluster.sh start DIR | stop DIR
#   start: initdb in DIR/data (scram-sha-256 for every connection, a random password for the
#          superuser gemba_admin), the server listening only on the Unix socket in DIR/socket,
#          and the connection URL written to DIR/url. As root, the cluster belongs to an
#          unprivileged user (postgres, else nobody), since PostgreSQL refuses to run as root.
#          Where PostgreSQL is not installed, DIR/unavailable says why and the tests that need
#          the server report themselves skipped.
#   stop:  stops the server and removes DIR.
set -eu

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir=$(pg_config --bindir)
else
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
    done
fi

owner=""
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi
as_owner() {
    if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ -z "$bindir" ]; then
        echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed;" \
            "scripts/install-deps.sh test installs Debian's postgresql" >"$dir/unavailable"
        cat "$dir/unavailable" >&2
        exit 0
    fi
    mkdir -p "$dir/data" "$dir/socket"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/password"
    [ -n "$owner" ] && chown -R "$owner" "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U gemba_admin --pwfile="$dir/password" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir/socket -c fsync=off -c max_connections=60" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "postgresql://gemba_admin:$password@/postgres?host=$dir/socket" >"$dir/url"
    echo "PostgreSQL test cluster running, socket in $dir/socket"
    ;;
stop)
    if [ -n "$bindir" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
