import { z } from 'zod';
import { optionalParam } from '@/lib/validation/optional-param';
import { listTasksSchema } from './schemas';

const filters = listTasksSchema.shape;

/** listTasksSchema read from a query string, where an empty value (`?status=`) means "not given". */
export const listTasksQuerySchema = listTasksSchema.extend({
  status: optionalParam(filters.status),
  assignee: optionalParam(filters.assignee),
  priority: optionalParam(filters.priority),
  due: optionalParam(filters.due),
  label: optionalParam(filters.label),
  search: optionalParam(filters.search),
  // Kept as text here; listTasks decodes it (a bad cursor is a 422 there).
  cursor: optionalParam(z.string('The cursor is not valid.').max(300, 'The cursor is not valid.')),
});
