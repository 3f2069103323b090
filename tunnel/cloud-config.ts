/** The cloud side's tunnel settings: stream limits and the kube-compatible API's address. */
import { DefaultLinkSettings } from '../link/config.js';
import { DefaultWireLimits } from '../proto/index.js';
import { tunnelConfig, type TunnelConfig, type TunnelOptions } from './config.js';

export interface CloudTunnelOptions extends TunnelOptions {
  /**
   * Address "host:port" of the Kubernetes-compatible API (kubectl logs / exec /
   * port-forward), or false for none. Default false; the CLI uses 127.0.0.1:10003.
   */
  kube?: string | false;
}

export interface CloudTunnelConfig extends TunnelConfig {
  kube: { host: string; port: number } | null;
}

export const DefaultKubeListen = '127.0.0.1:10003';

export function cloudTunnelConfig(o: CloudTunnelOptions = {}, linkHighWaterBytes?: number, maxFrameBytes?: number): CloudTunnelConfig {
  const base = tunnelConfig(o, linkHighWaterBytes ?? DefaultLinkSettings.highWaterBytes, maxFrameBytes ?? DefaultWireLimits.maxFrameBytes, 'tunnel');
  let kube: CloudTunnelConfig['kube'] = null;
  if (o.kube !== undefined && o.kube !== false) {
    const m = typeof o.kube === 'string' ? /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(o.kube) : null;
    if (!m || Number(m[3]) > 65535) throw new TypeError(`tunnel.kube must be "host:port" or false, got ${JSON.stringify(o.kube)}`);
    kube = { host: m[1] || m[2] || '0.0.0.0', port: Number(m[3]) };
  }
  return { ...base, kube };
}
