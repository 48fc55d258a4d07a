// jest's own runner, one file at a time (jest.config.js gives it to the projects that must run apart).
// jest hands each distinct runner (runner and runnerOptions) its projects' files and runs the runners one after the
// other, so a project given this runner never runs beside the others: the files that hold a wall-clock budget do not
// share the 2 cores with other files.
import TestRunner, { type TestRunnerContext } from 'jest-runner';
import type { Config } from '@jest/types';

export default class ProjectRunner extends TestRunner {
  // jest does not pass project-level runner options through (it warns "Unknown option runnerOptions"), so the
  // worker count is fixed here.
  constructor(globalConfig: Config.GlobalConfig, context: TestRunnerContext) {
    super({ ...globalConfig, maxWorkers: 1 }, context);
  }
}
