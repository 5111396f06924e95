import { env, EnvError, type ServerEnv } from '@/lib/env';

/** Stops the server process with a readable message when the environment is invalid. */
export function assertEnvAtStartup(): ServerEnv {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(1);
    }
    throw error;
  }
}
