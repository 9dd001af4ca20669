#!/usr/bin/env bash
# The one test command (`npm test`): every check of the repo, in the order that fails fastest.
# Each stage runs even when an earlier one failed, so one run shows everything that is broken;
# the exit code is non-zero if any stage failed. Counts from every runner are summed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

OUT="$PWD/test-results/summary" # absolute: Playwright resolves relative report paths against its config folder
rm -rf "$OUT" && mkdir -p "$OUT"
failed=()

stage() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    printf -- '--- %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    printf -- '--- %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
    failed+=("$name")
  fi
}

jest_json() { # jest_json NAME [jest args...]: run jest, keep its JSON result for the summary
  local name=$1
  shift
  npx jest --ci --json --outputFile="$OUT/jest-$name.json" "$@"
}

go_tests() {
  (cd demo && go vet ./... && go test -count=1 -v ./... 2>&1 | tee "$OUT/go-test.txt" | grep -E '^(=== RUN|\s*--- (FAIL|SKIP)|ok|FAIL|PASS|panic)' | grep -v '=== RUN'; exit "${PIPESTATUS[0]}")
}

stage lint npx eslint .
stage typecheck bash -c 'npx tsc --noEmit && npm run --silent typecheck -w @hotpath/profile-core && npx tsc --noEmit -p tsconfig.tools.json && npx tsc -p tests/host/tsconfig.json'
stage "unit: plugin (jest)" jest_json plugin --maxWorkers 1
stage "unit: profile-core (jest)" jest_json profile-core -c packages/profile-core/jest.config.js --maxWorkers 2
stage "unit: provisioning + promtool (jest)" jest_json provisioning -c provisioning/jest.config.js --maxWorkers 1
stage "go: vet + test (demo)" go_tests
stage build bash -c "npm run --silent build && node scripts/check-dist.mjs"
stage "host: plugin in Chromium, loaded like Grafana" \
  env PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright-host.json" npx playwright test -c tests/host/playwright.config.ts --reporter=list,json
stage "integration: demo + Prometheus stack" \
  env HOTPATH_NETWORK_DELAY=700ms bash scripts/stack.sh run -- npx jest --ci -c tests/integration/jest.config.js --runInBand --json --outputFile="$OUT/jest-integration.json"
stage "e2e: real Grafana (skips without one)" \
  env PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright-e2e.json" npx playwright test --reporter=list,json

node scripts/summarize-tests.mjs "$OUT" || failed+=("summary: a runner left no results")
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFailed stages:\n'
  printf -- '- %s\n' "${failed[@]}"
  exit 1
fi
