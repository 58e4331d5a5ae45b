// Stryker's settings for one module, named by MUTATION_MODULE: run through `npm run test:mutation -- <module>`.
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import { findMutationTarget } from './scripts/mutation-targets.ts';

const [module, target] = findMutationTarget(process.env.MUTATION_MODULE ?? '');
const reportName = module.replaceAll('/', '_').replace(/\.ts$/, '');

const options: PartialStrykerOptions = {
  mutate: [module],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Every mutant runs all of its module's test files, in order. Per-test coverage would run single tests by name:
  // some of them build on state an earlier test of their file left, and lenient-input plans each schema once per
  // process, so the test that covers a line is not always the one that would notice it changing.
  coverageAnalysis: 'all',
  // No type checker: @stryker-mutator/typescript-checker drives TypeScript's compiler API, which TypeScript 7 (the
  // native compiler this project typechecks with) does not have. A mutant that would not typecheck runs anyway, and
  // the tests kill it like any other.
  checkers: [],
  tsconfigFile: '',
  // Two cores: more workers only queue behind each other's server boots.
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 95, low: target.breakAt, break: target.breakAt },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['data', 'reports', '.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
};

export default options;
