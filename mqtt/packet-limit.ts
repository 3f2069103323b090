/**
 * aedes buffers a whole MQTT packet before it looks at it, and MQTT allows
 * 256 MiB. This guard sits between the socket and aedes: it reads only each
 * packet's fixed header (the remaining length, a 1 to 4 byte varint) and
 * destroys the connection as soon as a packet announces more than the limit,
 * before its bytes are buffered. The bytes themselves pass through untouched.
 */
import { Duplex, Transform, type TransformCallback } from 'node:stream';
import type net from 'node:net';

export class PacketLimit extends Transform {
  /** Bytes of the current packet's body still to skip. */
  private skip = 0;
  /** In the fixed header: 0 = the type byte next, 1.. = varint bytes read so far. */
  private headerBytes = 0;
  private length = 0;
  private multiplier = 1;

  constructor(private readonly maxPacketBytes: number, private readonly onTooBig: (announced: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      const b = chunk[i++]!;
      if (this.headerBytes === 0) {
        this.headerBytes = 1; // the type and flags byte
        this.length = 0;
        this.multiplier = 1;
        continue;
      }
      this.length += (b & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.headerBytes++;
      if (b & 0x80 && this.headerBytes <= 4) continue;
      this.headerBytes = 0;
      if (this.length > this.maxPacketBytes) {
        this.onTooBig(this.length);
        done(new Error(`MQTT packet of ${this.length} bytes announced; the limit is ${this.maxPacketBytes}`));
        return;
      }
      this.skip = this.length;
    }
    done(null, chunk);
  }
}

/** The socket as aedes sees it: reads through the limit, writes straight to the socket. */
export function limitedConnection(socket: net.Socket, maxPacketBytes: number, onTooBig: (announced: number) => void): Duplex {
  const limit = new PacketLimit(maxPacketBytes, onTooBig);
  socket.pipe(limit);
  const conn = Duplex.from({ readable: limit, writable: socket });
  limit.on('error', () => socket.destroy());
  conn.on('close', () => socket.destroy());
  // aedes logs and checks these on its connection.
  Object.assign(conn, { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort, setNoDelay: (v?: boolean) => socket.setNoDelay(v) });
  return conn;
}
