// The test files that cover one module under mutation testing (MUTATION_MODULE, set by scripts/test-mutation.ts).
import { defineConfig } from 'vitest/config';
import { findMutationTarget } from './scripts/mutation-targets.ts';
import base from './vitest.config.ts';

const [, target] = findMutationTarget(process.env.MUTATION_MODULE ?? '');

export default defineConfig({ test: { ...base.test, include: target.tests } });
