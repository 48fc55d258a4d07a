import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionResult } from '../support/context';
import { num } from '../support/format';
import { ROOT } from '../support/processes';

/** Frames listed per scenario. */
const TOP_FRAMES = 12;

/** A stretch of a run on V8's clock: microseconds of the monotonic clock, as a .cpuprofile's times are. */
export interface ProfileWindow {
  scenario: string;
  fromMicros: number;
  toMicros: number;
}

export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Where a process started with these variables (from profileEnv) writes its CPU profile, if it does. */
export function cpuProfilePath(env: Record<string, string>): string | undefined {
  const options = env.NODE_OPTIONS ?? '';
  const dir = /--cpu-prof-dir=(\S+)/.exec(options)?.[1];
  const name = /--cpu-prof-name=(\S+)/.exec(options)?.[1];
  return dir && name ? join(dir, name) : undefined;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Frame {
  name: string;
  location: string;
  share: number;
}

interface ScenarioProfile {
  scenario: string;
  samples: number;
  idleShare: number;
  top: Frame[];
}

/** file:line, node_modules files from their package (the folder is shared by checkouts); V8's own: none. */
function location(frame: CallFrame): string {
  if (!frame.url) {
    return frame.functionName.startsWith('(') ? '' : '(native)';
  }
  const path = frame.url.startsWith('file://') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url;
  const dependency = path.lastIndexOf('node_modules/');
  return `${dependency >= 0 ? path.slice(dependency) : path}:${frame.lineNumber + 1}`;
}

/** Self time per function over each window: the share of the window's non-idle samples it was on top of. */
function profileWindows(profile: CpuProfile, windows: ProfileWindow[]): ScenarioProfile[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const sampleTimes: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) {
    time += delta;
    sampleTimes.push(time);
  }
  return windows.map(({ scenario, fromMicros, toMicros }) => {
    const counts = new Map<string, { frame: CallFrame; count: number }>();
    let all = 0;
    let idle = 0;
    profile.samples.forEach((nodeId, i) => {
      if (sampleTimes[i] < fromMicros || sampleTimes[i] > toMicros) {
        return;
      }
      all++;
      const frame = frames.get(nodeId) as CallFrame;
      if (frame.functionName === '(idle)') {
        idle++;
        return;
      }
      const key = `${frame.functionName} ${frame.url}:${frame.lineNumber}`;
      const entry = counts.get(key) ?? { frame, count: 0 };
      entry.count++;
      counts.set(key, entry);
    });
    const busy = all - idle;
    const top = [...counts.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP_FRAMES)
      .map(({ frame, count }) => ({
        name: frame.functionName || '(anonymous)',
        location: location(frame),
        share: count / busy,
      }));
    return { scenario, samples: all, idleShare: all > 0 ? idle / all : NaN, top };
  });
}

/** The API's top self-time frames during each scenario's closed-loop run, read from its CPU profile. */
export function profileSection(file: string, windows: ProfileWindow[]): SectionResult {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const scenarios = profileWindows(profile, windows);
  return {
    title: `API CPU profile: top ${TOP_FRAMES} self-time frames per scenario (closed-loop run)`,
    headers: ['Scenario', 'Function', 'File:line', 'Share of busy samples'],
    rows: scenarios.flatMap((s) =>
      s.top.map((frame, i) => [
        i === 0 ? s.scenario : '',
        frame.name,
        frame.location,
        `${num(frame.share * 100, 1)} %`,
      ]),
    ),
    checks: [],
    notes: [
      `Profile: ${relative(ROOT, file)} (open it in Chrome DevTools); the API's SQL statements with counts and times beside it (api-load-queries.json).`,
      `Self time: the function on top of the stack when V8 took a sample (every 1 ms), as a share of the samples that were not idle during the scenario's measured closed-loop run on the API. Idle share (waiting on PostgreSQL or the network): ${scenarios.map((s) => `${s.scenario} ${num(s.idleShare * 100, 0)} % of ${num(s.samples, 0)}`).join('; ')}.`,
      'The profiler slows the API down: the ratios of a run with --profile are not comparable with those of a run without.',
    ],
  };
}
