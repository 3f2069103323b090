/**
 * Where the LMDB store keeps what (keys are ordered-binary arrays):
 *
 * | database | key | value |
 * | --- | --- | --- |
 * | msgs | [peer, lane, seq] | the encoded Message (binary) |
 * | meta | ['format'] | STORE_FORMAT |
 * | meta | ['outbox-epoch', peer] / ['last', peer, lane] | outbox epoch / last seq assigned (kept when the lane empties) |
 * | meta | ['floor', peer, lane] | highest seq the peer acked: records at or below it are garbage |
 * | meta | ['inbox-epoch', peer] / ['mark', peer, lane] | peer epoch / watermark delivered |
 * | versions | [peer, kind NUL namespace NUL name] | newest resource version delivered |
 * | resources | key | the newest state-lane message of that key (edge cache) |
 * | kv | the application's key | the application's value (hub.kv / edge.kv) |
 */
export const STORE_DATABASES = ['msgs', 'meta', 'versions', 'resources', 'kv'] as const;
export const STORE_FORMAT = 1;
/** Upper bound for ranges over strings. */
export const HIGH = '\uffff';
