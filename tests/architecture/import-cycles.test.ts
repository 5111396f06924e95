import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * lib/ is layered by domain: a domain imports shared helpers and other
 * domains, never in a circle (DESIGN.md section 2). This builds the graph of
 * lib/<domain> → lib/<domain> imports from the source and fails on any cycle.
 */
const root = path.resolve(import.meta.dirname, '../..');
const lib = path.join(root, 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const domainOf = (file: string) => path.relative(lib, file).split(path.sep)[0]!.replace(/\.tsx?$/, '');

export function domainGraph(files: { domain: string; source: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { domain, source } of files) {
    const edges = graph.get(domain) ?? new Set<string>();
    graph.set(domain, edges);
    for (const match of source.matchAll(/from\s+'@\/lib\/([a-z0-9-]+)/g)) {
      if (match[1] !== domain) edges.add(match[1]!);
    }
  }
  return graph;
}

export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('lib domains', () => {
  it('import each other without cycles', () => {
    const files = sourceFiles(lib).map((file) => ({ domain: domainOf(file), source: fs.readFileSync(file, 'utf8') }));
    expect(findCycle(domainGraph(files))).toBeNull();
  });

  it('positive control: a cycle is found', () => {
    const graph = domainGraph([
      { domain: 'auth', source: "import { x } from '@/lib/http/api-route';" },
      { domain: 'http', source: "import { y } from '@/lib/auth/current-user';" },
      { domain: 'db', source: "import { z } from '@/lib/errors';" },
    ]);
    expect(findCycle(graph)).toEqual(['auth', 'http', 'auth']);
  });
});
