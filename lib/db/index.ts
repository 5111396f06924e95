import 'server-only';
export { sql, closeSql, type Sql, type Tx } from './client.ts';
export {
  withRls,
  withServiceRole,
  pingDatabase,
  rlsClaimsSchema,
  ForbiddenRoleError,
  type RlsClaims,
  type RlsOptions,
  type ServiceActor,
} from './with-rls.ts';
export { takePreloadedMembership } from './preloaded.ts';
export { requestContextSchema, type RequestContext } from './request-context.ts';
