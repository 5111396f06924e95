import fs from 'node:fs';

const BEGIN = '# >>> written by `npm run dev`: local stack values (edits inside this block are replaced)';
const END = '# <<< local stack';

/**
 * Writes `values` into a managed block of the env file, keeping every line the
 * developer wrote outside the block.
 */
export function writeManagedEnv(file: string, values: Record<string, string>): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const outside = removeBlock(existing).trimEnd();
  const block = [BEGIN, ...Object.entries(values).map(([k, v]) => `${k}=${v}`), END].join('\n');
  fs.writeFileSync(file, (outside ? `${outside}\n\n` : '') + `${block}\n`, { mode: 0o600 });
}

export function removeBlock(text: string): string {
  const start = text.indexOf(BEGIN);
  if (start === -1) return text;
  const end = text.indexOf(END, start);
  if (end === -1) return text.slice(0, start);
  return text.slice(0, start) + text.slice(end + END.length).replace(/^\n/, '');
}

/** Parses KEY=VALUE lines (no expansion), ignoring the managed block. */
export function readUserEnv(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of removeBlock(fs.readFileSync(file, 'utf8')).split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}
