// Request and response schemas of Aurora classes.
import { name, updateOf } from '../../shared/schemas.ts';
import { z } from 'zod';
import { bigintString, discordId } from '../schemas.ts';

export const classId = name(20);

export const auroraClass = z
  .object({ id: z.string(), name: z.string(), balance: z.string(), roleId: z.string().nullable() })
  .meta({ id: 'Class' });

/** A class's writable fields, listed once: creation fills in the balance, an update takes any of them. */
const writableFields = z.object({ name: name(64), balance: bigintString, roleId: discordId.nullable().optional() });

export const createClassInput = z.object({ id: classId, ...writableFields.shape, balance: bigintString.default('0') });

export const updateClassInput = updateOf(writableFields, { id: classId });

export const classList = z.object({ classes: z.array(auroraClass) });

export const classResult = z.object({ success: z.literal(true), class: auroraClass });

export const classIdInput = z.object({ id: classId });

export type ClassResponse = z.infer<typeof auroraClass>;
export type CreateClassInput = z.infer<typeof createClassInput>;
export type UpdateClassInput = z.infer<typeof updateClassInput>;
