// Settings as the API shows them: the bot's validated settings document, and its Discord metadata.
import type { EntityManager } from '@mikro-orm/sql';
import { db } from '../../shared/database.ts';
import { type BotSettings, botSettings, type DiscordMeta, discordMeta } from './schemas.ts';

export const SETTINGS_KEY = 'bot';
export const META_KEY = 'discord-meta';

async function readDocument(em: EntityManager, key: string): Promise<Record<string, unknown> | null> {
  const found = await db(em).selectFrom('Setting').select('value').where('key', '=', key).executeTakeFirst();
  return found?.value ?? null;
}

export async function readSettings(em: EntityManager): Promise<BotSettings> {
  return botSettings.parse((await readDocument(em, SETTINGS_KEY)) ?? {});
}

export async function readDiscordMeta(em: EntityManager): Promise<DiscordMeta> {
  return discordMeta.parse((await readDocument(em, META_KEY)) ?? { roles: [], channels: [], commands: [] });
}
