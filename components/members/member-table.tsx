import { ConfirmAction } from '@/components/forms/confirm-action';
import type { Member } from '@/lib/members/queries';
import { roles, roleLevels, type Role } from '@/lib/permissions/schemas';
import { removeMemberAction } from '@/lib/workspace/member-actions';
import { formatDate } from './format';
import { RoleForm } from './role-form';

/** Members with role controls and removal for those allowed (the database enforces the same rules). */
export function MemberTable({
  members,
  me,
  myRole,
  canUpdateRole,
  canRemove,
}: {
  members: Member[];
  me: string;
  myRole: Role;
  canUpdateRole: boolean;
  canRemove: boolean;
}) {
  const grantable = roles.filter((r) => r !== 'owner' && roleLevels[r] <= roleLevels[myRole]);
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Member</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">Joined</th>
            <th scope="col" className="px-4 py-3 font-medium">Last sign-in</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const self = m.userId === me;
            const manageable = !self && roleLevels[m.role] <= roleLevels[myRole];
            return (
              <tr key={m.userId} className="border-b border-border last:border-0">
                <td className="px-4 py-3">
                  <div className="font-medium">{m.name || m.email}{self ? <span className="ml-2 text-xs text-muted">(you)</span> : null}</div>
                  {m.name ? <div className="text-muted">{m.email}</div> : null}
                </td>
                <td className="px-4 py-3">
                  {canUpdateRole && manageable && m.role !== 'owner' ? (
                    <RoleForm userId={m.userId} current={m.role} grantable={grantable} label={`Role of ${m.email}`} />
                  ) : (
                    <span className="capitalize">{m.role}</span>
                  )}
                </td>
                <td className="px-4 py-3 text-muted">{formatDate(m.joinedAt)}</td>
                <td className="px-4 py-3 text-muted">{formatDate(m.lastSignInAt)}</td>
                <td className="px-4 py-3 text-right">
                  {canRemove && manageable && m.role !== 'owner' ? (
                    <ConfirmAction
                      action={removeMemberAction}
                      fields={{ userId: m.userId }}
                      trigger="Remove"
                      title={`Remove ${m.email}?`}
                      description="They lose access to this organization at once. You can invite them again later."
                      confirmLabel="Remove member"
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
