/** The built-in edge providers, by stream kind. */
import type { Provider } from '../provider.js';
import { execProvider } from './exec.js';
import { logsProvider } from './logs.js';
import { portForwardProvider } from './port-forward.js';

export const builtinProviders: Readonly<Record<string, Provider>> = Object.freeze({
  exec: execProvider,
  logs: logsProvider,
  'port-forward': portForwardProvider,
});

export { execProvider, logsProvider, portForwardProvider };
export type { ExecParams } from './exec.js';
export type { LogsParams } from './logs.js';
