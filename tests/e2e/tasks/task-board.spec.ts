import { createConfirmedUser, expect, test } from '../auth/fixtures';
import { TasksPage } from '../pages/tasks.po';
import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { signInOnTenant } from '../support/tenant-sign-in';

/**
 * Two browsers on one board: what one does (create, move by keyboard and by mouse,
 * comment, reassign) appears in the other without a reload, through the database's
 * broadcasts on org:<id>:tasks; a move the state machine refuses rolls back with a message.
 */
test.afterAll(closeAdminDb);
// Wide enough for every column, so a drag never has to scroll the board.
test.use({ viewport: { width: 1920, height: 900 } });

const LIVE = 'Live: changes appear as they happen';

test('two browsers on one board see each other’s changes live', async ({ page, browser, shot }) => {
  test.setTimeout(150_000);
  const owner = await createConfirmedUser('board-owner', 'Olive Owner');
  const member = await createConfirmedUser('board-member', 'Max Member');
  const org = await createOrg('board', 'Boardwalk');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${member.id}, 'member')`;

  const other = await (await browser.newContext()).newPage();
  await signInOnTenant(page, org.slug, owner, '/tasks');
  await signInOnTenant(other, org.slug, member, '/tasks');
  const a = new TasksPage(page, org.slug);
  const b = new TasksPage(other, org.slug);
  await expect(page.getByText('No tasks yet')).toBeVisible();
  for (const p of [page, other]) await expect(p.getByRole('status', { name: LIVE })).toBeVisible();

  await a.createTask('Draft the intake form', { priority: 'High', labels: 'intake, forms' });
  await a.createTask('Review the pricing page');
  await expect(b.cardIn('todo', 'Draft the intake form')).toBeVisible();
  await expect(b.cardIn('todo', 'Review the pricing page')).toBeVisible();

  // Keyboard: Space, Right, Space moves the card to In progress, in both browsers.
  await a.moveWithKeyboard('Draft the intake form', ['ArrowRight']);
  await expect(a.cardIn('in_progress', 'Draft the intake form')).toBeVisible();
  await expect(a.cardIn('in_progress', 'Draft the intake form')).toBeFocused();
  await expect(b.cardIn('in_progress', 'Draft the intake form')).toBeVisible();

  // Mouse: drag it on to In review.
  await a.dragTo('Draft the intake form', 'in_review');
  await expect(b.cardIn('in_review', 'Draft the intake form')).toBeVisible();

  // The member comments and takes the task; the owner's board shows both.
  await b.open('Draft the intake form');
  await b.comment('I can take this one.');
  await b.choose(b.drawer.getByLabel('Assignee'), `${member.name} (${member.email})`);
  await expect(a.cardIn('in_review', 'Draft the intake form').getByRole('img', { name: `Assigned to ${member.name}` })).toBeVisible();
  await expect(a.cardIn('in_review', 'Draft the intake form')).toContainText('1');
  await expect(b.drawer.locator('[data-activity="assignee"]')).toContainText(`assigned it to ${member.name}`);
  await shot('01-task-drawer', { page: other });
  // The owner watches the task (they created it): the member's comment reaches their bell.
  await expect(page.getByTestId('notification-bell').first()).toHaveAccessibleName('Notifications, 1 unread', { timeout: 30_000 });
  await other.keyboard.press('Escape');
  await shot('02-task-board');
});

test('a move the state machine refuses rolls back with the reason', async ({ page }) => {
  const owner = await createConfirmedUser('board-refuse', 'Rita Refuse');
  const org = await createOrg('refuse', 'Refusals');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner')`;
  await adminDb()`insert into public.tasks (org_id, title, created_by) values (${org.id}, 'Skip review', ${owner.id})`;
  await signInOnTenant(page, org.slug, owner, '/tasks');
  // Hydrated and subscribed before the drag (the server's HTML has no drag handlers yet).
  await expect(page.getByRole('status', { name: LIVE })).toBeVisible();
  const tasks = new TasksPage(page, org.slug);
  await tasks.dragTo('Skip review', 'done');
  await expect(page.getByText('The task was not moved')).toBeVisible();
  await expect(page.getByText('A task cannot move from To do to Done.', { exact: false })).toBeVisible();
  await expect(tasks.cardIn('todo', 'Skip review')).toBeVisible();
  await expect(tasks.column('done').locator('[data-card-id]')).toHaveCount(0);
  const [row] = await adminDb()`select status from public.tasks where org_id = ${org.id}`;
  expect(row?.status).toBe('todo');
});

test('the list filters, searches and opens a task; a viewer only reads', async ({ page, shot }) => {
  const owner = await createConfirmedUser('list-owner', 'Lena List');
  const viewer = await createConfirmedUser('list-viewer', 'Vic Viewer');
  const org = await createOrg('tasklist', 'Listings');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${viewer.id}, 'viewer')`;
  await adminDb()`insert into public.tasks (org_id, title, priority, labels, status, assignee_id, created_by) values
    (${org.id}, 'Urgent invoice run', 'urgent', '{finance}', 'todo', ${owner.id}, ${owner.id}),
    (${org.id}, 'Write onboarding copy', 'low', '{content}', 'in_progress', null, ${owner.id}),
    (${org.id}, 'Fix login bug', 'high', '{}', 'blocked', null, ${owner.id})`;
  await signInOnTenant(page, org.slug, viewer, '/tasks/list');
  const tasks = new TasksPage(page, org.slug);
  const rows = page.getByRole('table', { name: 'Tasks' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'New task' })).toHaveCount(0);
  await tasks.choose(page.getByLabel('Priority'), 'Urgent');
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Urgent invoice run');
  await tasks.gotoList('?search=onboarding');
  await expect(rows).toHaveCount(1);
  await page.getByRole('link', { name: 'Write onboarding copy' }).click();
  await expect(tasks.drawer.getByRole('heading', { name: 'Write onboarding copy' })).toBeVisible();
  await expect(tasks.drawer.getByLabel('Title')).toBeDisabled();
  await expect(tasks.drawer.getByLabel('Add a comment')).toHaveCount(0);
  await shot('03-task-list-drawer-viewer');
  await tasks.gotoList('?status=done');
  await expect(page.getByText('No task matches these filters')).toBeVisible();
  await tasks.gotoBoard();
  // Not movable for a viewer: the card opens, but cannot be picked up.
  await expect(tasks.card('Fix login bug')).not.toHaveAttribute('aria-pressed');
});
