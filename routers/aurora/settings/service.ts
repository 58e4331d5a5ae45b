// Settings storage: the merged, validated document under one key; the bot's Discord metadata under another.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { botSettings, discordMeta, type BotSettings, type DiscordMeta } from './schemas.ts';

const SETTINGS_KEY = 'bot';
const META_KEY = 'discord-meta';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `patch` into `base` without ever following or copying a prototype key. */
export function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  path: string[] = [],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    if (FORBIDDEN_KEYS.has(key)) {
      throw new AppError('validation_error', 'Validation failed', {
        issues: [{ path: [...path, key].join('.'), message: 'is not a settings key' }],
      });
    }
    const value = patch[key];
    const current = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value, [...path, key]) : value;
  }
  return merged;
}

async function readDocument(em: EntityManager, key: string): Promise<Record<string, unknown> | null> {
  const rows = await em.execute<{ value: Record<string, unknown> }[]>(
    'select value from aurora.settings where key = ?',
    [key],
  );
  return rows[0]?.value ?? null;
}

async function writeDocument(em: EntityManager, key: string, value: unknown, now: Date): Promise<void> {
  await em.execute(
    `insert into aurora.settings (key, value, updated_at) values (?, ?, ?)
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), now],
  );
}

export async function readSettings(em: EntityManager): Promise<BotSettings> {
  return botSettings.parse((await readDocument(em, SETTINGS_KEY)) ?? {});
}

/** Validates the merged document as a whole, so an unknown key anywhere in the patch answers 400. */
export function updateSettings(em: EntityManager, patch: Record<string, unknown>, now: Date): Promise<BotSettings> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtextextended('aurora:settings', 0))`);
    const merged = deepMerge(await readSettings(tx), patch);
    const parsed = botSettings.safeParse(merged);
    if (!parsed.success) {
      throw new AppError('validation_error', 'Validation failed', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    await writeDocument(tx, SETTINGS_KEY, parsed.data, now);
    return parsed.data;
  });
}

export async function readDiscordMeta(em: EntityManager): Promise<DiscordMeta> {
  return discordMeta.parse((await readDocument(em, META_KEY)) ?? { roles: [], channels: [], commands: [] });
}

export async function publishDiscordMeta(em: EntityManager, meta: DiscordMeta, now: Date): Promise<DiscordMeta> {
  await writeDocument(em, META_KEY, meta, now);
  return meta;
}
