// Reads and validates the process environment once, at start.
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import type { TrustProxy } from './http/client-address.ts';

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

export const WASM_COMPILERS = ['auto', 'optimizing', 'baseline'] as const;
/** A choice of V8's compilers for PGlite's WebAssembly; `auto` is settled at start by the memory there is. */
export type WasmCompilerSetting = (typeof WASM_COMPILERS)[number];

/** A hop count, or proxy addresses and CIDRs (and proxy-addr's names: loopback, linklocal, uniquelocal). */
const trustProxy = z.string().transform((value, ctx): TrustProxy => {
  const given = value.trim();
  if (given === '' || given === '0') return { kind: 'none' };
  if (/^\d+$/.test(given)) return { kind: 'hops', hops: Number(given) };
  const addresses = given
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    proxyAddr.compile(addresses);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a hop count or comma-separated proxy addresses or CIDRs' });
    return z.NEVER;
  }
  return { kind: 'addresses', addresses };
});

/** Days rows are kept, up to a century; 0 keeps them forever. */
function retentionDays(days: number) {
  return z.coerce.number().int().min(0).max(36_500).default(days);
}

/** Every variable the server reads, each with the text `npm run env:example` writes into .env.example. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP and WebSocket port (0: any free one)'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Bind address; one that is not loopback needs an admin token'),
  DATABASE_URL: databaseUrl
    .optional()
    .describe('Unset: PGlite in $DATA_DIR/pglite; memory://: PGlite in memory; postgres://…: PostgreSQL'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe("PGlite's files (pglite/) and uploads still being received (uploads/); one server process owns it"),
  DATA_DIR_MIN_FREE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_048_576)
    .default(64)
    .describe("Below this much free space on DATA_DIR's file system, writes are refused (0: never)"),
  BACKUP_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Set: the server on PGlite on disk writes a backup of its database here every BACKUP_INTERVAL_HOURS (npm run restore reads one back); unset: no scheduled backups',
    ),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .positive()
    .max(8_760)
    .default(24)
    .describe('Hours between scheduled backups (fractions allowed); the first comes one interval after the start'),
  BACKUP_KEEP: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(7)
    .describe('Scheduled backups kept in BACKUP_DIR; older ones are removed after each new one'),
  SECURITY__API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The key clients send as X-API-Key; unset: one is generated and logged, refused with NODE_ENV=production',
    ),
  SECURITY__ADMIN_TOKEN: z
    .string()
    .min(1)
    .optional()
    .describe('Set: admin routes, /trpc and /ws need Authorization: Bearer <token>; unset: loopback HOST only'),
  METRICS_TOKEN: z
    .string()
    .min(1)
    .optional()
    .describe('Bearer token for GET /metrics on a HOST that is not loopback; unset there, /metrics is not served'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level: fatal, error, warn, info, debug, trace or silent'),
  RATE_LIMIT__MAX: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe('Rate-limited requests one client may make per window'),
  RATE_LIMIT__WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(60)
    .describe("The rate limit's window, in seconds"),
  WS_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(10)
    .describe('WebSocket connections this instance holds at once'),
  WS_IDLE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60_000)
    .describe('A WebSocket silent this long (no message, no PONG) is closed'),
  LIVE_STATS_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .default(5_000)
    .describe('How often the live stats subscription yields a snapshot'),
  WS_AUTH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .default(5_000)
    .describe('A WebSocket without a valid credential in connectionParams by then is closed'),
  DATABASE__STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(5_000)
    .describe("A statement running longer is cancelled (PostgreSQL) or PGlite's process replaced (0: never)"),
  PGLITE__WASM_COMPILER: z
    .enum(WASM_COMPILERS)
    .default('auto')
    .describe(
      "How V8 compiles the embedded database's WebAssembly. optimizing: V8's default, hot functions tiered up to " +
        'its optimising compiler, which needs about 1 GB for a few seconds after each start. baseline: the baseline ' +
        'compiler only, which fits a 1 GB box (BENCHMARKS.md, #24) and serves slower. auto: baseline when less than ' +
        '1.5 GB is available to the server at its start (its cgroup limit or the free memory), optimizing otherwise.',
    ),
  CORS_ORIGINS: commaList(origin)
    .default([])
    .describe('Comma-separated origins whose pages may call the server, as https://dashboard.example.com'),
  ALLOWED_HOSTS: commaList(hostName)
    .default([])
    .describe('Comma-separated Host names served without an admin token, besides the loopback ones'),
  ASSET_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_536)
    .default(32)
    .describe(
      'Megabytes of item images each instance keeps in memory to serve /assets without reading the database; an image changed on any instance leaves every cache at its commit. 0 keeps none.',
    ),
  TRUST_PROXY: trustProxy
    .prefault('')
    .describe(
      "Proxies trusted to name the client in X-Forwarded-For, read as express's `trust proxy`: a hop count (1: the nearest peer is the proxy) or comma-separated proxy addresses or CIDRs (10.0.0.0/8,127.0.0.1). Unset: the header is ignored, and the client is the peer. The rate limit, the pending-socket bound and the request log use that client.",
    ),
  AUDIT_RETENTION_DAYS: retentionDays(90).describe(
    'Days an executed command is kept in the audit, counted from when it ran (0: forever)',
  ),
  TELEPORT_HISTORY_RETENTION_DAYS: retentionDays(30).describe('Days a teleport is kept in the history (0: forever)'),
  RETENTION_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(600)
    .describe('How long retention waits after a round before removing what has aged past it since'),
  NODE_ENV: z.string().optional().describe('production: JSON logs always, and SECURITY__API_KEY required'),
});

/**
 * A statement running longer than `statementTimeoutMs` (0: never) is cancelled on PostgreSQL; on PGlite, whose
 * process it holds, the process is replaced.
 */
