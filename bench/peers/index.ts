/** Every role a bench child can play, by name. */
import type { Role } from '../protocol.js';
import type { RoleStart } from './role.js';
import { rawEcho } from './raw-echo.js';
import { isthmusEcho } from './isthmus-echo.js';
import { rawSink } from './raw-sink.js';
import { isthmusSink } from './isthmus-sink.js';
import { rawSource } from './raw-source.js';
import { isthmusSource } from './isthmus-source.js';
import { storeDrainEdge, storeFootprint, storeSink, storeSource } from '../store/roles.js';

export type { RoleHandle, RoleStart } from './role.js';

export const roles: Record<Role, RoleStart> = {
  'raw-echo': rawEcho,
  'isthmus-echo': isthmusEcho,
  'raw-sink': rawSink,
  'isthmus-sink': isthmusSink,
  'raw-source': rawSource,
  'isthmus-source': isthmusSource,
  'store-sink': storeSink,
  'store-source': storeSource,
  'store-drain-edge': storeDrainEdge,
  'store-footprint': storeFootprint,
};
