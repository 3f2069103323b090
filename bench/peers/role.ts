/** What every child role provides: a go signal (sources start) and a clean close. */
import type { FromPeer, PeerSpec } from '../protocol.js';

export interface RoleHandle {
  /** Sources start sending; other roles ignore it. */
  go(): void;
  close(): Promise<void>;
}

/** Connects the role's clients; resolves once all of them are ready. */
export type RoleStart = (spec: PeerSpec, report: (m: FromPeer) => void) => Promise<RoleHandle>;
