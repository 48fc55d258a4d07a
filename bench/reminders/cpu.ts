import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process used so far (Linux /proc). */
export function processCpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds the whole machine spent busy so far (all cores, /proc/stat). */
export function machineBusySeconds(): number {
  const total = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, , , irq, softirq, steal] = total.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

export interface CpuUse {
  /** Cores the measured process used on average. */
  process: number;
  /** Cores the whole machine kept busy. */
  machine: number;
  /** Cores left to everything else: PostgreSQL, Redis, other processes (the bench process itself excluded). */
  rest: number;
}

/** A window of CPU use: of one process, of the bench process (the SMTP sink), of the machine. */
export class CpuWindow {
  private readonly startedAt = performance.now();
  private readonly processStart: number;
  private readonly benchStart = process.cpuUsage();
  private readonly machineStart = machineBusySeconds();

  constructor(private readonly pid: number) {
    this.processStart = processCpuSeconds(pid);
  }

  /** Average cores used since the window opened. */
  read(): CpuUse {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const used = (processCpuSeconds(this.pid) - this.processStart) / seconds;
    const machine = (machineBusySeconds() - this.machineStart) / seconds;
    const { user, system } = process.cpuUsage(this.benchStart);
    const bench = this.pid === process.pid ? 0 : (user + system) / 1e6 / seconds;
    return { process: used, machine, rest: Math.max(0, machine - used - bench) };
  }
}

/** Cores the machine keeps busy over `ms` while this section runs nothing: other processes' load (noise). */
export async function backgroundCores(ms = 1000): Promise<number> {
  const start = machineBusySeconds();
  await new Promise((r) => setTimeout(r, ms));
  return (machineBusySeconds() - start) / (ms / 1000);
}

/**
 * Waits (up to `maxMs`) until other processes keep less than `quietCores` busy, so that a run is not measured
 * against someone else's load; returns the background load the run starts with.
 */
export async function quietMachine(
  log: (message: string) => void,
  maxMs = 30_000,
  quietCores = 0.25,
): Promise<number> {
  const deadline = performance.now() + maxMs;
  let busy = await backgroundCores();
  if (busy >= quietCores) {
    log(`  waiting for the machine to quieten (${busy.toFixed(2)} cores busy)`);
  }
  while (busy >= quietCores && performance.now() < deadline) {
    busy = await backgroundCores();
  }
  return busy;
}
