/**
 * JSON log lines carry the node and, where a message is involved, its trace
 * id: on the cloud hub (link lines included) and on the edge hub.
 */
import t from 'tap';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { captureLog } from './helpers/log-capture.js';

t.test('node and trace id in the lines about a message', async (t) => {
  const hubLog = captureLog();
  const edgeLog = captureLog();
  const hub = await startHub({ log: hubLog.log });
  const edge = await startEdge(hub, 'edge-1', { log: edgeLog.log });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();

  hub.on('message', (_node, m) => { if (m.kind === 'boom') throw new Error('handler bug'); });
  edge.on('message', (m) => { if (m.kind === 'boom') throw new Error('handler bug'); });
  await edge.publish({ lane: 'events', kind: 'boom', traceId: 'trace-up-1', payload: 1 });
  await hub.send('edge-1', { lane: 'events', kind: 'boom', traceId: 'trace-down-1', payload: 1 });

  await until(() => hubLog.find('message handler threw').length === 1 && edgeLog.find('message handler threw').length === 1, 'both handler errors');
  t.match(hubLog.find('message handler threw')[0], { node: 'edge-1', peer: 'edge-1', traceId: 'trace-up-1', lane: 'events' }, 'cloud side: node and trace id');
  t.match(edgeLog.find('message handler threw')[0], { node: 'edge-1', traceId: 'trace-down-1', lane: 'events' }, 'edge side: node and trace id');
  t.match(hubLog.find('edge online')[0], { node: 'edge-1', conn: String, remote: String });
  t.match(edgeLog.find('online')[0], { node: 'edge-1' });
  for (const l of hubLog.lines) t.type(l.msg, 'string', `JSON line: ${l.msg}`);
});
