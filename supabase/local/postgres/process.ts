import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PostgresAccount } from './account.ts';
import type { PostgresBinaries } from './binaries.ts';

/** English server messages: we wait for one of them, and people read them. */
const ENV = { ...process.env, LC_MESSAGES: 'C' };

function spawnAs(account: PostgresAccount, file: string, args: string[], cwd: string): ChildProcess {
  return spawn(file, args, {
    uid: account.uid,
    gid: account.gid,
    cwd,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const cannotRun = (file: string, account: PostgresAccount, error: Error) =>
  new Error(`Could not run ${file} as user "${account.name}": ${(error as NodeJS.ErrnoException).code ?? error.message}.`);

/** initdb into an empty folder owned by the account; the superuser password goes through a short-lived file. */
export async function initCluster(opts: {
  binaries: PostgresBinaries;
  account: PostgresAccount;
  dataDir: string;
  password: string;
  onLog: (line: string) => void;
}): Promise<void> {
  const { binaries, account, dataDir } = opts;
  const workDir = path.dirname(dataDir);
  // Beside the data folder: the account can reach that folder (TMPDIR may be private).
  const pwfile = path.join(workDir, `.pg-password-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  try {
    if (account.uid !== undefined) fs.chownSync(pwfile, account.uid, account.gid!);
    const child = spawnAs(
      account,
      binaries.initdb,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C'],
      workDir,
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      opts.onLog(chunk.toString());
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      child.once('error', (error) => reject(cannotRun(binaries.initdb, account, error)));
      child.once('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (exit code ${code}):\n  ${lastLines(output).join('\n  ')}`)),
      );
    });
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

export interface ServerProcess {
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts the server and resolves once it accepts connections; rejects with its last messages if it exits first. */
export async function startServer(opts: {
  binaries: PostgresBinaries;
  account: PostgresAccount;
  dataDir: string;
  port: number;
  onLog: (line: string) => void;
}): Promise<ServerProcess> {
  const { binaries, account, dataDir, port } = opts;
  const child = spawnAs(
    account,
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    path.dirname(dataDir),
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Whatever happens to this process, the server does not outlive it (fast shutdown).
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => opts.onLog(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      opts.onLog(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', (error) => reject(cannotRun(binaries.postgres, account, error)));
    void exited.then(() => reject(new Error(`Its last messages:\n  ${lastLines(output).join('\n  ')}`)));
  }).catch((error: unknown) => {
    process.off('exit', onExit);
    throw error;
  });
  return {
    pid: child.pid,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

function lastLines(output: string): string[] {
  return output.split('\n').map((l) => l.trim()).filter(Boolean).slice(-8);
}
