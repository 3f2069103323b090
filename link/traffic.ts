/**
 * Bytes a hub's sockets read and wrote (WebSocket payloads: whole frames,
 * without the WebSocket and TCP headers), counted by the sockets themselves so
 * that handshake and GoAway frames count too. One per hub; plain numbers, read
 * at scrape time.
 */
export class Traffic {
  bytesIn = 0;
  bytesOut = 0;
}
