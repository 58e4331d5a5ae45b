// src/ is a platform: it knows the families only as the policies their procedures declare. A family's name or one of
// its paths written into src/ (outside a comment) is how the old drift began, so it fails here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
const FAMILY_WORDS = /aurora|hubgw|'\/api/i;

/** The code of a line, without a trailing `//` comment; a line inside a block comment has none. */
function codeOf(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//')) return '';
  const comment = line.indexOf(' // ');
  return comment === -1 ? line : line.slice(0, comment);
}

it('names no API family and no path of one in src/', async () => {
  const files = (await readdir(SRC, { recursive: true })).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const file of files) {
    const lines = (await readFile(join(SRC, file), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (FAMILY_WORDS.test(codeOf(line))) found.push(`src/${file}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});
