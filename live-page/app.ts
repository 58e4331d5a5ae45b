// The live page: the server's status, Aurora's stats, and both families' live events, through the typed tRPC client
// over /ws. Credentials stay in this tab's sessionStorage; each feed remembers its last event id there, so a reload
// resumes where it left off.
import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from '@trpc/client';
import type { AppRouter } from '../routers/index.ts';

type Family = 'aurora' | 'hubgw';
type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

interface Credentials {
  token: string;
  apiKey: string;
}

interface FeedLine {
  id: string;
  timestamp: string;
  type: string;
  summary: string;
}

interface LiveEvent {
  type: string;
  timestamp: string;
  data?: unknown;
}

const FEED_LENGTH = 100;
const STATUS_INTERVAL_MS = 5000;
/** Fields that name what an event is about, in the order a person looks for them. */
const NAMING_FIELDS = ['name', 'username', 'player_name', 'caseId', 'title', 'type', 'id'];

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

function readCredentials(): Credentials {
  return { token: sessionStorage.getItem('token') ?? '', apiKey: sessionStorage.getItem('apiKey') ?? '' };
}

function saveCredentials({ token, apiKey }: Credentials): void {
  sessionStorage.setItem('token', token);
  sessionStorage.setItem('apiKey', apiKey);
}

function connectionParams({ token, apiKey }: Credentials): Record<string, string> {
  return { ...(token ? { token } : {}), ...(apiKey ? { apiKey } : {}) };
}

function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

function formatValue(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString() : String(value);
}

/** A mutation's answer is often `{success, <resource>: {...}}`; the resource is what the line is about. */
function subjectOf(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const nested = Object.values(record).filter(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  );
  return nested.length === 1 && 'success' in record ? (nested[0] as Record<string, unknown>) : record;
}

function summarize(data: unknown): string {
  const subject = subjectOf(data);
  const names = subject
    ? NAMING_FIELDS.filter((field) => subject[field] !== undefined && subject[field] !== null).slice(0, 2)
    : [];
  if (subject && names.length > 0) return names.map((field) => String(subject[field])).join(' · ');
  return JSON.stringify(data ?? null).slice(0, 120);
}

/** What the page says for a refused credential: none was given, or the one given was not accepted. */
function describeRefusal(family: Family, credentials: Credentials): string {
  if (family === 'aurora')
    return credentials.token
      ? 'The Aurora admin token was refused: check it under Credentials.'
      : 'Needs the Aurora admin token: enter it under Credentials.';
  return credentials.apiKey
    ? 'The HubGW API key was refused: check it under Credentials.'
    : 'Needs the HubGW API key: enter it under Credentials.';
}

function describeError(error: unknown, family: Family, credentials: Credentials): string {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  if (code === 'UNAUTHORIZED') return describeRefusal(family, credentials);
  if (code === 'TOO_MANY_REQUESTS') return 'Rate limited; it will try again.';
  return error instanceof Error ? error.message : String(error);
}

function showNote(id: string, text: string | null): void {
  const note = byId(id);
  note.hidden = text === null;
  note.textContent = text ?? '';
  if (text?.endsWith('under Credentials.')) byId<HTMLDetailsElement>('credentials').open = true;
}

/** One family's feed: newest first, kept in sessionStorage with the last event id it has seen. */
class Feed {
  readonly #family: Family;
  readonly #list: HTMLOListElement;
  #lines: FeedLine[];
  /** Set when the server cannot resume after the last line (gone, or never given): the feed goes on from now. */
  #expired = false;

