import { it } from 'vitest';
import { finishedRun, startTestApp, startTestExecutor } from './test-support.ts';

it('probe', async () => {
  const h = await startTestExecutor();
  const marks: number[] = [];
  const app = await startTestApp(h.executor.url, (inngest) => [
    inngest.createFunction({ id: 'three', triggers: [{ event: 'p/x' }] }, async ({ step }) => {
      await step.run('a', () => marks.push(Date.now()));
      await step.run('b', () => marks.push(Date.now()));
      await step.run('c', () => marks.push(Date.now()));
      return 1;
    }),
  ]);
  for (let i = 0; i < 5; i++) {
    marks.length = 0;
    const t0 = Date.now();
    const id = await app.send({ name: 'p/x' });
    const t1 = Date.now();
    await finishedRun(h.executor.url, id);
    console.log('send', t1 - t0, 'steps', marks.map((m) => m - t0), 'done', Date.now() - t0);
  }
  await app.stop();
  await h.stop();
});
