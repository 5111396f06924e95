import { loadFunctions, type FunctionRow } from '../store/apps.ts';
import type { Db } from '../store/db.ts';
import type { FunctionConfig } from '../types.ts';

export interface RegisteredFunction {
  id: string;
  appId: string;
  name: string;
  config: FunctionConfig;
  /** Total attempts: the function's `retries` + 1 (Inngest's default is 3 retries). */
  maxAttempts: number;
  url: string;
}

/** The synced functions, held in memory and reloaded after each sync. */
export class Registry {
  private byId = new Map<string, RegisteredFunction>();
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async reload(): Promise<void> {
    const rows = await loadFunctions(this.db, this.db.sql);
    this.byId = new Map(rows.map((row) => [row.id, toRegistered(row)]));
  }

  get(id: string): RegisteredFunction | undefined {
    return this.byId.get(id);
  }

  all(): RegisteredFunction[] {
    return [...this.byId.values()];
  }

  /** Functions with an event trigger for `name` (exact, or a `prefix/*` wildcard) and that trigger's `if`. */
  forEvent(name: string): { fn: RegisteredFunction; expression?: string }[] {
    const found: { fn: RegisteredFunction; expression?: string }[] = [];
    for (const fn of this.byId.values()) {
      for (const trigger of fn.config.triggers) {
        if (!('event' in trigger)) continue;
        const pattern = trigger.event;
        const hit = pattern === name || (pattern.endsWith('*') && name.startsWith(pattern.slice(0, -1)));
        if (hit) found.push({ fn, expression: trigger.expression });
      }
    }
    return found;
  }
}

function toRegistered(row: FunctionRow): RegisteredFunction {
  const step = Object.values(row.config.steps)[0];
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    config: row.config,
    maxAttempts: (step?.retries?.attempts ?? 3) + 1,
    url: step?.runtime.url ?? '',
  };
}
