// The layers of statebench, checked by dependency-cruiser (`npm run lint:layers`, part of `npm test`).
// One direction, lowest first (docs/architecture.md draws it):
//
//   core  <-  workloads, backends  <-  harness  <-  analysis  <-  reports  <-  cli, api
//
// A module may import its own layer and the layers below it; bench/ sits on top of everything (it
// measures the whole tool). Every import counts, `import type` too: the TypeScript parser
// dependency-cruiser can use here (swc; TypeScript 7 has no compiler API for it) does not tell
// type-only imports apart, and no contract type needs to point upwards. Each rule's name is what
// a backwards import fails with.

const LAYERS = ['core', 'workloads|backends', 'harness', 'analysis', 'reports', 'cli|api'];

/** One rule per layer: it may not import (at runtime) anything above it. */
const upward = LAYERS.slice(0, -1).map((layer, i) => {
  const above = LAYERS.slice(i + 1).join('|');
  const name = layer.split('|').join('-and-');
  return {
    name: `${name}-imports-no-layer-above`,
    comment: `${layer.replace('|', ' and ')} may import only lower layers (${LAYERS.slice(0, i).join(', ') || 'none'}) at runtime; move the code down or the caller up`,
    severity: 'error',
    from: { path: `^(${layer})/` },
    to: { path: `^(${above}|bench)/` },
  };
});

// Inside harness/, the folders in one direction too, lowest tier first (docs/architecture.md says
// what each holds): the measured loop at the bottom, what runs inside a child process above it,
// then the parent side (child processes, the plan), and the commands' orchestration on top. A
// folder may import its own tier's folder and the tiers below; the folders of one tier do not
// import each other. Tests and test-support/ may drive code of any tier (a cell test plans its
// cells); the rules above still hold for them.
const HARNESS_TIERS = [
  ['recorder', 'recorder'],
  ['runner', 'runner'],
  ['cell-parts', 'verify|checkpoint|overhead|budget|merge'],
  ['cell', 'cell'],
  ['other-jobs', 'micro|durability-child'],
  ['exec', 'exec'],
  ['plan', 'plan'],
  ['commands', 'run-command|micro-command|durability'],
];
const notTests = '(\\.test\\.ts$|/test-support/)';

const harnessTiers = HARNESS_TIERS.flatMap(([name, folders], i) => {
  const shown = `harness/${folders.split('|').join(', harness/')}`;
  const rules = [];
  if (i < HARNESS_TIERS.length - 1) {
    rules.push({
      name: `harness-${name}-imports-no-harness-tier-above`,
      comment: `${shown} may import only the harness tiers below (${HARNESS_TIERS.slice(0, i).map(([, f]) => f).join(', ') || 'none'}); move the code down or the caller up`,
      severity: 'error',
      from: { path: `^harness/(${folders})/`, pathNot: notTests },
      to: { path: `^harness/(${HARNESS_TIERS.slice(i + 1).map(([, f]) => f).join('|')})/` },
    });
  }
  if (folders.includes('|')) {
    rules.push({
      name: `harness-${name}-apart`,
      comment: `${shown} share a tier and do not import each other: what two of them need belongs in a lower tier`,
      severity: 'error',
      from: { path: `^harness/(${folders})/`, pathNot: notTests },
      to: { path: `^harness/(${folders})/`, pathNot: '^harness/$1/' },
    });
  }
  return rules;
});

module.exports = {
  forbidden: [
    ...upward,
    ...harnessTiers,
    {
      name: 'workloads-and-backends-apart',
      comment: 'workloads and backends share a layer and do not know each other: what both need belongs in core/',
      severity: 'error',
      from: { path: '^(workloads|backends)/' },
      to: { path: '^(workloads|backends)/', pathNot: '^$1/' },
    },
    {
      name: 'no-cycles',
      comment: 'modules that import each other: what both need belongs in a third, lower module',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'test-support-only-in-tests',
      comment: 'test doubles and fixtures (test-support/) are for tests and bench scripts, never shipped code',
      severity: 'error',
      from: { path: '^(core|workloads|backends|harness|analysis|reports|cli|api)/', pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { path: '/test-support/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to no file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'backends-through-the-contract',
      comment:
        "outside backends/, an engine is reached through backends/registry.ts and the contract (backends/types.ts), never its own folder, so that a plugin can take part in all a built-in engine does; an engine's own advice rules (analysis/advice/<engine>-rules.ts) may read its records",
      severity: 'error',
      from: { path: '^(core|workloads|harness|analysis|reports|cli|api)/', pathNot: '(\\.test\\.ts$|/test-support/|^analysis/advice/[a-z-]+-rules\\.ts$)' },
      to: { path: '^backends/[^/]+/', pathNot: '^backends/(conformance|test-support)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // Imports of types count as dependencies too (see the top of this file).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
