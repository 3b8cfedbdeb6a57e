# Shared helpers for the CI steps; sourced, not run.

# apt_install PACKAGE...: install Debian packages that are not there yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# node_tools DIR: the pinned Node packages of .ci/node, installed once into DIR.
node_tools() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ]; then
    mkdir -p "$dir"
    cp .ci/node/package.json .ci/node/package-lock.json "$dir/"
    cp .ci/node/*.mjs "$dir/" 2>/dev/null || true
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}
