#!/bin/bash
# Interleaved A/B of the rate-limit batches: main (before) and wt-rl (after).
export BENCH_PGLITE=0 BENCH_FANOUT=0 BENCH_SCALING=0 BENCH_SECONDS=8 BENCH_IDLE_SECONDS=1
export BENCH_ONLY="aurora.items.get,GET /api/items/:id,GET /api/users,GET /homes"
for dir in /work/main /work/wt-rl /work/wt-rl /work/main /work/main /work/wt-rl; do
  echo "=== $dir $(uptime | sed 's/.*load/load/')"
  (cd $dir && PATH="$dir/node_modules/.bin:$PATH" node bench/run.ts 2>&1 | grep -E "^\| (GET|POST|tRPC)" | head -6)
done
