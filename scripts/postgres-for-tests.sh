#!/usr/bin/env bash
# Starts the local PostgreSQL (Debian's postgresql package) on 127.0.0.1 for the server's
# PostgreSQL test project, makes sure the test role exists, and prints the URL the tests use:
#   export LOKET_TEST_POSTGRES_URL=$(scripts/postgres-for-tests.sh)
# The role may only log in and create databases; each test file makes and drops its own.
# Exits 3 without output when PostgreSQL is not installed. Run as root or as a user who may
# `sudo -u postgres`. Only the URL goes to stdout; everything the PostgreSQL tools say goes to
# stderr. Leaves the server running (it is cheap to keep and quick to reuse).
set -euo pipefail

ROLE=loket_test
PASSWORD=loket_test

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "PostgreSQL is not installed (Debian: apt-get install -y postgresql)." >&2
  exit 3
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then
    "$@"
  else
    sudo -n -u postgres -- "$@"
  fi
}

# The newest installed version's cluster; Debian makes `main` on install, else make it here.
newest_cluster() { pg_lsclusters --no-header | sort -V -k1,1 | tail -n 1; }
if [ -z "$(newest_cluster)" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then
    pg_createcluster "$version" main >&2
  else
    sudo -n pg_createcluster "$version" main >&2
  fi
fi
read -r version cluster port status _ <<<"$(newest_cluster)"

if [ "$status" != online ]; then
  # pg_ctlcluster run by root starts the server as the cluster's owner; postgres refuses root.
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster "$version" "$cluster" start >&2
  else
    as_postgres pg_ctlcluster "$version" "$cluster" start >&2
  fi
fi

as_postgres psql --quiet --no-psqlrc --port "$port" --dbname postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
-- Test data need not survive a crash: commit without waiting for the disk.
ALTER ROLE $ROLE SET synchronous_commit = off;
SQL

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$port/postgres"
