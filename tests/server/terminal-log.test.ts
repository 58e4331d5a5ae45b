// What an operator reads: on a terminal, one line per event and a short start banner; elsewhere, JSON lines.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeDatabase } from '#src/config.ts';
import { formatLogLine } from '#src/log-line.ts';
import { logFormatFor } from '#src/logger.ts';

describe('the log format', () => {
  it('is for people on a terminal, and JSON when piped or in production', () => {
    expect(logFormatFor({ isTTY: true }, undefined)).toBe('pretty');
    expect(logFormatFor({ isTTY: true }, 'development')).toBe('pretty');
    expect(logFormatFor({ isTTY: true }, 'production')).toBe('json');
    expect(logFormatFor({ isTTY: false }, undefined)).toBe('json');
    expect(logFormatFor({}, undefined)).toBe('json');
  });

  it('reads a request as one line, and anything else as its message and fields', () => {
    const request = {
      level: 30,
      time: 1,
      msg: 'request',
      reqId: 'r1',
      method: 'GET',
      path: '/api/users',
      status: 200,
      ms: 3.1,
    };
    expect(formatLogLine(request, 'msg')).toBe('GET /api/users 200 3.1 ms reqId=r1');
    // A generated id is a UUID: its first characters are enough to find the line of an `X-Request-Id`.
    expect(formatLogLine({ ...request, reqId: '4f1c2a9b-0d3e-4c55-9a7e-2b8f6c1d0e9a' }, 'msg')).toBe(
      'GET /api/users 200 3.1 ms reqId=4f1c2a9b…',
    );
    expect(
      formatLogLine(
        { level: 40, msg: 'database unavailable', reqId: 'r2', family: 'hubgw', reason: 'connection refused' },
        'msg',
      ),
    ).toBe('database unavailable family=hubgw reason="connection refused"');
  });

  it('names the database without its secrets', () => {
    expect(describeDatabase({ kind: 'pglite', dataDir: './data/pglite', wasmCompiler: 'auto' })).toBe(
      'PGlite in ./data/pglite',
    );
    expect(describeDatabase({ kind: 'pglite', dataDir: null, wasmCompiler: 'auto' })).toBe('PGlite in memory');
    expect(describeDatabase({ kind: 'postgresql', url: 'postgres://game:s3cret@db.example:5432/game' })).toBe(
      'PostgreSQL game@db.example:5432/game',
    );
  });
});

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A terminal's start and first request, with what differs from one run to the next written as placeholders: the time,
 * the port, where PGlite keeps its files, the generated key (24 random bytes, base64url), a duration and a request id.
 * Anything else (the migration count, the key's format, the wording) must be as a real start prints it.
 */
function runShape(output: string): string {
  return output
    .replace(/^\[\d\d:\d\d:\d\d\]/gm, '[time]')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:<port>')
    .replace(/PGlite in \S+/g, 'PGlite in <place>')
    .replace(/API key {8}[\w-]{32} /g, 'API key        <key> ')
    .replace(/\d+(\.\d)? ms reqId=[0-9a-f]{8}…/g, '<ms> ms reqId=<id>…');
}

async function readmeBanner(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  // The first code block after the sentence that introduces it.
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('prints one short banner')));
  if (!block) throw new Error("the README's banner block was not found");
  return block[1]!;
}

describe.skipIf(!hasScript())('npm start on a terminal', () => {
  it('shows the banner and a request as lines for people, with no JSON', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'game-backend-tty-'));
    const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
    // `script` gives the server a pseudo-terminal for its stdout, as a shell would.
    const child = spawn('script', ['-qfec', `${process.execPath} ${main}`, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: 'memory://', DATA_DIR: dataDir, TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 20_000 }).toMatch(/API key {8}\S+/);
      const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      const requestId = health.headers.get('x-request-id')!;
      await expect.poll(() => output).toContain(`ms reqId=${requestId.slice(0, 8)}…`);
      expect(output).toMatch(/GET \/api\/health 200 [\d.]+ ms reqId=/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what a colour code starts with
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, '');
      expect(plain).toMatch(/INFO: applied \d+ migrations\n/);
      expect(plain.match(/migration/g)).toHaveLength(1);
      expect(plain).toContain(`  API reference  ${url}/docs\n`);
      expect(plain).toContain(`  live page      ${url}/\n`);
      expect(plain).toContain('  database       PGlite in memory\n');
      expect(plain).not.toContain('{"level"');
      // The README shows this start as it is.
      expect(runShape(plain)).toContain(runShape(await readmeBanner()));
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
