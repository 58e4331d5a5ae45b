// Command audit: records are appended in one insert, the plugin's heaviest write. The rows go as one array per
// column through unnest, seven parameters whatever the batch's size. A VALUES list costs a query node, a freeze and
// a literal per value (350 for a batch of 50), and the ORM's insertMany formats each value for itself; either way
// that was most of the request's CPU.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { db } from '../../shared/database.ts';
import type { AuditInput } from './schemas.ts';

export async function logCommands(em: EntityManager, input: AuditInput, now: Date) {
  const records = Array.isArray(input) ? input : [input];
  const column = <Value>(value: (record: (typeof records)[number]) => Value) => records.map(value);
  await db(em)
    .insertInto('CommandAudit')
    .columns(['playerUuid', 'playerName', 'command', 'arguments', 'server', 'executedAt', 'createdAt'])
    .expression(
      sql`select *, ${now}::timestamptz from unnest(
        ${column((record) => record.player_uuid)}::uuid[],
        ${column((record) => record.player_name)}::text[],
        ${column((record) => record.command)}::text[],
        ${column((record) => JSON.stringify(record.arguments))}::jsonb[],
        ${column((record) => record.server)}::text[],
        ${column((record) => (record.timestamp ? new Date(record.timestamp) : now))}::timestamptz[]
      )`,
    )
    .execute();
  return { accepted: records.length };
}
