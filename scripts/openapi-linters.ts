// The two stock OpenAPI linters, each with the repository's own config (redocly.yaml, .spectral.yaml): what
// `npm run lint:openapi` runs, and what tests/server/openapi-lint.test.ts reads, so both judge the same way.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export interface LinterRun {
  exitCode: number;
  output: string;
}

export type LinterOutput = 'stylish' | 'json';

function run(command: string, args: string[]): Promise<LinterRun> {
  return new Promise((resolve) => {
    // Redocly asks its servers for telemetry and for newer versions unless told not to; a lint needs neither.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    execFile(join(root, 'node_modules/.bin', command), args, { cwd: root, env, maxBuffer: 64 << 20 }, (error, stdout) =>
      resolve({ exitCode: typeof error?.code === 'number' ? error.code : error ? 1 : 0, output: stdout }),
    );
  });
}

export function redoclyLint(file: string, output: LinterOutput): Promise<LinterRun> {
  return run('redocly', ['lint', '--config', 'redocly.yaml', '--format', output, file]);
}

export function spectralLint(file: string, output: LinterOutput): Promise<LinterRun> {
  return run('spectral', ['lint', '--ruleset', '.spectral.yaml', '--format', output, file]);
}
