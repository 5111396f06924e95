import type { TaskPriority } from './schemas';
import type { TaskStatus } from './transitions';

/** A member as tasks show them; `name` is empty when they set none; null ids are former members. */
export interface TaskPerson {
  id: string;
  name: string;
  email: string;
}

export interface Task {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assignee: TaskPerson | null;
  dueOn: string | null;
  labels: string[];
  rank: number;
  createdBy: TaskPerson | null;
  createdAt: string;
  updatedAt: string;
  commentCount: number;
}

export interface TaskComment {
  id: string;
  author: TaskPerson | null;
  body: string;
  createdAt: string;
}

/** One change in a task's history: `field` from → to, by whom, when. */
export interface TaskActivity {
  id: string;
  actor: TaskPerson | null;
  field: 'created' | 'title' | 'description' | 'status' | 'priority' | 'assignee' | 'due_on' | 'labels' | 'comment';
  from: unknown;
  to: unknown;
  /** For assignee changes: the people behind the ids, when they are still members. */
  fromPerson?: TaskPerson | null;
  toPerson?: TaskPerson | null;
  createdAt: string;
}

export interface TaskDetail {
  task: Task;
  comments: TaskComment[];
  activity: TaskActivity[];
  watchers: TaskPerson[];
  watching: boolean;
}

export interface TaskBoard {
  tasks: Task[];
  /** How many tasks each column holds (the board shows the first 100 of each). */
  counts: Record<TaskStatus, number>;
}
