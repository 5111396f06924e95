/**
 * Cron schedules as Inngest accepts them: five fields (minute hour day-of-month month
 * day-of-week) with `*`, lists, ranges, steps, month/day names and the `@hourly`-style
 * shortcuts, evaluated in UTC (`TZ=UTC ` prefix accepted). A sixth leading seconds field
 * is a local extension so tests need not wait a minute; Inngest Cloud may reject it.
 */
const SHORTCUTS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
};

export interface CronSchedule {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Day-of-month and day-of-week both restricted: either may match (Vixie cron). */
  dayOr: boolean;
}

function field(text: string, min: number, max: number, what: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.toLowerCase().split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const value = (v: string) => (v in NAMES ? NAMES[v]! : Number(v));
    let [from, to] = range === '*' ? [min, max] : range.split('-').map(value) as [number, number | undefined];
    if (to === undefined) to = stepText === undefined ? from : max;
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) {
      throw new Error(`Invalid cron ${what} field "${text}"`);
    }
    for (let v = from; v <= to; v += step) values.add(what === 'day-of-week' && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  let text = expression.trim().replace(/^TZ=UTC\s+/i, '');
  if (/^TZ=/i.test(text)) throw new Error(`Cron time zones other than UTC are not supported locally: "${expression}"`);
  text = SHORTCUTS[text.toLowerCase()] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length === 5) parts.unshift('0');
  if (parts.length !== 6) throw new Error(`Invalid cron "${expression}": expected 5 fields`);
  const [s, mi, h, dom, mo, dow] = parts as [string, string, string, string, string, string];
  return {
    seconds: field(s, 0, 59, 'second'),
    minutes: field(mi, 0, 59, 'minute'),
    hours: field(h, 0, 23, 'hour'),
    days: field(dom, 1, 31, 'day-of-month'),
    months: field(mo, 1, 12, 'month'),
    weekdays: field(dow, 0, 7, 'day-of-week'),
    dayOr: dom !== '*' && dow !== '*',
  };
}

function dayMatches(c: CronSchedule, d: Date): boolean {
  const dom = c.days.has(d.getUTCDate());
  const dow = c.weekdays.has(d.getUTCDay());
  return c.dayOr ? dom || dow : dom && dow;
}

/** The first time strictly after `after` that the schedule fires (searches up to 5 years). */
export function nextCronTime(expression: string | CronSchedule, after: Date): Date {
  const c = typeof expression === 'string' ? parseCron(expression) : expression;
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() < limit) {
    if (!c.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0);
    } else if (!dayMatches(c, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0);
    } else if (!c.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0);
    } else if (!c.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
    } else if (!c.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1);
    } else return t;
  }
  throw new Error('Cron schedule never fires');
}
