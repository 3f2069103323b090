/** Isthmus: cloud-edge message hub. `import { CloudHub, EdgeHub } from 'isthmus'`. */
export { CloudHub, type CloudHubOptions, type NodeInfo, type LaneInfo, type DisconnectOptions, mintToken, verifyToken } from './cloudhub/index.js';
export { type AdmissionOptions, type DrainOptions, type DrainResult } from './cloudhub/index.js';
export { EdgeHub, type EdgeHubOptions, type EdgeStatus } from './edgehub/index.js';
export { type TlsOptions, type SecurityOptions } from './cloudhub/index.js';
export { type EdgeSecurityOptions } from './edgehub/index.js';
export { type EdgeMqttOptions, type MqttRule } from './edgehub/index.js';
export { type CloudMqttOptions, type CloudMqttLaneRule, type ReceiptRecord } from './cloudhub/index.js';
export { type MqttStats, type MqttCounter, type RefusalRecord } from './mqtt/index.js';
export {
  Backoff, DefaultBackoff, DefaultLanePolicies, DefaultLinkSettings, InboundMessage,
  IsthmusError, InvalidMessageError, QueueFullError, ClosedError,
  LANE_NAMES, OPERATIONS, MESSAGE_TYPES,
  type SendInput, type Receipt, type Delivery, type DeliveryStatus, type LaneName, type Operation, type MessageType,
  type LanePolicy, type OverflowPolicy, type LaneDepth, type LinkStats, type BackoffConfig,
  type KeyValue, type KvKey, type ResourceCache, type StoreKind,
  StoreFullError, StoreCorruptError, StoreInUseError,
} from './link/index.js';
export { CloseCode, DefaultWireLimits, type WireLimits } from './proto/index.js';
export {
  StreamCode, StreamError, DefaultTunnel, INITIAL_WINDOW, streamReadables, streamWritable, streamDuplex,
  type Stream, type ExitStatus, type Provider, type ProviderContext, type TunnelOptions, type EdgeTunnelOptions, type PodOptions,
  type ExecRequest, type ExecSession, type LogsRequest, type LogsSession, type PortForwardRequest, type PodRecord, type TunnelCounts,
} from './tunnel/index.js';
export type { CloudTunnelOptions } from './tunnel/cloud-config.js';
