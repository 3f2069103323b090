export { EdgeHub, type EdgeHubEvents, type EdgeStatus } from './edge-hub.js';
export { edgeHubConfig, linkUrl, type EdgeHubOptions, type EdgeHubConfig } from './config.js';
export { EdgeHubMetrics } from './metrics.js';
export { DefaultEdgeAdmin } from './admin-config.js';
