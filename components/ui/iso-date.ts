import { format, isValid, parse } from 'date-fns';

const ISO = 'yyyy-MM-dd';

/** A `yyyy-MM-dd` string as a local date, or undefined when it is empty or not a real calendar date. */
export function parseIsoDate(value: string | null | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = parse(value, ISO, new Date());
  return isValid(date) ? date : undefined;
}

/** A date as `yyyy-MM-dd` in local time (what a date field posts). */
export const toIsoDate = (date: Date) => format(date, ISO);
