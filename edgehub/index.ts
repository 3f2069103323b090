export { EdgeHub, type EdgeHubEvents, type EdgeStatus } from './edge-hub.js';
export { type EdgeSecurityOptions } from './edge-security.js';
export { edgeHubConfig, linkUrl, type EdgeHubOptions, type EdgeHubConfig } from './config.js';
export { EdgeMqtt, type EdgeMqttHost } from './mqtt-face.js';
export { DefaultEdgeMqtt, type EdgeMqttOptions, type MqttRule } from './mqtt-config.js';
