/** MQTT topic names and filters: validation and matching (MQTT 3.1.1 section 4.7). */

/** Throws a TypeError naming the field unless topic is a valid topic name (no wildcards). */
export function checkTopicName(topic: string, field: string): string {
  if (typeof topic !== 'string' || topic.length === 0) throw new TypeError(`${field} must be a non-empty MQTT topic, got ${JSON.stringify(topic)}`);
  if (/[+#\u0000]/.test(topic)) throw new TypeError(`${field} "${topic}" must not contain +, # or NUL`);
  return topic;
}

/** Throws a TypeError naming the field unless filter is a valid topic filter. */
export function checkTopicFilter(filter: string, field: string): string {
  if (typeof filter !== 'string' || filter.length === 0) throw new TypeError(`${field} must be a non-empty MQTT topic filter, got ${JSON.stringify(filter)}`);
  if (filter.includes('\u0000')) throw new TypeError(`${field} "${filter}" must not contain NUL`);
  const levels = filter.split('/');
  levels.forEach((level, i) => {
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) throw new TypeError(`${field} "${filter}": # must be a whole level and the last one`);
    if (level.includes('+') && level !== '+') throw new TypeError(`${field} "${filter}": + must be a whole level`);
  });
  return filter;
}

/**
 * Whether topic matches filter. '+' is one level, '#' the rest (including the
 * parent level itself); a topic starting with '$' never matches a filter that
 * starts with a wildcard.
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    const level = f[i]!;
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/** Whether every topic the filter can match lies under prefix (a topic prefix ending in '/'). */
export function filterWithin(filter: string, prefix: string): boolean {
  return filter.startsWith(prefix) && !prefix.slice(0, -1).includes('+') && !prefix.includes('#');
}
