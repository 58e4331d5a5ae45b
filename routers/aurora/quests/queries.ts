// Quest rows as the API shows them: the flat columns nested into requirements and rewards.
import type { QuestResponse } from './schemas.ts';

export const COLUMNS = 'id, name, description, trigger_event, target, xp_reward, balance_reward';

export interface QuestRow {
  id: number;
  name: string;
  description: string | null;
  trigger_event: string;
  target: number;
  xp_reward: number;
  balance_reward: number;
}

export function toQuest(row: QuestRow): QuestResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    triggerEvent: row.trigger_event,
    requirements: { target: row.target },
    rewards: { xp: row.xp_reward, balance: row.balance_reward },
  };
}
