/** Node names are DNS-1123 subdomains, as Kubernetes node names are. */
const NODE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export function isNodeName(name: unknown): name is string {
  return typeof name === 'string' && NODE_NAME.test(name);
}

export function checkNodeName(name: unknown, field = 'node'): string {
  if (!isNodeName(name)) {
    throw new TypeError(`${field} "${String(name)}" is not a valid node name: lowercase letters, digits, "-" and ".", 1 to 253 characters, starting and ending with a letter or digit`);
  }
  return name;
}
