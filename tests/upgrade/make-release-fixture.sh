#!/usr/bin/env bash
# Makes the upgrade-test fixture of a release (run when a release is cut; see README.md here).
#   bash tests/upgrade/make-release-fixture.sh <release-version> <commit>
# Checks the release out in a temporary worktree, fills an empty PostgreSQL database with that
# release's own code (tests/upgrade/make-release-fixture.ts), and dumps the data as INSERTs.
set -euo pipefail
version="$1"; commit="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; db="acompana_fixture_$$"
admin="${ACOMPANA_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
key="$(printf 'acompana upgrade-test fixture, synthetic data only' | sha256sum | cut -c1-64)"
trap 'git -C "$root" worktree remove --force "$work/rel" || true; psql "$admin" -qc "DROP DATABASE IF EXISTS $db" || true; rm -rf "$work"' EXIT

git -C "$root" worktree add -q "$work/rel" "$commit"
mkdir -p "$work/rel/tests/upgrade" && cp "$root/tests/upgrade/make-release-fixture.ts" "$work/rel/tests/upgrade/"
(cd "$work/rel" && npm ci --no-audit --no-fund >/dev/null)
psql "$admin" -qc "CREATE DATABASE $db"
url="${admin%/*}/$db"
(cd "$work/rel" && DATABASE_URL="$url" ACOMPANA_MASTER_KEY="$key" ACOMPANA_DATA_DIR="$work/data" node --import tsx tests/upgrade/make-release-fixture.ts)
pg_dump "$url" --data-only --inserts --rows-per-insert=50 --no-owner --no-privileges \
  --exclude-table=schema_migrations --exclude-table-data=sessions -f "$work/dump.sql"
python3 - "$work/dump.sql" "$root" "$version" "$commit" "$key" "$work/rel/db/migrations" <<'PY'
import hashlib, json, os, re, sys
dump, root, version, commit, key, migrations = sys.argv[1:]
s = open(dump).read()
stmts = re.findall(r'^INSERT INTO .*?\);\n(?=\n|--|\Z|INSERT)', s, flags=re.S | re.M)
head = f"""-- Upgrade-test fixture: the data of a populated Acompaña {version} instance,
-- made by tests/upgrade/make-release-fixture.sh at commit {commit}. SYNTHETIC DATA ONLY: demo
-- organisations and invented people; every personal field is ciphertext under the fixture's
-- master key (tests/upgrade/fixtures/release-{version}.json), which protects nothing real.
"""
out = os.path.join(root, 'tests/upgrade/fixtures')
open(os.path.join(out, f'release-{version}.sql'), 'w').write(head + "\n".join(stmts))
files = sorted(f for f in os.listdir(migrations) if f.endswith('.sql'))
meta = {"release": version, "commit": commit, "masterKeyHex": key, "demoPassword": "acompana-demo-2026",
        "migrations": {f: hashlib.sha256(open(os.path.join(migrations, f), 'rb').read()).hexdigest() for f in files}}
json.dump(meta, open(os.path.join(out, f'release-{version}.json'), 'w'), indent=2)
PY
echo "fixture written: tests/upgrade/fixtures/release-$version.{sql,json}"
