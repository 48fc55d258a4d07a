// The order jest starts files in. Its own sequencer runs the slowest files first when it has timings from an earlier
// run, and the largest files first when it has none (a fresh clone, as in CI). Suites are short lists of imports, so
// on a fresh clone every unit file would start before them and the longest browser suite could start last and hold
// the run up. The end-to-end and browser suites start first, in jest's order; the many short unit files then fill
// the workers as the suites finish.
import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';

const rank = (test: Test): number => (test.context.config.displayName?.name === 'unit' ? 1 : 0);

export default class SuiteSequencer extends Sequencer {
  override async sort(tests: Test[]): Promise<Test[]> {
    // Array sort is stable: otherwise jest's own order stays.
    return [...(await super.sort(tests))].sort((a, b) => rank(a) - rank(b));
  }
}
