// Where a machine's CPU goes while a benchmark runs, by group of processes, read from /proc: the
// figure that tells whether more server processes can help on this machine's cores at all.
import fs from 'node:fs';
import os from 'node:os';

/** The group a process belongs to, by its pid and command name. */
export type Grouping = (pid: number, comm: string) => string;

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ), 100 on Linux. */
const TICKS_PER_S = 100;

/** CPU seconds used so far by every process, summed by group. */
function cpuSecondsByGroup(group: Grouping): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended since the listing
    }
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const name = group(pid, stat.slice(open + 1, close));
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the state.
    const ticks = Number(fields[11]) + Number(fields[12]);
    totals.set(name, (totals.get(name) ?? 0) + ticks / TICKS_PER_S);
  }
  return totals;
}

/**
 * Starts measuring; the function returned stops and answers the cores each group kept busy on
 * average meanwhile, beside `idle`: the machine's cores no process used. A process that ended
 * meanwhile is not counted.
 */
export function measureCpu(group: Grouping): () => Record<string, number> {
  const before = cpuSecondsByGroup(group);
  const started = performance.now();
  return () => {
    const after = cpuSecondsByGroup(group);
    const seconds = (performance.now() - started) / 1000;
    const cores: Record<string, number> = {};
    let used = 0;
    for (const [name, total] of after) {
      const busy = Math.max(0, total - (before.get(name) ?? 0)) / seconds;
      cores[name] = Math.round(busy * 100) / 100;
      used += busy;
    }
    cores.idle = Math.round(Math.max(0, os.availableParallelism() - used) * 100) / 100;
    return cores;
  };
}
