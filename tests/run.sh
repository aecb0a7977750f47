#!/usr/bin/env bash
# The whole test suite: dependency rules, type-check, build the client (browser tests use it),
# then every Vitest project (server + workers, client, browser journeys)
# against the machine's real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_ok() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_ok() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! pg_ok; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_ok && break; sleep 1; done
fi
if ! redis_ok; then
  echo "Redis is not answering on 127.0.0.1:6379: starting it"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_ok && break; sleep 0.5; done
fi

# Per-file databases left by interrupted runs (those nobody is connected to).
psql -h 127.0.0.1 -U postgres -Atc "select datname from pg_database d where (datname like 'ep\_t\_%' or datname like 'ep\_build\_%') and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)" postgres \
  | while read -r db; do psql -h 127.0.0.1 -U postgres -qc "drop database if exists \"$db\" with (force)" postgres; done

# The documented patch of postgres.js (patches/): applied again here in case
# install scripts did not run (npm ci --ignore-scripts); it refuses to go on if it no longer applies.
npx patch-package --error-on-fail
# Layer rules and import cycles (.dependency-cruiser.cjs), then types.
npm run --silent lint:deps
npx tsc --noEmit
npx vite build --logLevel warn
npx vitest run "$@"
