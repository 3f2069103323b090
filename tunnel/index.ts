/** The reverse tunnel: streams over the link's socket, edge providers, cloud faces. */
export { StreamCode, StreamError, streamCodeName, type StreamCodeValue } from './codes.js';
export { DefaultTunnel, INITIAL_WINDOW, tunnelConfig, type TunnelConfig, type TunnelOptions } from './config.js';
export { edgeTunnelConfig, type EdgeTunnelOptions, type EdgeTunnelConfig, type PodOptions, type PodConfig, type ExecOptions } from './edge-config.js';
export { Stream, type ExitStatus, type StreamEvents, type StreamReader, type StreamRole, type StreamState } from './stream.js';
export { TunnelSession, StreamBudget, type SessionStats } from './session.js';
export type { StreamPath } from './path.js';
export type { Provider, ProviderContext } from './provider.js';
export { EdgeTunnel, type PodReport, type TunnelCounts } from './edge-tunnel.js';
export {
  CloudTunnel, accepted, closed, type ExecRequest, type ExecSession, type LogsRequest, type LogsSession,
  type PortForwardRequest, type PodRecord,
} from './cloud-tunnel.js';
export { streamDuplex, streamReadables, streamWritable, type StreamReadables } from './io.js';
export { builtinProviders, execProvider, logsProvider, portForwardProvider } from './providers/index.js';
export { reportPods } from './pod-reports.js';
