// The modules mutation testing checks, each with the test files that cover it and the score below which a run fails.
// Every test boots the whole server, so vitest's `related` would pick the whole suite: each module names its own.
export interface MutationTarget {
  tests: string[];
  /** Stryker's thresholds.break, in percent. */
  breakAt: number;
}

/** Domain rules: what a user of either API would notice changing. */
const DOMAIN_RULES = 92;

export const mutationTargets: Record<string, MutationTarget> = {
  'routers/aurora/economy/daily-rules.ts': { tests: ['tests/aurora/economy.test.ts'], breakAt: DOMAIN_RULES },
  'routers/aurora/economy/service.ts': {
    tests: ['tests/aurora/economy.test.ts', 'tests/aurora/economy-concurrency.test.ts'],
    breakAt: DOMAIN_RULES,
  },
  'routers/hubgw/cooldowns/service.ts': { tests: ['tests/hubgw/kits-cooldowns.test.ts'], breakAt: DOMAIN_RULES },
  'routers/hubgw/punishments/service.ts': {
    tests: ['tests/hubgw/punishments.test.ts', 'tests/hubgw/concurrency.test.ts'],
    breakAt: DOMAIN_RULES,
  },
  'routers/hubgw/warps/service.ts': {
    tests: ['tests/hubgw/warps.test.ts', 'tests/hubgw/concurrency.test.ts'],
    breakAt: DOMAIN_RULES,
  },
  // How REST reads a client's nulls and blanks, through real routes' schemas. tests/hubgw/java-client.test.ts sends
  // nulls too, on other routes; it is left out to halve the run, since the cases here reach every branch it does.
  'rest-adapter/lenient-input.ts': {
    tests: ['tests/server/lenient-input.test.ts'],
    breakAt: 85,
  },
};

/** The target named by its path, or by a unique part of it ("punishments", "lenient-input"). */
export function findMutationTarget(name: string): [string, MutationTarget] {
  const matches = Object.entries(mutationTargets).filter(([path]) => path === name || path.includes(name));
  const exact = matches.find(([path]) => path === name);
  if (exact) return exact;
  if (matches.length !== 1) {
    const known = Object.keys(mutationTargets).join('\n  ');
    throw new Error(`"${name}" names ${matches.length === 0 ? 'no' : 'more than one'} module; known:\n  ${known}`);
  }
  return matches[0]!;
}
