// Request and response schemas of Aurora users.
import { columnMapper, jsonObject, name, readOnlyFields, timestamp, updateOf } from '../../shared/schemas.ts';
import { z } from 'zod';
import { classId } from '../classes/schemas.ts';
import { bigintString, discordId, pagination } from '../schemas.ts';

const userSettings = z.record(z.string(), z.unknown());

export const auroraUser = z
  .object({
    id: z.string(),
    username: z.string(),
    balance: z.string(),
    xp: z.string(),
    level: z.number().int(),
    dailyStreak: z.number().int(),
    isActive: z.boolean(),
    classId: z.string().nullable(),
    class: z.object({ id: z.string(), name: z.string(), balance: z.string() }).nullable(),
    settings: userSettings,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'User' });

export const userList = z.object({ users: z.array(auroraUser), total: z.number().int() });

export const userResult = z.object({ success: z.literal(true), user: auroraUser });

export const userIdInput = z.object({ id: discordId });

export const listUsersInput = z.object({
  search: name(100).optional(),
  sortBy: z.enum(['balance', 'level', 'xp', 'username']).default('balance'),
  sortOrder: z.enum(['asc', 'desc']).default('desc'),
  ...pagination(50),
});

const level = z.number().int().min(0).max(1_000_000);
const streak = z.number().int().min(0).max(1_000_000);

/** A user's writable fields, listed once: creation takes all but the streak and the active flag, with defaults. */
const writableFields = z.object({
  username: name(64),
  balance: bigintString,
  xp: bigintString,
  level,
  dailyStreak: streak,
  classId: classId.nullable().optional(),
  isActive: z.boolean(),
  settings: jsonObject(),
});

export const createUserInput = z.object({
  id: discordId,
  ...writableFields.omit({ dailyStreak: true, isActive: true }).shape,
  balance: bigintString.default('0'),
  xp: bigintString.default('0'),
  level: level.default(1),
  settings: jsonObject().default({}),
});

export const updateUserInput = updateOf(writableFields, {
  ...readOnlyFields('class', 'createdAt', 'updatedAt'),
  id: discordId,
});

/** A request's user fields as the entity's: `classId` is the `class` relation. */
export const userColumns = columnMapper(writableFields, { classId: 'class' });

export type UserResponse = z.infer<typeof auroraUser>;
export type ListUsersInput = z.infer<typeof listUsersInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
