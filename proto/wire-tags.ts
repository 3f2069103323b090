/**
 * The protobuf tags (field number << 3 | wire type) of the Frame and Batch
 * fields that the hand-written readers and writers of the message path test
 * or write directly (batch-decoder, frame-peek, cursor-encoder, keepalive,
 * codec); one place, so that they cannot drift from hub.proto apart.
 */
export const TAG_FRAME_BATCH = 0x1a; // Frame.batch, field 3, length-delimited
export const TAG_FRAME_ACK = 0x22; // Frame.ack, field 4
export const TAG_FRAME_PING = 0x2a; // Frame.ping, field 5
export const TAG_FRAME_PONG = 0x32; // Frame.pong, field 6
export const TAG_BATCH_MESSAGE = 0x0a; // Batch.messages, field 1
export const TAG_BATCH_ACKS = 0x12; // Batch.acks, field 2
