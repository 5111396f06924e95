import type { Sql } from './db.ts';
import type { AuthKeys } from './keys.ts';
import type { Mailer } from './mailer.ts';
import type { AuthConfig } from './options.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { TokenService } from './tokens.ts';

/** Everything a handler may use; built once per server. */
export interface AuthServices {
  sql: Sql;
  config: AuthConfig;
  keys: AuthKeys;
  tokens: TokenService;
  mailer: Mailer;
  limiter: RateLimiter;
  log: (line: string) => void;
}
