// The order jest starts files in: the longest first, so that no long file starts last and holds the run up.
// jest's own sequencer knows how long each file took in an earlier run, if there was one on this machine, and
// starts the files that failed then first, then the slowest. With no timings (a fresh clone, as in CI) it starts the
// largest files first; the end-to-end and browser suites are short lists of imports, so every unit file would start
// before them. Here: files with a timing, slowest first; files without one, browser suites, then end-to-end
// suites, then int-specs, unit files last.
import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';

/**
 * Without a timing, the kind of file stands for its length. The browser suites take longest (35 to 90 s side by
 * side, against 35 to 80 s for the end-to-end suites): started after the others, one of them ran alone at the end
 * of a fresh clone's run for half a minute, a core idle.
 */
function untimedRank(test: Test): number {
  const project = test.context.config.displayName?.name;
  if (project === 'unit') {
    return 0;
  }
  if (!test.path.includes('/suites/')) {
    return 1; // an int-spec
  }
  return project === 'browser' ? 3 : 2;
}

function expectedMs(test: Test): number {
  if (test.duration != null) {
    return test.duration;
  }
  const rank = untimedRank(test);
  return rank === 0 ? 0 : Number.MAX_SAFE_INTEGER - 3 + rank;
}

export default class SuiteSequencer extends Sequencer {
  override async sort(tests: Test[]): Promise<Test[]> {
    // jest's sort fills in each file's timing; sort is stable, so files alike keep jest's order (size, failures).
    const sorted = await super.sort(tests);
    return [...sorted].sort((a, b) => expectedMs(b) - expectedMs(a));
  }
}
