/**
 * Edge providers: what serves a stream of a given kind. A provider receives
 * the stream the cloud opened and must accept() it (StreamOk) or fail() it
 * with a code; throwing or rejecting before either fails it. After accept it
 * writes output, reads input (via setReader or the io.ts adapters) and ends
 * with exit() — or lets the stream end on FIN both ways.
 */
import type { Logger } from 'pino';
import type { PodConfig } from './edge-config.js';
import type { Stream } from './stream.js';

export interface ProviderContext {
  /** The pod named by params.pod, when it is declared. */
  pod(name: unknown): PodConfig;
  /** Programs exec may run (["*"]: any); empty when exec is off. */
  readonly execAllow: readonly string[];
  readonly log: Logger;
}

export type Provider = (stream: Stream, context: ProviderContext) => void | Promise<void>;
