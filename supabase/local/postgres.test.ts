import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPortFree, findFreePort } from './ports.ts';
import { inspectDataDir } from './postgres.ts';

const made: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgdir-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder checks', () => {
  it('treats a missing or empty folder as new', () => {
    const dir = tmp();
    expect(inspectDataDir(dir)).toBe('empty');
    expect(inspectDataDir(path.join(dir, 'absent'))).toBe('empty');
  });

  it('recognises a Postgres 15 cluster', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '15\n');
    expect(inspectDataDir(dir)).toBe('cluster');
  });

  it('refuses a dirty folder without touching it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => inspectDataDir(dir)).toThrow(/not empty but holds no Postgres cluster.*Nothing was changed/s);
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a cluster of another major version', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    expect(() => inspectDataDir(dir)).toThrow(/holds a Postgres 17 cluster; this project runs Postgres 15/);
  });
});

describe('ports', () => {
  it('names the port and the service when a port is in use', async () => {
    const port = await findFreePort();
    const server = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      await expect(assertPortFree(port, 'Postgres')).rejects.toThrow(`Port ${port} (Postgres) is already in use`);
    } finally {
      server.close();
    }
    await expect(assertPortFree(port, 'Postgres')).resolves.toBeUndefined();
  });
});
