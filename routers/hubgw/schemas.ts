// Field schemas and pagination shared by HubGW procedures.
import { z } from 'zod';
import { name } from '../shared/schemas.ts';

/**
 * Any 8-4-4-4-12 hex UUID, as PostgreSQL's uuid type accepts; Minecraft uses v3 (offline) and v4 (online). Read in
 * lower case, as PostgreSQL stores and answers it, so an answer that echoes the request says what was stored.
 */
export const uuid = z.guid({ message: 'must be a UUID' }).toLowerCase();

export const playerUuid = uuid;

/**
 * A UUID as a response gives it, marked `format: uuid` so that generated clients type every one alike. It comes from
 * a uuid column (or LuckPerms' VARCHAR(36), which the plugin fills from Java's UUID), so it is described, not checked
 * again on the way out.
 */
export const uuidOutput = z.string().meta({ format: 'uuid' });

export const coordinate = z.number();

/** Where a home or warp is, as a request gives it: its fields, and with the defaults a creation fills in. */
export const locationFields = {
  world: name(64),
  x: coordinate,
  y: coordinate,
  z: coordinate,
  yaw: coordinate,
  pitch: coordinate,
};
export const locationInput = { ...locationFields, yaw: coordinate.default(0), pitch: coordinate.default(0) };

/** Where a home or warp is, as a response gives it. */
export const locationOutput = {
  world: z.string(),
  x: z.number(),
  y: z.number(),
  z: z.number(),
  yaw: z.number(),
  pitch: z.number(),
};

export interface Location {
  world: string;
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

/** Just the location of a request, a row or a response, which all name it alike. */
export function locationOf({ world, x, y, z, yaw, pitch }: Location): Location {
  return { world, x, y, z, yaw, pitch };
}

/** A name people type: a home, warp or kit, a player, a staff member. */
export const typedName = name(64);

export const pageInput = {
  page: z.number().int().min(1).default(1),
  size: z.number().int().min(1).max(100).default(20),
};

export function pageOutput<Key extends string, Item extends z.ZodType>(key: Key, item: Item) {
  return z.object({
    [key]: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    size: z.number().int(),
    pages: z.number().int(),
  } as { [K in Key]: z.ZodArray<Item> } & Record<'total' | 'page' | 'size' | 'pages', z.ZodNumber>);
}

export function pageMeta(total: number, page: number, size: number) {
  return { total, page, size, pages: Math.ceil(total / size) };
}
