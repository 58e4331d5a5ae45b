// Reads and validates the process environment once, at start.
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

const databaseUrl = z.string().refine((url) => url === 'memory://' || /^postgres(ql)?:\/\/.+/.test(url), {
  message: 'must be memory:// or a postgres:// URL',
});

/** A comma-separated list of `entry`; blanks are left out, so spaces and a trailing comma do no harm. */
function commaList<T extends z.ZodType<string, string>>(entry: T) {
  return z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(entry));
}

/** Written as a browser sends it in `Origin`: a scheme, a host and a port, nothing more. */
const origin = z
  .string()
  .refine(
    (value) => {
      const url = URL.parse(value);
      return (
        url !== null &&
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        !/[?#@]/.test(value) &&
        url.pathname === '/'
      );
    },
    { error: (issue) => `${JSON.stringify(issue.input)} is not an origin such as https://dashboard.example.com` },
  )
  .transform((value) => new URL(value).origin);

/** A name the Host header may carry, without a port: `Host: name` and `Host: name:3000` both match it. */
const hostName = z
  .string()
  .refine(
    (value) => {
      const url = URL.parse(`http://${value}`);
      return url !== null && url.host === value.toLowerCase() && url.port === '';
    },
    { error: (issue) => `${JSON.stringify(issue.input)} is not a host name without a port` },
  )
  .transform((value) => value.toLowerCase());

export const WASM_COMPILERS = ['optimizing', 'baseline'] as const;
export type WasmCompiler = (typeof WASM_COMPILERS)[number];
/** Chosen by the measurements in BENCHMARKS.md (#24, third round): the baseline compiler costs too much speed. */
export const DEFAULT_WASM_COMPILER: WasmCompiler = 'optimizing';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: databaseUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATA_DIR_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_048_576).default(64),
  SECURITY__API_KEY: z.string().min(1).optional(),
  SECURITY__ADMIN_TOKEN: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT__MAX: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT__WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  WS_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(10),
  WS_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  LIVE_STATS_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  WS_AUTH_TIMEOUT_MS: z.coerce.number().int().min(50).default(5_000),
  DATABASE__STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  PGLITE__WASM_COMPILER: z
    .enum(WASM_COMPILERS)
    .default(DEFAULT_WASM_COMPILER)
    .describe(
      "How V8 compiles the embedded database's WebAssembly. optimizing: V8's default, hot functions tiered up to " +
        'its optimising compiler, which takes about 500 MB more for a few seconds after each start and under load. ' +
        'baseline: the baseline compiler only, which fits a 1 GB box (BENCHMARKS.md, #24) and serves slower.',
    ),
  CORS_ORIGINS: commaList(origin).default([]),
  ALLOWED_HOSTS: commaList(hostName).default([]),
  NODE_ENV: z.string().optional(),
});

/**
 * A statement running longer than `statementTimeoutMs` (0: never) is cancelled on PostgreSQL; on PGlite, whose
 * process it holds, the process is replaced.
 */
export type Database =
  | { kind: 'pglite'; dataDir: string | null; statementTimeoutMs?: number; wasmCompiler?: WasmCompiler }
  | { kind: 'postgresql'; url: string; statementTimeoutMs?: number };

export interface Config {
  port: number;
  host: string;
  database: Database;
  dataDir: string;
  /** Below this much free space in DATA_DIR's file system, writes to a database kept there are refused (0: never). */
  dataDirMinFreeBytes: number;
  apiKey: string;
  apiKeyGenerated: boolean;
  adminToken: string | null;
  /** What GET /metrics asks for: nothing on a loopback HOST, otherwise METRICS_TOKEN; without it, it is not served. */
  metrics: MetricsAccess;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Requests one client may make per window to the procedures whose policy is rate-limited. */
  rateLimit: { max: number; windowSeconds: number };
  live: { maxConnections: number; idleTimeoutMs: number; authTimeoutMs: number; statsIntervalMs: number };
  browsers: BrowserPolicy;
}

