import type http from 'node:http';
import type { Engine } from '../engine/context.ts';
import { listApps } from '../store/apps.ts';
import { countRuns, listRuns, runDetail } from '../store/views.ts';
import { cancelById, replayById } from './api.ts';
import { escapeHtml as e, HttpError, sendHtml } from './io.ts';

const STYLE = `body{font:14px system-ui,sans-serif;margin:24px;color:#111}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f6f6f6}
pre{margin:0;max-height:240px;overflow:auto;background:#f8f8f8;padding:6px;white-space:pre-wrap;word-break:break-all}
.completed{color:#067d3a}.failed{color:#b00020}.cancelled{color:#777}.running,.queued{color:#0b5cad}
form{display:inline}button{margin-right:6px}nav a{margin-right:12px}`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>` +
  `<body><nav><a href="/">Runs</a><a href="/?status=failed">Failed</a><a href="/?status=running">Running</a></nav><h1>${e(title)}</h1>${body}</body></html>`;

const json = (value: unknown) => `<pre>${e(JSON.stringify(value, null, 2))}</pre>`;
const time = (d: Date | null) => (d ? e(d.toISOString().replace('T', ' ').slice(0, 23)) : '');

async function listPage(engine: Engine, url: URL): Promise<string> {
  const status = url.searchParams.get('status') ?? undefined;
  const runs = await listRuns(engine.db, { limit: 200, status, functionId: url.searchParams.get('fn') ?? undefined });
  const counts = await countRuns(engine.db);
  const apps = await listApps(engine.db, engine.db.sql);
  const rows = runs.map((r) =>
    `<tr><td><a href="/runs/${e(r.id)}">${e(r.id)}</a></td><td><a href="/?fn=${encodeURIComponent(r.function_id)}">${e(r.function_id)}</a></td>` +
    `<td class="${e(r.status)}">${e(r.status)}</td><td>${r.attempt + 1}</td><td>${e(r.event.name)}</td><td>${time(r.created_at)}</td><td>${time(r.ended_at)}</td></tr>`);
  const appList = apps.map((a) => `<li>${e(a.id)}: ${e(a.url)} (${e(a.sdk)}), synced ${time(a.synced_at)}</li>`).join('') || '<li>No app synced yet: send a PUT to its serve endpoint.</li>';
  const functions = engine.registry.all().map((f) => `<li>${e(f.id)}: ${e(f.config.triggers.map((t) => ('cron' in t ? `cron ${t.cron}` : t.event)).join(', '))}</li>`).join('');
  return page('Local Inngest executor',
    `<p>${Object.entries(counts).map(([s, n]) => `${e(s)}: ${n}`).join(' · ') || 'No runs yet.'}</p>` +
    `<h2>Apps</h2><ul>${appList}</ul><h2>Functions</h2><ul>${functions}</ul>` +
    `<h2>Runs${status ? ` (${e(status)})` : ''}</h2><table><tr><th>run</th><th>function</th><th>status</th><th>attempt</th><th>event</th><th>created</th><th>ended</th></tr>${rows.join('')}</table>`);
}

async function runPage(engine: Engine, runId: string): Promise<string> {
  const detail = await runDetail(engine.db, runId);
  if (!detail) throw new HttpError(404, 'Run not found');
  const { run, steps, history } = detail;
  const active = run.status === 'queued' || run.status === 'running';
  const actions = (active ? `<form method="post" action="/runs/${e(run.id)}/cancel"><button>Cancel</button></form>` : '') +
    `<form method="post" action="/runs/${e(run.id)}/replay"><button>Replay</button></form>`;
  const stepRows = steps.map((s) =>
    `<tr><td>${e(s.name ?? s.id)}<br><small>${e(s.id)}</small></td><td>${e(s.op)}</td><td class="${s.status === 'failed' ? 'failed' : ''}">${e(s.status)}</td>` +
    `<td>${s.attempts}</td><td>${s.error ? json(s.error) : s.status === 'done' ? json(s.data) : ''}</td></tr>`);
  const historyRows = history.map((h) =>
    `<tr><td>${time(h.at)}</td><td>${e(h.kind)}</td><td>${e(h.step_id ?? '')}</td><td>${h.attempt ?? ''}</td><td>${h.detail ? json(h.detail) : ''}</td></tr>`);
  return page(`Run ${run.id}`,
    `<p>${e(run.function_id)} · <span class="${e(run.status)}">${e(run.status)}</span> · attempt ${run.attempt + 1}` +
    `${run.replay_of ? ` · replay of <a href="/runs/${e(run.replay_of)}">${e(run.replay_of)}</a>` : ''}</p><p>${actions}</p>` +
    (run.status === 'completed' ? `<h2>Output</h2>${json(run.output)}` : '') + (run.error ? `<h2>Error</h2>${json(run.error)}` : '') +
    `<h2>Steps</h2><table><tr><th>step</th><th>op</th><th>status</th><th>attempts</th><th>output or error</th></tr>${stepRows.join('')}</table>` +
    `<h2>Event</h2>${json(run.events.length > 1 ? run.events : run.event)}` +
    `<h2>History</h2><table><tr><th>at</th><th>what</th><th>step</th><th>attempt</th><th>detail</th></tr>${historyRows.join('')}</table>`);
}

/** The developer page at `/`: runs, one run's steps, cancel and replay. False for other paths. */
export async function handleUi(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if (req.method === 'GET' && path === '/') sendHtml(res, 200, await listPage(engine, url));
  else if (req.method === 'GET' && (m = /^\/runs\/([^/]+)$/.exec(path))) sendHtml(res, 200, await runPage(engine, decodeURIComponent(m[1]!)));
  else if (req.method === 'POST' && (m = /^\/runs\/([^/]+)\/(cancel|replay)$/.exec(path))) {
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) throw new HttpError(403, 'Cross-origin form posts are refused');
    const runId = decodeURIComponent(m[1]!);
    const target = m[2] === 'cancel' ? (await cancelById(engine, runId), runId) : await replayById(engine, runId);
    res.writeHead(303, { location: `/runs/${encodeURIComponent(target)}` });
    res.end();
  } else return false;
  return true;
}
