/** One raw WebSocket upgrade request: the HTTP status and headers the hub answers with (a 101 socket is closed at once). */
import { request } from 'node:http';

export interface UpgradeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export function tryUpgrade(wsUrl: string, token: string): Promise<UpgradeAnswer> {
  const u = new URL(wsUrl);
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname, port: u.port, path: '/v1/link',
      headers: {
        connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', authorization: `Bearer ${token}`,
      },
    });
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve({ status: res.statusCode ?? 0, headers: res.headers }); });
    req.on('response', (res) => { res.resume(); resolve({ status: res.statusCode ?? 0, headers: res.headers }); });
    req.on('error', reject);
    req.end();
  });
}
