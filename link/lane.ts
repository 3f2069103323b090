/** The four lanes, in priority order: index = wire value = priority (0 first). */
export const LANE_NAMES = ['control', 'state', 'events', 'bulk'] as const;
export type LaneName = (typeof LANE_NAMES)[number];
export const LANE_COUNT = LANE_NAMES.length;

export const Lane = { control: 0, state: 1, events: 2, bulk: 3 } as const satisfies Record<LaneName, number>;

/** Wire value of a lane name; throws a TypeError naming the bad value. */
export function laneIndex(name: string): number {
  const i = (LANE_NAMES as readonly string[]).indexOf(name);
  if (i < 0) throw new TypeError(`unknown lane "${name}": expected one of ${LANE_NAMES.join(', ')}`);
  return i;
}

export function laneName(index: number): LaneName {
  return LANE_NAMES[index] ?? 'control';
}

/** A value per lane, as a fresh array. */
export function perLane<T>(make: (lane: number) => T): T[] {
  return LANE_NAMES.map((_, i) => make(i));
}
