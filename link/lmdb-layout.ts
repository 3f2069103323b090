/**
 * Where the LMDB store keeps what (keys are ordered-binary arrays):
 *
 * | database | key | value |
 * | --- | --- | --- |
 * | msgs | [peer, lane, first seq] | a run of consecutive messages: each encoded Message behind its length, u32 LE; an empty entry is a dropped message (lmdb-group.ts) |
 * | meta | ['format'] | STORE_FORMAT (a format-1 store is upgraded at open) |
 * | meta | ['outbox-epoch', peer] / ['last', peer, lane] | outbox epoch / last seq assigned (kept when the lane empties) |
 * | meta | ['floor', peer, lane] | highest seq the peer acked: messages at or below it are garbage |
 * | meta | ['dead', peer, lane, seq] | tombstone: a message dropped after its run was written (removed with the run) |
 * | meta | ['inbox-epoch', peer] / ['mark', peer, lane] | peer epoch / watermark delivered |
 * | versions | [peer, kind NUL namespace NUL name] | newest resource version delivered |
 * | resources | key | the newest state-lane message of that key (edge cache) |
 * | kv | the application's key | the application's value (hub.kv / edge.kv) |
 */
export const STORE_DATABASES = ['msgs', 'meta', 'versions', 'resources', 'kv'] as const;
/** 2: messages in runs (one record per lane per turn); 1 kept one record per message. */
export const STORE_FORMAT = 2;
/** Upper bound for ranges over strings. */
export const HIGH = '\uffff';
