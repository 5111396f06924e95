import 'server-only';
export { sql, closeSql, type Sql, type Tx } from './client.ts';
export { withRls, withServiceRole, pingDatabase, rlsClaimsSchema, ForbiddenRoleError, type RlsClaims } from './with-rls.ts';
