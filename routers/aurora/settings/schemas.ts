// The bot's settings: one typed document with defaults. Amounts are bigints as decimal strings, as in the bot.
import { z } from 'zod';
import { name, text } from '../../shared/schemas.ts';
import { bigintString, discordId, positiveBigintString } from '../schemas.ts';

const count = (fallback: number, max = 1_000_000) => z.number().int().min(0).max(max).default(fallback);

// `.prefault({})` runs the inner defaults; `.default({})` would return the empty object as it is.
export const botSettings = z
  .strictObject({
    economy: z
      .strictObject({
        daily: z
          .strictObject({
            amount: bigintString.default('100'),
            streakBonus: bigintString.default('10'),
            weeklyBonus: bigintString.default('50'),
            maxReward: bigintString.default('10000'),
          })
          .prefault({}),
        transfers: z
          .strictObject({ minAmount: bigintString.default('1'), maxAmount: bigintString.default('1000000000') })
          .prefault({}),
      })
      .prefault({}),
    inventory: z.strictObject({ maxStackSize: bigintString.default('999'), maxSlots: count(50, 10_000) }).prefault({}),
    leveling: z.strictObject({ baseXp: count(100), exponent: z.number().min(1).max(5).default(1.5) }).prefault({}),
    quests: z.strictObject({ maxActive: count(3, 100) }).prefault({}),
    lootdrops: z
      .strictObject({
        expiryMinutes: z.number().int().min(1).max(1440).default(10),
        minAmount: positiveBigintString.default('10'),
        maxAmount: positiveBigintString.default('100'),
      })
      .prefault({}),
    commands: z.strictObject({ disabled: z.array(name(64)).max(500).default([]) }).prefault({}),
    system: z
      .strictObject({
        maintenanceMode: z.boolean().default(false),
        maintenanceReason: text(500).nullable().default(null),
      })
      .prefault({}),
  })
  .meta({ id: 'AuroraSettings' });

export type BotSettings = z.infer<typeof botSettings>;

export const settingsUpdated = z.object({ success: z.literal(true), settings: botSettings });

/** `schema` with every field optional at every depth and no defaults: any part of it, and nothing else. */
function anyPartOf(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  if ((def.type === 'default' || def.type === 'prefault') && def.innerType) return anyPartOf(def.innerType);
  if (!(schema instanceof z.ZodObject)) return schema;
  const shape = schema.shape as Record<string, z.ZodType>;
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, anyPartOf(field).optional()])),
  );
}

/** What POST /api/settings merges: any part of the settings document. The merged whole is validated again. */
export const settingsPatch = (anyPartOf(botSettings) as z.ZodObject).meta({ id: 'AuroraSettingsPatch' });

export const discordMeta = z
  .object({
    roles: z.array(z.object({ id: discordId, name: text(100), color: text(16) })).max(1000),
    channels: z.array(z.object({ id: discordId, name: text(100), type: z.number().int().min(0) })).max(1000),
    commands: z.array(z.object({ name: name(64), category: text(64) })).max(1000),
  })
  .meta({ id: 'AuroraDiscordMeta' });

export type DiscordMeta = z.infer<typeof discordMeta>;
