/**
 * aedes buffers a whole MQTT packet before it looks at it, and MQTT allows
 * 256 MiB. This guard reads only each packet's fixed header (the remaining
 * length, a 1 to 4 byte varint) in every chunk aedes reads from the socket,
 * and destroys the connection as soon as a packet announces more than the
 * limit: at most one socket read (64 KiB) is ever held for it. The bytes pass
 * through untouched, and no stream is added in between (a Duplex wrapper cost
 * a third of the throughput).
 */
import type net from 'node:net';

export class PacketScanner {
  /** Bytes of the current packet's body still to skip. */
  private skip = 0;
  /** In the fixed header: 0 = the type byte next, 1.. = bytes of the header read so far. */
  private headerBytes = 0;
  private length = 0;
  private multiplier = 1;

  constructor(private readonly maxPacketBytes: number) {}

  /** The announced length of the first packet over the limit in chunk, or 0. */
  scan(chunk: Uint8Array): number {
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
      if (this.length > this.maxPacketBytes) return this.length;
      this.skip = this.length;
    }
    return 0;
  }
}

/** Guards what aedes reads from socket (it pulls with socket.read() on 'readable'). */
export function guardPacketSize(socket: net.Socket, maxPacketBytes: number, onTooBig: (announced: number) => void): net.Socket {
  const scanner = new PacketScanner(maxPacketBytes);
  const read = socket.read.bind(socket);
  socket.read = (size?: number) => {
    const chunk = read(size) as Buffer | null;
    if (chunk === null) return null;
    const over = scanner.scan(chunk);
    if (over === 0) return chunk;
    onTooBig(over);
    socket.destroy();
    return null;
  };
  return socket;
}
