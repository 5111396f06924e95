/**
 * A small supervisor of named services: starts them in order, prefixes their
 * output, stops them in reverse order on Ctrl-C/SIGTERM or when one dies.
 */
export interface RunningService {
  /** Child process ids this service started (killed on a hard exit). */
  pids: () => number[];
  stop: () => Promise<void>;
  /** Resolves if the service ends on its own (a crash). */
  exited?: Promise<string>;
}

export interface Service {
  name: string;
  start: (log: (line: string) => void) => Promise<RunningService>;
}

const colors = [36, 35, 33, 32, 34, 31];

export function prefixer(name: string, index: number): (line: string) => void {
  const tag = process.stdout.isTTY ? `\x1b[${colors[index % colors.length]}m[${name}]\x1b[0m` : `[${name}]`;
  return (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`${tag} ${line}\n`);
  };
}

export async function supervise(services: Service[], onReady: () => void | Promise<void>): Promise<never> {
  const running: { name: string; service: RunningService }[] = [];
  let stopping = false;

  const stopAll = async (code: number, reason?: string): Promise<never> => {
    stopping = true;
    if (reason) process.stderr.write(`\n${reason}\n`);
    process.stdout.write('\nStopping…\n');
    for (const { name, service } of [...running].reverse()) {
      try {
        await service.stop();
        process.stdout.write(`  stopped ${name}\n`);
      } catch (error) {
        process.stderr.write(`  ${name} did not stop cleanly: ${String(error)}\n`);
      }
    }
    process.exit(code);
  };

  // Safety net: whatever happens, children do not outlive the supervisor.
  process.on('exit', () => {
    for (const { service } of running) for (const pid of service.pids()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
  // The supervisor owns the signals: drop handlers libraries may have installed,
  // so shutdown runs once, in order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => (stopping ? process.exit(1) : void stopAll(0)));
  }

  for (const [index, service] of services.entries()) {
    const log = prefixer(service.name, index);
    try {
      const started = await service.start(log);
      running.push({ name: service.name, service: started });
      started.exited?.then((why) => {
        if (!stopping) void stopAll(1, `${service.name} stopped unexpectedly: ${why}`);
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return stopAll(1, `Could not start ${service.name}:\n${message}`);
    }
  }
  await onReady();
  return new Promise<never>(() => {});
}
