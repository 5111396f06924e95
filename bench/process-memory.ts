import fs from 'node:fs';

/** A process and its descendants, from Linux /proc (just the process where /proc lacks `children`). */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const visit = (id: number) => {
    found.push(id);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${id}/task`);
    } catch {
      return; // gone
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${id}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
    }
  };
  visit(pid);
  return found;
}

/** A field of /proc/<pid>/status in kB (VmRSS: resident now; VmHWM: the peak since start); 0 if gone. */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the summed resident memory of a process tree every `everyMs` until
 * `stop()`, which returns the sampled peak and the summed VmHWM (each process's
 * own peak since it started, which no sampling gap can miss), in MB.
 */
export function sampleRss(pid: number, everyMs = 250) {
  let peakKb = 0;
  const sample = () => {
    const kb = processTree(pid).reduce((sum, id) => sum + statusKb(id, 'VmRSS'), 0);
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const tree = processTree(pid);
      const hwmKb = tree.reduce((sum, id) => sum + statusKb(id, 'VmHWM'), 0);
      return { processes: tree.length, sampledPeakMb: peakKb / 1024, hwmMb: hwmKb / 1024 };
    },
  };
}
