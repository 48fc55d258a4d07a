// jest's own runner, given to every project (jest.config.js), so that jest hands it all the files at once: it runs
// them side by side, then the timed suites (the e2e-timed project) beside each other and apart from the rest. The
// files that hold a wall-clock or memory budget never share the 2 cores with the other files' load, and always run
// last (with one runner per project, jest would run the runners in the order their modules happened to load). The
// timed suites are mostly waiting, on processes to boot or die, on sweeps and outage timeouts, so they share well.
import TestRunner, {
  type Test,
  type TestEvents,
  type TestRunnerContext,
  type TestRunnerOptions,
  type TestWatcher,
  type UnsubscribeFn,
} from 'jest-runner';
import type { Config } from '@jest/types';

/** The project whose files run after the others, apart from them. */
export const TIMED_PROJECT = 'e2e-timed';

export default class SuiteRunner extends TestRunner {
  private readonly alone: TestRunner;

  constructor(globalConfig: Config.GlobalConfig, context: TestRunnerContext) {
    super(globalConfig, context);
    this.alone = new TestRunner(
      { ...globalConfig, maxWorkers: Math.min(globalConfig.maxWorkers, 3) },
      context,
    );
  }

  override async runTests(tests: Test[], watcher: TestWatcher, options: TestRunnerOptions): Promise<void> {
    const timed = tests.filter((test) => test.context.config.displayName?.name === TIMED_PROJECT);
    await super.runTests(
      tests.filter((test) => !timed.includes(test)),
      watcher,
      options,
    );
    if (timed.length > 0 && !watcher.isInterrupted()) {
      await this.alone.runTests(timed, watcher, options);
    }
  }

  // jest listens for results on this runner only: the timed files' runner reports through the same listeners.
  override on<Name extends keyof TestEvents>(
    eventName: Name,
    listener: (eventData: TestEvents[Name]) => void | Promise<void>,
  ): UnsubscribeFn {
    const offSideBySide = super.on(eventName, listener);
    const offAlone = this.alone.on(eventName, listener);
    return () => {
      offSideBySide();
      offAlone();
    };
  }
}
