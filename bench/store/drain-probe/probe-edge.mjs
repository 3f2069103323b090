// Edge child: connect/close on command, echo control with receive stamp; report logs.
import { now, log, patchSocket } from './hooks.mjs';
const D = process.env.DIST ?? new URL('../../../dist', import.meta.url).pathname;
const { EdgeHub } = await import(`${D}/index.js`);
const { CloudSocket } = await import(`${D}/edgehub/cloud-socket.js`);
const { Uplink } = await import(`${D}/edgehub/uplink.js`);
patchSocket(CloudSocket.prototype);
const rp = Uplink.prototype.received;
log.uframes = [];
Uplink.prototype.received = function (sock, parts, length) {
  const t0 = now();
  const r = rp.call(this, sock, parts, length);
  log.uframes.push({ t0, t1: now(), length: parts.length });
  return r;
};
let edge = null;
let others = 0;
log.handler = [];
const opts = JSON.parse(process.argv[2]);
process.on('message', async (msg) => {
  if (msg.type === 'connect') {
    const e = await EdgeHub.start({ cloud: opts.url, node: opts.node, token: opts.token, dataDir: opts.dir, log: 'silent', insecure: 'dev', ...(opts.edgeLink ?? {}) });
    e.on('message', (m) => {
      if (m.lane !== 'control') { others++; return; }
      const p = Buffer.from(m.payload);
      const t = now();
      p.writeDoubleLE(t, 8);
      log.handler.push({ i: p.readUInt32LE(0), t });
      e.publish({ lane: 'control', payload: p }).catch((err) => console.error(err));
    });
    edge = e;
    await e.waitOnline(30000);
    process.send({ type: 'connected' });
  } else if (msg.type === 'close') {
    await edge.close(); edge = null;
    process.send({ type: 'closed', others });
  } else if (msg.type === 'reset') {
    log.flush.length = 0; log.frames.length = 0; log.uframes.length = 0; log.handler.length = 0; log.sched0 = require_sched();
    process.send({ type: 'reset' });
  } else if (msg.type === 'dump') {
    log.sched = require_sched(); log.clock = { epoch: now(), mono: Number(process.hrtime.bigint() / 1000n) }; process.send({ type: 'dump', log });
  } else if (msg.type === 'exit') process.exit(0);
});
process.send({ type: 'ready' });

import { readFileSync } from 'node:fs';
function require_sched() { const [run, wait, n] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(' ').map(Number); return { run, wait, n }; }
log.sched0 = null;
