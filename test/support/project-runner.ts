// jest's own runner, with a worker count of its own (`runnerOptions: { maxWorkers }` in jest.config.js).
// jest hands each distinct runner (runner and runnerOptions) its projects' files and runs the runners one after the
// other, so a project given this runner never runs beside the others: the browser specs, whose pages must be
// interactive within 2 s, do not share the 2 cores with e2e files.
import TestRunner, { type TestRunnerContext } from 'jest-runner';
import type { Config } from '@jest/types';

export default class ProjectRunner extends TestRunner {
  constructor(
    globalConfig: Config.GlobalConfig,
    context: TestRunnerContext,
    options: { maxWorkers?: number } = {},
  ) {
    super({ ...globalConfig, maxWorkers: options.maxWorkers ?? globalConfig.maxWorkers }, context);
  }
}
