import type { CloudHub } from '../../cloudhub/cloud-hub.js';
export class KubeApi {
  url = '';
  static async start(hub: CloudHub, host: string, port: number): Promise<KubeApi> { void hub; void host; void port; return new KubeApi(); }
  close(): void {}
}
