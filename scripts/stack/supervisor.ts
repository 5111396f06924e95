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

/** Starts the services and keeps them running until Ctrl-C/SIGTERM or until one dies. */
export async function supervise(services: Service[], onReady: () => void | Promise<void>): Promise<never> {
  await startGroup(services, 0);
  await onReady();
  return new Promise<never>(() => {});
}

/**
 * Starts the services, runs `task` with them (by name), then stops them in reverse
 * order and exits: 0 when the task succeeded (what it returned is printed last),
 * 1 when it threw (its message printed), on Ctrl-C/SIGTERM, or when a service died
 * meanwhile. For one-shot runs (benchmarks).
 */
export async function runWithServices(
  services: Service[],
  task: (running: ReadonlyMap<string, RunningService>) => Promise<string | void>,
): Promise<never> {
  const group = await startGroup(services, 1);
  let report: string | void;
  try {
    report = await task(group.running);
  } catch (error) {
    return group.stopAll(1, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  return group.stopAll(0, undefined, report);
}

async function startGroup(services: Service[], signalExitCode: number) {
  const running: { name: string; service: RunningService }[] = [];
  let stopping = false;

  const stopAll = async (code: number, reason?: string, report?: string | void): Promise<never> => {
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
    if (report) process.stdout.write(`\n${report}\n`);
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
    process.on(signal, () => (stopping ? process.exit(1) : void stopAll(signalExitCode)));
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
  return { stopAll, running: new Map(running.map(({ name, service }) => [name, service])) };
}
