export { CloudHub, type NodeInfo, type LaneInfo, type DisconnectOptions, type CloudHubEvents } from './cloud-hub.js';
export { cloudHubConfig, DefaultCloudHub, parseHostPort, type CloudHubOptions, type CloudHubConfig } from './config.js';
export { mintToken, verifyToken, parseDuration, type TokenClaims } from './token.js';
export { openDataDir, readDataDir, readHubAddress, type HubFiles, type HubAddress } from './data-dir.js';
export { CloudHubMetrics, type RefusalReason } from './metrics.js';
export { Admission, type AdmissionResult } from './admission.js';
export { DefaultAdmission, DefaultDrain, type AdmissionOptions, type AdmissionConfig, type DrainConfig } from './admission-config.js';
export { type DrainOptions, type DrainResult } from './drain.js';
