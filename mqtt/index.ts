/** What the edge's and the cloud's MQTT faces share: topics, the message mapping, the broker, refusals and counters. */
export * from './topic.js';
export * from './mapping.js';
export * from './refusal.js';
export * from './stats.js';
export { MqttBroker, type BrokerHooks, type BrokerOptions } from './broker.js';
export { PacketScanner, guardPacketSize } from './packet-limit.js';
export { samePassword } from './credentials.js';
