/**
 * Raw `ws` clients for the floor: the same library and options the edge hub
 * uses (no per-message deflate), with no Isthmus on top.
 */
import WebSocket from 'ws';

export async function connectRaw(url: string, count: number): Promise<WebSocket[]> {
  return Promise.all(Array.from({ length: count }, () => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  })));
}

export async function closeRaw(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    ws.once('close', () => resolve());
    ws.close(1000);
    setTimeout(() => { ws.terminate(); resolve(); }, 1_000).unref();
  })));
}
