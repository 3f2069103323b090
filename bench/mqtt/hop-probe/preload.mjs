// Loaded into each hub process by hops.mjs (NODE_OPTIONS=--import): globalThis.__hop(name)
// records a CLOCK_MONOTONIC time (shared by all processes of the machine); the list is written
// to $HOP_DIR/<pid>.json at exit. 'sw' marks every net.Socket write of the process.
import { writeFileSync } from 'node:fs';
import net from 'node:net';

const names = [];
const times = [];
globalThis.__hop = (n) => { names.push(n); times.push(process.hrtime.bigint()); };
process.on('exit', () => {
  if (!process.env.HOP_DIR) return;
  writeFileSync(`${process.env.HOP_DIR}/${process.pid}.json`, JSON.stringify({ argv: process.argv.slice(2, 3), ev: names.map((n, i) => [n, Number(times[i])]) }));
});
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...a) { globalThis.__hop('sw'); return write.apply(this, a); };
