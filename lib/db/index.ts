export { sql, closeSql, type Sql, type Tx } from './client';
export { withRls, withServiceRole, pingDatabase, rlsClaimsSchema, ForbiddenRoleError, type RlsClaims } from './with-rls';
