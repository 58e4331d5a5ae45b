// Level from total XP: level n starts at ceil(baseXp × (n − 1)^exponent) XP, so level 1 starts at 0.
import type { BotSettings } from '../settings/schemas.ts';

const MAX_LEVEL = 1_000_000;

function threshold(level: number, rules: BotSettings['leveling']): number {
  return Math.ceil(rules.baseXp * (level - 1) ** rules.exponent);
}

/**
 * The level `xp` reaches. The closed form is only an estimate in floating point, so it is corrected against the
 * thresholds themselves. A `baseXp` of 0 turns leveling off: `current` stays.
 */
export function levelForXp(xp: bigint, rules: BotSettings['leveling'], current: number): number {
  if (rules.baseXp === 0) return current;
  const points = Number(xp);
  let level = Math.min(MAX_LEVEL, Math.floor((points / rules.baseXp) ** (1 / rules.exponent)) + 1);
  while (level > 1 && threshold(level, rules) > points) level -= 1;
  while (level < MAX_LEVEL && threshold(level + 1, rules) <= points) level += 1;
  return level;
}
