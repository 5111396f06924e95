import { registerApprovalType } from '../registry';
import { customApproval } from './custom';
import { userRoleChangeApproval } from './user-role-change';

/**
 * The approval types this app knows. A new type (project_deployment, template_publication) is a
 * file beside these exporting an ApprovalType, registered here; nothing else changes.
 */
registerApprovalType(customApproval);
registerApprovalType(userRoleChangeApproval);
