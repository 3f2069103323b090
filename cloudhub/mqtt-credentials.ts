/**
 * The controllers' MQTT password lives in the data folder beside the admin
 * token (`mqtt-password`, mode 0600, created on first start): a separate
 * credential, so that giving a controller MQTT access does not give it the
 * admin API.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function mqttPasswordFile(dir: string): string {
  return join(resolve(dir), 'mqtt-password');
}

export function loadMqttPassword(dir: string | null): string {
  if (!dir) return randomBytes(18).toString('base64url');
  const path = mqttPasswordFile(dir);
  if (!existsSync(path)) {
    writeFileSync(path, randomBytes(18).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!text) throw new Error(`${path} is empty: delete it to have a new one generated`);
  return text;
}
