import { z } from 'zod';
import { cursorSchema, pageLimitSchema } from '@/lib/pagination/cursor';
import { idSchema } from '@/lib/permissions/schemas';
import { pathIdSchema } from '@/lib/validation/path-id';
import { taskStatuses } from './transitions';

export const taskPriorities = ['urgent', 'high', 'medium', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

export const taskStatusSchema = z.enum(taskStatuses, { error: `Status must be one of ${taskStatuses.join(', ')}.` });
export const taskPrioritySchema = z.enum(taskPriorities, { error: `Priority must be one of ${taskPriorities.join(', ')}.` });

const titleSchema = z
  .string('The title must be text.')
  .trim()
  .min(1, 'Give the task a title.')
  .max(200, 'The title is at most 200 characters.');
const descriptionSchema = z.string('The description must be text.').max(10_000, 'The description is at most 10,000 characters.');
const labelSchema = z
  .string('A label must be text.')
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,29}$/u, 'A label is 1–30 letters, digits, spaces, dots, dashes or underscores.');
const labelsSchema = z
  .array(labelSchema, 'Labels must be a list.')
  .max(10, 'At most 10 labels.')
  .transform((labels) => [...new Set(labels)]);
/** A calendar date (YYYY-MM-DD) or null to clear it. */
const dueOnSchema = z.iso.date('The due date must be a date (YYYY-MM-DD).').refine((d) => d >= '2000-01-01' && d <= '2999-12-31', 'The due date is out of range.');

/** A task id as it arrives in a path: a malformed one is answered like a missing task (lib/tasks/queries.ts). */
export const taskIdSchema = pathIdSchema;

export const createTaskSchema = z.object({
  orgId: idSchema,
  title: titleSchema,
  description: descriptionSchema.default(''),
  status: z.enum(['todo', 'in_progress', 'in_review', 'blocked'], { error: 'A new task starts as todo, in_progress, in_review or blocked.' }).default('todo'),
  priority: taskPrioritySchema.default('medium'),
  assigneeId: idSchema.nullable().default(null),
  dueOn: dueOnSchema.nullable().default(null),
  labels: labelsSchema.default([]),
});
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const updateTaskSchema = z.strictObject(
  {
    orgId: idSchema,
    taskId: taskIdSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    priority: taskPrioritySchema.optional(),
    assigneeId: idSchema.nullable().optional(),
    dueOn: dueOnSchema.nullable().optional(),
    labels: labelsSchema.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field ${issue.keys.join(', ')}: change the status with POST /api/tasks/:id/transitions.` : undefined) },
);
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const transitionTaskSchema = z.object({
  orgId: idSchema,
  taskId: taskIdSchema,
  to: taskStatusSchema,
  /** Place the card after this task in the target column (board drops); omitted: at the end. */
  afterId: idSchema.nullable().optional(),
});
export type TransitionTaskInput = z.input<typeof transitionTaskSchema>;

export const taskRefSchema = z.object({ orgId: idSchema, taskId: taskIdSchema });
export type TaskRef = z.input<typeof taskRefSchema>;

export const addCommentSchema = z.object({
  orgId: idSchema,
  taskId: taskIdSchema,
  body: z.string('The comment must be text.').trim().min(1, 'Write a comment first.').max(5000, 'A comment is at most 5,000 characters.'),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

export const watchTaskSchema = z.object({ orgId: idSchema, taskId: taskIdSchema, watching: z.boolean('watching must be true or false.') });

export const dueFilters = ['overdue', 'today', 'week', 'none'] as const;
export const listTasksSchema = z.object({
  orgId: idSchema,
  status: taskStatusSchema.optional(),
  /** A member's id, or "none" for unassigned tasks. */
  assignee: z.union([idSchema, z.literal('none')], { error: 'Assignee must be a member id or none.' }).optional(),
  priority: taskPrioritySchema.optional(),
  due: z.enum(dueFilters, { error: `Due must be one of ${dueFilters.join(', ')}.` }).optional(),
  label: labelSchema.optional(),
  search: z.string('Search must be text.').trim().max(100, 'Search at most 100 characters.').optional(),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ListTasksInput = z.input<typeof listTasksSchema>;
