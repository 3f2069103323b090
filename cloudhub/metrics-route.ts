/** GET /metrics on a uWS listener: the exposition text, corked, or nothing if the client left. */
import type uWS from 'uWebSockets.js';
import type { LinkMetrics } from '../link/index.js';

export function serveMetrics(res: uWS.HttpResponse, metrics: LinkMetrics): void {
  let aborted = false;
  res.onAborted(() => { aborted = true; });
  metrics.text().then(
    (text) => { if (!aborted) res.cork(() => res.writeHeader('content-type', metrics.contentType).end(text)); },
    (err: Error) => { if (!aborted) res.cork(() => res.writeStatus('500 Internal Server Error').end(`metrics failed: ${err.message}\n`)); },
  );
}
