// patches/@trpc+server+11.25.2.patch makes tRPC's object spread helper the language's own spread (README,
// "Persistence"): the published one cost about 10 µs of every procedure call. patch-package applies it at install;
// an install that did not (scripts skipped, or a new @trpc/server the patch was not made for) answers the same but
// slower, and this says so.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../node_modules/@trpc/server/dist/', import.meta.url));

/** The files of tRPC's builds that define the helper: one for ES modules, one for CommonJS. */
const definers = readdirSync(DIST).filter(
  (file) => /\.(mjs|cjs)$/.test(file) && readFileSync(DIST + file, 'utf8').includes('function _objectSpread2('),
);

describe("tRPC's spread helper", () => {
  it('is defined in both of its builds', () => {
    expect(definers.map((file) => file.slice(file.lastIndexOf('.'))).sort()).toEqual(['.cjs', '.mjs']);
  });

  it('is patched in both: a spread of its arguments into a new object, not a key-by-key defineProperty', () => {
    for (const file of definers) expect(readFileSync(DIST + file, 'utf8'), file).toContain('e = { ...e, ...t };');
  });

  it('spreads as `{ ...a, ...b }` does: later keys win, symbols come along, a null argument adds nothing', async () => {
    const module = await import(pathToFileURL(DIST + definers.find((file) => file.endsWith('.mjs'))!).href);
    const spread = Object.values(module).find(
      (exported) => typeof exported === 'function' && exported.name === '_objectSpread2',
    ) as (...objects: unknown[]) => Record<string | symbol, unknown>;
    const tag = Symbol('tag');
    const first = { a: 1, b: 1, [tag]: 'kept' };
    const result = spread(spread({}, first), null, { b: 2, c: 3 });
    expect(result).toEqual({ a: 1, b: 2, c: 3, [tag]: 'kept' });
    expect(first).toEqual({ a: 1, b: 1, [tag]: 'kept' });
  });
});
