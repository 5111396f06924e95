import type { Db } from '../store/db.ts';
import type { Registry } from './registry.ts';

export interface EngineSettings {
  /** First retry delay; each further retry doubles it (plus up to 20% jitter), up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long one call to a serve endpoint may take before it counts as a failed attempt. */
  callTimeoutMs: number;
  /** Calls in flight at once across all functions. */
  maxConcurrentCalls: number;
  /** Signs calls (`X-Inngest-Signature`) when set, as Inngest Cloud does. */
  signingKey?: string;
}

/** What every part of the engine shares: the database, the synced functions, settings, the wake-up. */
export interface Engine {
  db: Db;
  registry: Registry;
  settings: EngineSettings;
  /** Wakes the worker (new or changed queue items). */
  notify(): void;
  /** A sync changed the cron schedules. */
  cronsChanged(): void;
  log(line: string): void;
}

/** Delay before retry number `attempt + 1`. */
export function backoffDelay(settings: EngineSettings, attempt: number): number {
  const base = Math.min(settings.backoffBaseMs * 2 ** attempt, settings.backoffMaxMs);
  return Math.round(base * (1 + Math.random() * 0.2));
}
