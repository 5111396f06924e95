import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserEnv, writeManagedEnv } from './env-file.ts';

describe('.env.local managed block', () => {
  it('writes local values and keeps the lines the developer wrote', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'envfile-')), '.env.local');
    fs.writeFileSync(file, 'OPENAI_API_KEY=sk-mine\n');
    writeManagedEnv(file, { DATABASE_URL: 'postgres://a' });
    writeManagedEnv(file, { DATABASE_URL: 'postgres://b' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('OPENAI_API_KEY=sk-mine');
    expect(text).toContain('DATABASE_URL=postgres://b');
    expect(text).not.toContain('postgres://a');
    expect(text.match(/>>> written by/g)).toHaveLength(1);
    expect(readUserEnv(file)).toEqual({ OPENAI_API_KEY: 'sk-mine' });
  });
});
