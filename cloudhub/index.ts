export { CloudHub, type NodeInfo, type LaneInfo, type DisconnectOptions, type CloudHubEvents } from './cloud-hub.js';
export { cloudHubConfig, DefaultCloudHub, parseHostPort, type CloudHubOptions, type CloudHubConfig } from './config.js';
export { mintToken, verifyToken, parseDuration, type TokenClaims } from './token.js';
export { appendDenyEntry, parseDenyList, DenyList } from './deny-list.js';
export { type TlsOptions } from './tls-config.js';
export { type SecurityOptions, DefaultSecurity } from './security-config.js';
export { openDataDir, readDataDir, readHubAddress, type HubFiles, type HubAddress } from './data-dir.js';
export { CloudMqtt, type CloudMqttHost, type MqttIdentity, type ReceiptRecord } from './mqtt-face.js';
export { DefaultCloudMqtt, type CloudMqttOptions, type CloudMqttLaneRule } from './mqtt-config.js';
