// Refuses input that no procedure can store, whatever its schema says: text PostgreSQL cannot hold (a NUL, a lone
// UTF-16 surrogate) in any string or key, and nesting deep enough to overflow the stack of whatever walks it next.
import { AppError } from '../errors.ts';

/** No call's input nests deeper; free-form JSON fields are bounded tighter by their own schemas. */
const MAX_INPUT_DEPTH = 64;

/** What in a string PostgreSQL cannot store, or null when it can store all of it. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL characters';
  if (!text.isWellFormed()) return 'lone UTF-16 surrogates';
  return null;
}

/** Whether `value` has containers nested more than `levels` deep (`{}` is one level), looking no deeper than that. */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const child of Object.values(value)) if (nestsDeeperThan(child, levels - 1)) return true;
  return false;
}

interface Pending {
  value: unknown;
  path: string[];
}

/** Throws a validation error naming the first field whose value cannot be stored. */
export function assertStorableInput(input: unknown): void {
  const pending: Pending[] = [{ value: input, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      if (problem) throw AppError.validation(path.join('.'), `must not contain ${problem}`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // The field is named, not the whole way down: the path of a runaway nesting is as long as the nesting.
    if (path.length >= MAX_INPUT_DEPTH)
      throw AppError.validation(path[0] ?? '', `must not nest deeper than ${MAX_INPUT_DEPTH} levels`);
    for (const [key, child] of Object.entries(value)) {
      const problem = unstorable(key);
      if (problem) throw AppError.validation(path.join('.'), `keys must not contain ${problem}`);
      pending.push({ value: child, path: [...path, key] });
    }
  }
}
