// The layers of src/, lowest first, written down once: a module may import its own layer and the layers below it,
// never one above. docs/architecture.md explains each layer; `npm run lint` runs this (dependency-cruiser,
// https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md). Type-only imports count too.
const LAYERS = [
  { name: 'core', path: '^src/(types|result|errors|terminal-safe|a-or-an|version|settings)\\.ts$' },
  { name: 'parsing', path: '^src/(token|destination)/' },
  { name: 'transport', path: '^src/http/' },
  { name: 'clients', path: '^src/(github|registry)/' },
  { name: 'trace', path: '^src/trace/' },
  { name: 'evidence', path: '^src/evidence/' },
  { name: 'capabilities', path: '^src/capabilities/' },
  { name: 'checks', path: '^src/checks/' },
  { name: 'pipeline', path: '^src/pipeline/' },
  { name: 'library', path: '^src/(secrets/|index\\.ts$)' },
  { name: 'rendering', path: '^src/(report|guide)/' },
  { name: 'workflow', path: '^src/workflow/' },
  { name: 'simulator', path: '^src/simulator/' },
  { name: 'terminal', path: '^src/io/' },
  { name: 'shells', path: '^src/(cli|action)/' },
];

const layerRules = LAYERS.flatMap((lower, index) => {
  const higher = LAYERS.slice(index + 1);
  if (higher.length === 0) return [];
  return [
    {
      name: `layer-${lower.name}`,
      comment: `${lower.name} may not import a higher layer (${higher.map((layer) => layer.name).join(', ')}); see LAYERS`,
      severity: 'error',
      from: { path: lower.path },
      to: { path: higher.map((layer) => layer.path) },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-module-in-a-layer',
      comment: 'a new folder or top-level file in src/ gets a place in LAYERS first',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'import cycles, type-only ones included: move the shared types to a file of their own',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-from-test',
      comment: 'the product never imports test code',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