  constructor(family: Family) {
    this.#family = family;
    this.#list = byId<HTMLOListElement>(`${family}-feed`);
    this.#lines = JSON.parse(sessionStorage.getItem(`feed:${family}`) ?? '[]') as FeedLine[];
    for (const line of [...this.#lines].reverse()) this.#render(line);
  }

  get lastEventId(): string | null {
    return this.#expired ? null : (this.#lines[0]?.id ?? null);
  }

  /** The server cannot resume after the last line: the lines stay, and the feed resumes from now. */
  expire(): void {
    this.#expired = true;
  }

  add(id: string, event: LiveEvent): void {
    this.#expired = false;
    const line = { id, timestamp: event.timestamp, type: event.type, summary: summarize(event.data) };
    this.#lines = [line, ...this.#lines].slice(0, FEED_LENGTH);
    sessionStorage.setItem(`feed:${this.#family}`, JSON.stringify(this.#lines));
    this.#render(line);
    while (this.#list.children.length > FEED_LENGTH) this.#list.lastElementChild?.remove();
  }

  #render(line: FeedLine): void {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = line.timestamp;
    time.textContent = new Date(line.timestamp).toLocaleTimeString();
    const type = document.createElement('span');
    type.className = 'type';
    type.textContent = line.type;
    const summary = document.createElement('span');
    summary.className = 'summary';
    summary.textContent = line.summary;
    summary.title = line.summary;
    item.append(time, type, summary);
    this.#list.prepend(item);
  }
}

const feeds: Record<Family, Feed> = { aurora: new Feed('aurora'), hubgw: new Feed('hubgw') };

/** Which connection the page shows; a replaced one's late callbacks are ignored. */
let currentConnection = 0;

function setConnection(connection: number, state: 'connecting' | 'open' | 'closed'): void {
  if (connection !== currentConnection) return;
  const pill = byId('connection');
  pill.dataset.state = state;
  pill.textContent = { connecting: 'connecting…', open: 'live', closed: 'reconnecting…' }[state];
  if (state === 'closed') showStatusStale();
}

/** When the Status card last heard from the server; what it shows is that moment's state. */
let statusHeardAt: Date | null = null;

/**
 * The page has lost the server (down, restarting, or the socket closed): the card keeps its last known state, but
 * says it is from then, so a frozen uptime and a database that was up are not read as now.
 */
function showStatusStale(): void {
  byId('status').dataset.stale = 'true';
  showNote(
    'status-note',
    statusHeardAt
      ? `Not connected to the server: last known state, from ${statusHeardAt.toLocaleTimeString()}.`
      : 'Not connected to the server.',
  );
}

async function refreshStatus(client: Client): Promise<void> {
  try {
    const status = await client.server.status.query();
    statusHeardAt = new Date();
    delete byId('status').dataset.stale;
    showNote('status-note', null);
    byId('version').textContent = `v${status.version}`;
    const database = byId('status-database');
    database.textContent = status.database;
    database.className = status.database;
    byId('status-uptime').textContent = formatUptime(status.uptimeSeconds);
    byId('status-connections').textContent = formatValue(status.liveConnections);
  } catch {
    showStatusStale();
  }
}

function subscribeStats(client: Client, credentials: Credentials) {
  return client.aurora.live.stats.subscribe(undefined, {
    onStarted() {
      showNote('stats-note', null);
    },
    onData(stats) {
      for (const cell of document.querySelectorAll<HTMLElement>('[data-stat]')) {
        cell.textContent = formatValue(stats[cell.dataset.stat as keyof typeof stats]);
      }
      byId('status-maintenance').textContent = stats.maintenanceMode ? 'on' : 'off';
      byId('stats-time').textContent = `at ${new Date(stats.timestamp).toLocaleTimeString()}`;
    },
    onError(error) {
      showNote('stats-note', describeError(error, 'aurora', credentials));
      byId('status-maintenance').textContent = 'needs the admin token';
    },
  });
}

/** What the feed says when the server cannot resume from its last line, by the refusal's code. */
const RESUME_REFUSALS: Record<string, string> = {
  events_expired: 'Events older than an hour are gone; the feed goes on from now.',
  events_ahead: "The server's events start over (its data was reset or restored); the feed goes on from now.",
};

/** Why the server refused to resume the feed from its last line, or null when it did not. */
function refusedResume(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return RESUME_REFUSALS[(error.data as { appCode?: string } | undefined)?.appCode ?? ''] ?? null;
}

/** The family's events from the feed's last line on; a resume the server can no longer serve starts over from now. */
function subscribeEvents(client: Client, family: Family, credentials: Credentials): { unsubscribe(): void } {
  let current: { unsubscribe(): void };
  /** After a refused resume, the note saying so stays up when the subscription from now starts. */
  let keepNote = false;
  const handlers = {
    onStarted() {
      if (!keepNote) showNote(`${family}-note`, null);
      keepNote = false;
    },
    onData({ id, data }: { id: string; data: LiveEvent }) {
      feeds[family].add(id, data);
    },
    onError(error: unknown) {
      const refusal = refusedResume(error);
      if (refusal === null) return showNote(`${family}-note`, describeError(error, family, credentials));
      showNote(`${family}-note`, refusal);
      feeds[family].expire();
      keepNote = true;
      start();
    },
  };
  const start = () => {
    const input = { lastEventId: feeds[family].lastEventId };
    current =
      family === 'aurora'
        ? client.aurora.live.events.subscribe(input, handlers)
        : client.hubgw.live.events.subscribe(input, handlers);
  };
  start();
  return { unsubscribe: () => current.unsubscribe() };
}

/** Opens one socket with the given credentials and starts everything the page shows; returns how to stop it all. */
function connect(credentials: Credentials): () => void {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const connection = ++currentConnection;
  setConnection(connection, 'connecting');
  const socket = createWSClient({
    url: `${scheme}://${location.host}/ws`,
    connectionParams: () => connectionParams(credentials),
    onOpen: () => {
      setConnection(connection, 'open');
      // Back: the card says the state of now, not the one kept while away.
      void refreshStatus(client);
    },
    onClose: () => setConnection(connection, 'closed'),
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
  const subscriptions = [
    subscribeStats(client, credentials),
    subscribeEvents(client, 'aurora', credentials),
    subscribeEvents(client, 'hubgw', credentials),
  ];
  // refreshStatus catches its own failures and shows the card's state as stale.
  void refreshStatus(client);
  const polling = setInterval(() => void refreshStatus(client), STATUS_INTERVAL_MS);
  return () => {
    clearInterval(polling);
    for (const subscription of subscriptions) subscription.unsubscribe();
    // A replaced connection that fails to close has nothing left to tell the page.
    socket.close().catch(() => undefined);
  };
}

let disconnect = connect(readCredentials());

const form = byId<HTMLFormElement>('credentials-form');
const fields = form.elements as HTMLFormControlsCollection & Record<'token' | 'apiKey', HTMLInputElement>;
fields.token.value = readCredentials().token;
fields.apiKey.value = readCredentials().apiKey;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const credentials = { token: fields.token.value.trim(), apiKey: fields.apiKey.value.trim() };
  saveCredentials(credentials);
  disconnect();
  disconnect = connect(credentials);
  byId<HTMLDetailsElement>('credentials').open = false;
});
