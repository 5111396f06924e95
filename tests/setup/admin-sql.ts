import postgres from 'postgres';
import { inject } from 'vitest';

/** Superuser connection for test fixtures only (never used by product code). */
export function adminSql() {
  return postgres(inject('databaseAdminUrl'), { max: 2, onnotice: () => {} });
}
