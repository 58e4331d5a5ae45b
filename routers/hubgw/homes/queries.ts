// Homes reads, on the plugin's hot path: plain SQL whose rows are already in the API's shape but for timestamps.
import type { EntityManager } from '@mikro-orm/sql';
import { withIsoTimestamps } from '../../shared/sql.ts';
import type { HomeResponse } from './schemas.ts';

const HOME_COLUMNS = 'id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, created_at, updated_at';

const TIMESTAMPS = ['created_at', 'updated_at'] as const;

function toHomeResponse(row: HomeResponse): HomeResponse {
  return withIsoTimestamps(row, TIMESTAMPS);
}

export async function listHomes(em: EntityManager, playerUuid: string): Promise<HomeResponse[]> {
  const rows = await em.execute<HomeResponse[]>(
    `select ${HOME_COLUMNS} from hubgw.homes where player_uuid = ? order by name`,
    [playerUuid],
  );
  return rows.map(toHomeResponse);
}

export async function findHome(em: EntityManager, playerUuid: string, name: string): Promise<HomeResponse | null> {
  const rows = await em.execute<HomeResponse[]>(
    `select ${HOME_COLUMNS} from hubgw.homes where player_uuid = ? and lower(name) = lower(?)`,
    [playerUuid, name],
  );
  return rows[0] ? toHomeResponse(rows[0]) : null;
}
