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

module.exports = {
  forbidden: [
    ...upward,
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
