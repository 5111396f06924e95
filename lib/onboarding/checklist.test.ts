import { describe, expect, it } from 'vitest';
import type { Permission } from '@/lib/permissions/schemas';
import { buildChecklist, getStartedItems, type ChecklistItemDefinition } from './checklist';

const all = () => true;
const only = (...allowed: Permission[]) => (p: Permission) => allowed.includes(p);

describe('buildChecklist', () => {
  it('marks "invite a teammate" done once an invitation was sent or a second member joined', () => {
    const fresh = buildChecklist(getStartedItems, all, { memberCount: 1, invitationCount: 0 });
    expect(fresh?.items.map((i) => [i.key, i.done])).toEqual([['create_organization', true], ['invite_teammate', false]]);
    expect(fresh).toMatchObject({ doneCount: 1, complete: false });
    expect(buildChecklist(getStartedItems, all, { memberCount: 1, invitationCount: 1 })).toMatchObject({ doneCount: 2, complete: true });
    expect(buildChecklist(getStartedItems, all, { memberCount: 2, invitationCount: 0 })).toMatchObject({ complete: true });
  });

  it('shows only items the member may do, and nothing when none is theirs to do', () => {
    expect(buildChecklist(getStartedItems, only('org:read', 'members:read'), { memberCount: 1, invitationCount: 0 })).toBeNull();
  });

  it('takes items later features add, in order', () => {
    const task: ChecklistItemDefinition = {
      key: 'create_task', title: 'Create a task', description: '', href: '/tasks', action: 'New task',
      permission: 'tasks:create', isDone: () => false,
    };
    const list = buildChecklist([...getStartedItems, task], only('org:read', 'tasks:create'), { memberCount: 2, invitationCount: 0 });
    expect(list?.items.map((i) => i.key)).toEqual(['create_organization', 'create_task']);
    expect(list).toMatchObject({ doneCount: 1, complete: false });
  });
});
