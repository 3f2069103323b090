#!/bin/sh
# Adds hop marks (globalThis.__hop?.(name), a no-op without preload.mjs) to the BUILT files in
# dist/; `npm run build` removes them again. Run from the repository root after a build.
set -e
cd dist
sed -i 's|    onData = (chunk) => this.data(chunk);|    onData = (chunk) => { globalThis.__hop?.("wsrd"); this.data(chunk); globalThis.__hop?.("wsend"); };|' edgehub/ws-receive.js
sed -i 's|^    down(id, packet, clientId) {|    down(id, packet, clientId) { globalThis.__hop?.("down");|' cloudhub/mqtt-face.js
sed -i 's|^    down(m) {|    down(m) { globalThis.__hop?.("edown");|' edgehub/mqtt-face.js
sed -i 's|        socket.write = function (...args) {|        socket.write = function (...args) { globalThis.__hop?.("wr");|' mqtt/write-hold.js
sed -i 's|        const chunk = read(size);|        const chunk = read(size); if (chunk) globalThis.__hop?.("rd");|' mqtt/packet-limit.js
sed -i 's|        let status = 1;|        let status = 1; globalThis.__hop?.("ws");|' cloudhub/edge-socket.js
for f in edgehub/ws-receive.js cloudhub/mqtt-face.js edgehub/mqtt-face.js mqtt/write-hold.js mqtt/packet-limit.js cloudhub/edge-socket.js; do
  grep -q __hop "$f" || { echo "instrument.sh: no mark placed in dist/$f (the code changed: update the sed line)" >&2; exit 1; }
done
echo "hop marks placed in dist/ (npm run build removes them)"
