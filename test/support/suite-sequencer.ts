// The order jest starts files in: the longest first, so that no long file starts last and holds the run up.
// jest's own sequencer knows how long each file took in an earlier run, if there was one on this machine, and
// starts the files that failed then first, then the slowest. With no timings (a fresh clone, as in CI) it starts the
// largest files first; the end-to-end and browser suites are short lists of imports, so every unit file would start
// before them. Here: files with a timing, slowest first; files without one, suites before unit files.
import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';

function expectedMs(test: Test): number {
  if (test.duration != null) {
    return test.duration;
  }
  return test.context.config.displayName?.name === 'unit' ? 0 : Number.MAX_SAFE_INTEGER;
}

export default class SuiteSequencer extends Sequencer {
  override async sort(tests: Test[]): Promise<Test[]> {
    // jest's sort fills in each file's timing; sort is stable, so files alike keep jest's order (size, failures).
    const sorted = await super.sort(tests);
    return [...sorted].sort((a, b) => expectedMs(b) - expectedMs(a));
  }
}
