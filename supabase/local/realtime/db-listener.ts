import crypto from 'node:crypto';
import postgres from 'postgres';

/**
 * A LISTEN connection that stays up: a ping NOTIFY every `pingMs` must come back on the
 * listening connection, else the connection is replaced (postgres.js re-listens after a
 * dropped connection only once, and gives up if the database is still down). `onListen`
 * runs after every (re)connection, so the caller can catch up on what it may have missed.
 */
export interface DbListener {
  ready(): boolean;
  /** Resolves true once listening (false after `timeoutMs`), so a server starts delivering from its first request. */
  whenReady(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

export function startDbListener(opts: {
  databaseUrl: string;
  channel: string;
  pingMs: number;
  onNotify: (text: string) => void;
  onListen: (reconnected: boolean) => void;
  log: (line: string) => void;
}): DbListener {
  let sql: postgres.Sql | null = null;
  let listening = false;
  let stopped = false;
  let everListened = false;
  let pending: { nonce: string; at: number } | null = null;
  let connecting: Promise<void> | null = null;
  let markReady: () => void = () => {};
  const firstListen = new Promise<void>((resolve) => (markReady = resolve));

  const receive = (text: string) => {
    if (pending && text === JSON.stringify({ ping: pending.nonce })) {
      pending = null;
      return;
    }
    if (!text.startsWith('{"ping":')) opts.onNotify(text);
  };

  const connect = async () => {
    const previous = sql;
    sql = postgres(opts.databaseUrl, {
      max: 1,
      onnotice: () => {},
      connect_timeout: 5,
      connection: { application_name: 'supabase_realtime_listener' },
    });
    listening = false;
    pending = null;
    if (previous) void previous.end({ timeout: 0 }).catch(() => {});
    const current = sql;
    try {
      await current.listen(opts.channel, receive, () => {
        if (current !== sql || stopped) return;
        listening = true;
        opts.onListen(everListened);
        everListened = true;
        markReady();
      });
    } catch (error) {
      if (!stopped) opts.log(`realtime: cannot listen for database broadcasts (retrying): ${(error as Error).message}`);
    }
  };

  const tick = async () => {
    if (stopped || connecting) return;
    if (!listening || (pending && Date.now() - pending.at > opts.pingMs)) {
      if (listening) opts.log('realtime: database listener stopped answering; reconnecting');
      connecting = connect().finally(() => (connecting = null));
      return;
    }
    if (pending) return;
    const nonce = crypto.randomUUID();
    pending = { nonce, at: Date.now() };
    try {
      await sql?.notify(opts.channel, JSON.stringify({ ping: nonce }));
    } catch {
      // The ping stays unanswered and the next tick reconnects.
    }
  };

  connecting = connect().finally(() => (connecting = null));
  const timer = setInterval(() => void tick(), opts.pingMs);
  timer.unref();

  return {
    ready: () => listening,
    whenReady: (timeoutMs) =>
      Promise.race([firstListen.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]),
    async stop() {
      stopped = true;
      clearInterval(timer);
      listening = false;
      await connecting?.catch(() => {});
      await sql?.end({ timeout: 1 }).catch(() => {});
    },
  };
}
