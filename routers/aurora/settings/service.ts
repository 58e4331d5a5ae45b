// Settings storage: the merged, validated document under one key; the bot's Discord metadata under another.
import type { EntityManager } from '@mikro-orm/sql';
import { Setting } from '#entities/aurora/setting.ts';
import { AppError } from '#src/errors.ts';
import { lockKey } from '#src/database/queries.ts';
import { META_KEY, readSettings, SETTINGS_KEY } from './queries.ts';
import { botSettings, type DiscordMeta } from './schemas.ts';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `patch` into `base` without ever following or copying a prototype key. */
function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  path: string[] = [],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    if (FORBIDDEN_KEYS.has(key)) {
      throw AppError.validation([...path, key].join('.'), 'is not a settings key');
    }
    const value = patch[key];
    const current = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value, [...path, key]) : value;
  }
  return merged;
}

async function writeDocument(em: EntityManager, key: string, value: Record<string, unknown>, now: Date) {
  await em.upsert(Setting, { key, value, updatedAt: now });
}

/** Validates the merged document as a whole, so an unknown key anywhere in the patch answers 400. */
export function updateSettings(em: EntityManager, patch: Record<string, unknown>, now: Date) {
  return em.transactional(async (tx) => {
    await lockKey(tx, 'aurora:settings');
    const merged = deepMerge(await readSettings(tx), patch);
    const parsed = botSettings.safeParse(merged);
    if (!parsed.success) {
      throw AppError.invalid(
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    await writeDocument(tx, SETTINGS_KEY, parsed.data, now);
    return { success: true as const, settings: parsed.data };
  });
}

export async function publishDiscordMeta(em: EntityManager, meta: DiscordMeta, now: Date): Promise<DiscordMeta> {
  await writeDocument(em, META_KEY, meta, now);
  return meta;
}
