/**
 * The port-forward provider: a TCP connection to one of the pod's declared
 * ports, accepted once connected. Bytes flow both ways with the stream's
 * credit; each side's end is a half-close (FIN); both done ends the stream.
 */
import { connect } from 'node:net';
import { StreamCode, StreamError } from '../codes.js';
import { streamDuplex } from '../io.js';
import type { Provider } from '../provider.js';
import { optInt } from './params.js';

export const portForwardProvider: Provider = (stream, ctx) => new Promise<void>((resolve, reject) => {
  const pod = ctx.pod(stream.params.pod);
  const port = optInt(stream.params.port, 'port', 1, 65535);
  if (port === null) throw new StreamError(StreamCode.BAD_PARAMS, 'port is required');
  const target = pod.ports.get(port);
  if (!target) throw new StreamError(StreamCode.FORBIDDEN, `port ${port} is not declared for pod "${pod.name}" on this edge`);
  const sock = connect({ host: target.host, port: target.port, noDelay: true });
  let connected = false;
  sock.once('error', (err) => {
    if (!connected) reject(new StreamError(StreamCode.NOT_FOUND, `cannot connect to ${target.host}:${target.port} for pod "${pod.name}" port ${port}: ${err.message}`));
    else if (!stream.closed) stream.reset(StreamCode.INTERNAL, `socket error: ${err.message}`);
  });
  sock.once('connect', () => {
    connected = true;
    stream.accept();
    resolve();
    const d = streamDuplex(stream);
    d.on('error', () => sock.destroy());
    sock.on('close', () => { if (!stream.closed && !(stream.localFin || stream.finQueued)) stream.reset(StreamCode.INTERNAL, 'connection closed'); });
    sock.pipe(d);
    d.pipe(sock);
  });
});
