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
 * starts with a wildcard. Walks both strings level by level without
 * splitting them: it runs for every message on both faces.
 */
export function topicMatches(filter: string, topic: string): boolean {
  const fl = filter.length;
  const tl = topic.length;
  if (topic.charCodeAt(0) === DOLLAR && (filter.charCodeAt(0) === PLUS || filter.charCodeAt(0) === HASH)) return false;
  let f = 0; // start of the filter's current level
  let t = 0; // start of the topic's current level; tl + 1 once the topic has no level left
  for (;;) {
    let fe = filter.indexOf('/', f);
    if (fe < 0) fe = fl;
    const wild = fe - f === 1 ? filter.charCodeAt(f) : 0;
    if (wild === HASH) return true;
    if (t > tl) return false;
    let te = topic.indexOf('/', t);
    if (te < 0) te = tl;
    if (wild !== PLUS) {
      if (fe - f !== te - t) return false;
      for (let i = 0; i < fe - f; i++) if (filter.charCodeAt(f + i) !== topic.charCodeAt(t + i)) return false;
    }
    f = fe + 1;
    t = te + 1;
    if (f > fl) return t > tl;
  }
}

const DOLLAR = 36;
const HASH = 35;
const PLUS = 43;

/** Whether every topic the filter can match lies under prefix (a topic prefix ending in '/'). */
export function filterWithin(filter: string, prefix: string): boolean {
  return filter.startsWith(prefix) && !prefix.slice(0, -1).includes('+') && !prefix.includes('#');
}