/** What web pages may do with the server. */
export interface BrowserPolicy {
  /** The origins CORS lets read answers, which may also change state and open WebSockets. */
  corsOrigins: string[];
  /**
   * The Host names served besides the loopback ones; null when any is. Without an admin token anyone who reaches the
   * port may do anything, so a page whose name a DNS rebinding pointed at the loopback address must get nothing.
   */
  allowedHosts: string[] | null;
}

export type MetricsAccess = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'disabled' };

function metricsAccess(host: string, token: string | undefined): MetricsAccess {
  if (isLoopbackHost(host)) return { kind: 'open' };
  return token === undefined ? { kind: 'disabled' } : { kind: 'token', token };
}

/** The database as an operator should read it: where PGlite keeps its files, or PostgreSQL's address without secrets. */
export function describeDatabase(database: Database): string {
  if (database.kind === 'pglite')
    return database.dataDir === null ? 'PGlite in memory' : `PGlite in ${database.dataDir}`;
  const url = new URL(database.url);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `PostgreSQL ${user}${url.host}${url.pathname}`;
}

/** A start-up refusal: its message is the one line an operator sees. */
export class ConfigError extends Error {}

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0]);
  const given = env[name];
  return `${name}: ${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`;
}

function chooseDatabase(values: z.infer<typeof envSchema>): Database {
  const { DATABASE_URL: url, DATABASE__STATEMENT_TIMEOUT_MS: statementTimeoutMs } = values;
  const wasmCompiler = values.PGLITE__WASM_COMPILER;
  if (url === undefined)
    return { kind: 'pglite', dataDir: `${values.DATA_DIR}/pglite`, statementTimeoutMs, wasmCompiler };
  if (url === 'memory://') return { kind: 'pglite', dataDir: null, statementTimeoutMs, wasmCompiler };
  return { kind: 'postgresql', url, statementTimeoutMs };
}

export function loadConfig(env: NodeJS.ProcessEnv, generateKey: () => string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((i) => describeIssue(i, env)).join('; ')}`);
  }
  const values = parsed.data;
  if (values.SECURITY__API_KEY === undefined && values.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: SECURITY__API_KEY must be set when NODE_ENV=production');
  }
  if (values.SECURITY__ADMIN_TOKEN === undefined && !isLoopbackHost(values.HOST)) {
    throw new ConfigError(
      `Invalid configuration: SECURITY__ADMIN_TOKEN must be set when HOST (${values.HOST}) is not a loopback address`,
    );
  }
  return {
    port: values.PORT,
    host: values.HOST,
    database: chooseDatabase(values),
    dataDir: values.DATA_DIR,
    dataDirMinFreeBytes: values.DATA_DIR_MIN_FREE_MB * 1024 * 1024,
    apiKey: values.SECURITY__API_KEY ?? generateKey(),
    apiKeyGenerated: values.SECURITY__API_KEY === undefined,
    adminToken: values.SECURITY__ADMIN_TOKEN ?? null,
    metrics: metricsAccess(values.HOST, values.METRICS_TOKEN),
    logLevel: values.LOG_LEVEL,
    rateLimit: { max: values.RATE_LIMIT__MAX, windowSeconds: values.RATE_LIMIT__WINDOW_SECONDS },
    live: {
      maxConnections: values.WS_MAX_CONNECTIONS,
      idleTimeoutMs: values.WS_IDLE_TIMEOUT_MS,
      authTimeoutMs: values.WS_AUTH_TIMEOUT_MS,
      statsIntervalMs: values.LIVE_STATS_INTERVAL_MS,
    },
    browsers: {
      corsOrigins: values.CORS_ORIGINS,
      allowedHosts: values.SECURITY__ADMIN_TOKEN === undefined ? values.ALLOWED_HOSTS : null,
    },
  };
}