export type Database =
  | { kind: 'pglite'; dataDir: string | null; statementTimeoutMs?: number; wasmCompiler: WasmCompilerSetting }
  | { kind: 'postgresql'; url: string; statementTimeoutMs?: number };

export interface Config {
  port: number;
  host: string;
  database: Database;
  dataDir: string;
  /** Below this much free space in DATA_DIR's file system, writes to a database kept there are refused (0: never). */
  dataDirMinFreeBytes: number;
  /** Scheduled backups of PGlite on disk; null when BACKUP_DIR is unset. */
  backups: BackupSchedule | null;
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
  /** How many bytes of served files (item images) one instance keeps in memory. */
  assetCacheBytes: number;
  /** Which peers may name the client in X-Forwarded-For. */
  trustProxy: TrustProxy;
  retention: RetentionSettings;
}

/** Backups the server takes by itself into `dir` every `intervalMs`, keeping the newest `keep`. */
export interface BackupSchedule {
  dir: string;
  intervalMs: number;
  keep: number;
}

/** How long the rows of the tables that grow with use are kept (0 days: forever), and how often retention runs. */
export interface RetentionSettings {
  auditDays: number;
  teleportHistoryDays: number;
  intervalMs: number;
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
    backups:
      values.BACKUP_DIR === undefined
        ? null
        : {
            dir: values.BACKUP_DIR,
            intervalMs: Math.round(values.BACKUP_INTERVAL_HOURS * 3_600_000),
            keep: values.BACKUP_KEEP,
          },
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
    assetCacheBytes: values.ASSET_CACHE_MB * 1024 * 1024,
    trustProxy: values.TRUST_PROXY,
    retention: {
      auditDays: values.AUDIT_RETENTION_DAYS,
      teleportHistoryDays: values.TELEPORT_HISTORY_RETENTION_DAYS,
      intervalMs: values.RETENTION_INTERVAL_SECONDS * 1000,
    },
  };
}
