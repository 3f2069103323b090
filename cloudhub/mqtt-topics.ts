/**
 * The cloud face's topic layout, one place:
 *   isthmus/nodes/NODE/down/REST   controllers publish; carried to NODE with key REST
 *   isthmus/nodes/NODE/up/KEY      the face publishes what NODE sent (key KEY)
 *   isthmus/nodes/NODE/errors      refusal records of publishes to NODE's topics
 *   isthmus/nodes/NODE/receipts    end-to-end receipts (opt-in)
 *   isthmus/errors                 refusal records of other topics
 */
export const NODES_ROOT = 'isthmus/nodes/';
export const GLOBAL_ERRORS = 'isthmus/errors';

export interface NodeTopic {
  node: string;
  /** The level after the node: down, up, errors, receipts, or anything else. */
  section: string;
  /** What follows the section level ('' when nothing). */
  rest: string;
}

/** Splits isthmus/nodes/NODE/SECTION/REST; null for topics outside isthmus/nodes/. */
export function parseNodeTopic(topic: string): NodeTopic | null {
  if (!topic.startsWith(NODES_ROOT)) return null;
  // indexOf, not split and join: every controller publish passes here.
  const start = NODES_ROOT.length;
  const nodeEnd = topic.indexOf('/', start);
  if (nodeEnd < 0) return { node: topic.slice(start), section: '', rest: '' };
  const sectionEnd = topic.indexOf('/', nodeEnd + 1);
  return sectionEnd < 0
    ? { node: topic.slice(start, nodeEnd), section: topic.slice(nodeEnd + 1), rest: '' }
    : { node: topic.slice(start, nodeEnd), section: topic.slice(nodeEnd + 1, sectionEnd), rest: topic.slice(sectionEnd + 1) };
}

export const upTopic = (node: string, key: string): string => `${NODES_ROOT}${node}/up/${key}`;
export const errorsTopic = (node: string): string => `${NODES_ROOT}${node}/errors`;
export const receiptsTopic = (node: string): string => `${NODES_ROOT}${node}/receipts`;

/** Whether a filter can only match topics under isthmus/nodes/NODE/ (what a node's own credential may subscribe to). */
export function filterOwnedBy(filter: string, node: string): boolean {
  return filter === `${NODES_ROOT}${node}` || filter.startsWith(`${NODES_ROOT}${node}/`);
}
