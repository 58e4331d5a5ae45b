// Kits: definitions kept as data, and claims guarded by the `kit|<name>` cooldown.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { withIsoTimestamps } from '../../shared/sql.ts';
import { canonicalCooldownType } from '../cooldowns/schemas.ts';
import { remainingSeconds, startCooldownIfIdle } from '../cooldowns/service.ts';
import type { KitResponse, UpsertKitInput } from './schemas.ts';

const KIT_COLUMNS = 'name, cooldown_seconds, items, description, created_at, updated_at';
const TIMESTAMPS = ['created_at', 'updated_at'] as const;

/** The cooldown type a kit's claims use, in the one form `/cooldowns/check` reads too. */
export function kitCooldownType(kitName: string): string {
  return canonicalCooldownType(`kit|${kitName}`);
}

function toKit(row: KitResponse): KitResponse {
  return withIsoTimestamps(row, TIMESTAMPS);
}

export async function upsertKit(em: EntityManager, input: UpsertKitInput, now: Date): Promise<KitResponse> {
  const rows = await em.execute<KitResponse[]>(
    `insert into hubgw.kits (id, name, cooldown_seconds, items, description, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict ((lower(name))) do update set name = excluded.name, cooldown_seconds = excluded.cooldown_seconds,
       items = excluded.items, description = excluded.description, updated_at = excluded.updated_at
     returning ${KIT_COLUMNS}`,
    [
      crypto.randomUUID(),
      input.name,
      input.cooldown_seconds,
      JSON.stringify(input.items),
      input.description ?? null,
      now,
      now,
    ],
  );
  return toKit(rows[0]!);
}

export async function listKits(em: EntityManager): Promise<KitResponse[]> {
  const rows = await em.execute<KitResponse[]>(`select ${KIT_COLUMNS} from hubgw.kits order by lower(name)`);
  return rows.map(toKit);
}

async function findKit(em: EntityManager, name: string): Promise<KitResponse> {
  const rows = await em.execute<KitResponse[]>(`select ${KIT_COLUMNS} from hubgw.kits where lower(name) = lower(?)`, [
    name,
  ]);
  if (!rows[0]) throw new AppError('not_found', `Kit '${name}' not found`, { kit_name: name });
  return toKit(rows[0]);
}

export async function deleteKit(em: EntityManager, name: string): Promise<void> {
  const result = await em.execute<QueryResult>('delete from hubgw.kits where lower(name) = lower(?)', [name], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', `Kit '${name}' not found`, { kit_name: name });
}

export async function claimKit(em: EntityManager, playerUuid: string, kitName: string, now: Date) {
  const kit = await findKit(em, kitName);
  if (kit.cooldown_seconds > 0) {
    const runningUntil = await startCooldownIfIdle(
      em,
      playerUuid,
      kitCooldownType(kit.name),
      kit.cooldown_seconds,
      now,
    );
    if (runningUntil) {
      const remaining = remainingSeconds(runningUntil, now);
      throw new AppError('cooldown_active', `Kit '${kit.name}' is on cooldown for ${remaining} more seconds`, {
        kit_name: kit.name,
        cooldown_remaining: remaining,
        expires_at: runningUntil.toISOString(),
      });
    }
  }
  return {
    success: true as const,
    message: `Kit '${kit.name}' claimed`,
    cooldown_remaining: kit.cooldown_seconds,
    items: kit.items,
  };
}
