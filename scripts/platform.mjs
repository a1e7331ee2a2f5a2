#!/usr/bin/env node
// Entry point of `pnpm render|diff|check`. Start-up is most of a render's time, so the CLI and the selected
// environments are bundled once with esbuild into node_modules/.cache and the bundle is reused until one of
// its input files changes (checked by size and mtime). Plain JavaScript, so Node runs it without a loader.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'platform-cli');

/** Environment packages: folders under environments/ whose package.json names an environment entry. */
function discoverEnvironments() {
  const base = join(root, 'environments');
  const found = {};
  for (const name of existsSync(base) ? readdirSync(base).sort() : []) {
    const manifest = join(base, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const entry = JSON.parse(readFileSync(manifest, 'utf8')).platform?.environment;
    if (entry) found[name] = join(base, name, entry);
  }
  return found;
}

function cacheIsFresh(metaFile) {
  if (!existsSync(metaFile)) return false;
  const { inputs } = JSON.parse(readFileSync(metaFile, 'utf8'));
  for (const [file, size, mtimeMs] of inputs) {
    let stat;
    try {
      stat = statSync(join(root, file));
    } catch {
      return false;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * Leaves packages that locate files next to their own code (re2-wasm loads its .wasm through __dirname)
 * out of the bundle, imported from where they are installed.
 */
function keepInPlace(packages) {
  return {
    name: 'keep-in-place',
    setup(builder) {
      const filter = new RegExp(`^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
      builder.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'keep-in-place') return undefined;
        const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'keep-in-place' });
        return { path: resolved.path, external: true };
      });
    },
  };
}

async function bundle(environments, outFile, metaFile) {
  const imports = Object.entries(environments)
    .map(([name, file], index) => `import * as env${index} from ${JSON.stringify(file)};\nenvironments[${JSON.stringify(name)}] = env${index};`)
    .join('\n');
  const contents = `import { main } from ${JSON.stringify(join(root, 'scripts/cli/main.ts'))};\nconst environments = {};\n${imports}\nexport { main, environments };\n`;
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'platform-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['platform-source'],
    outfile: outFile + '.tmp',
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
    plugins: [keepInPlace(['re2-wasm'])],
    banner: { js: "import { createRequire as __platformCreateRequire } from 'node:module'; const require = __platformCreateRequire(import.meta.url);" },
  });
  // Besides the bundled files, the lockfile and the environments' manifests decide which files a re-bundle
  // would pick (a promotion repoints an environment at another release while the old files stay installed).
  const resolution = ['pnpm-lock.yaml', ...readdirSync(join(root, 'environments')).map((name) => `environments/${name}/package.json`)]
    .filter((file) => existsSync(join(root, file)));
  const inputs = [...Object.keys(result.metafile.inputs), ...resolution]
    .filter((file) => !file.startsWith('<') && file !== 'platform-entry.ts')
    .map((file) => {
      const stat = statSync(join(root, file));
      return [file, stat.size, stat.mtimeMs];
    });
  renameSync(outFile + '.tmp', outFile);
  writeFileSync(metaFile, JSON.stringify({ inputs }));
}

// Bundle only the environments the command names (all of them for --all or when none is named), so a
// render of prod does not load dev's code.
const discovered = discoverEnvironments();
const named = process.argv.slice(2).filter((arg) => arg in discovered);
const all = named.length === 0 || process.argv.includes('--all') || process.argv[2] === 'promote';
const environments = Object.fromEntries(Object.entries(discovered).filter(([name]) => all || named.includes(name)));
// The launcher's own source is part of the key: a change in how it bundles invalidates every bundle.
const key = createHash('sha256').update(JSON.stringify(Object.keys(environments))).update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
const outFile = join(cacheDir, `cli-${key}.mjs`);
const metaFile = join(cacheDir, `cli-${key}.json`);
mkdirSync(cacheDir, { recursive: true });
if (process.env.PLATFORM_NO_CACHE === '1' || !existsSync(outFile) || !cacheIsFresh(metaFile)) {
  try {
    await bundle(environments, outFile, metaFile);
  } catch (error) {
    // esbuild has already printed each problem with its file, line and column (a syntax error, an import
    // that does not resolve); a stack trace of the bundler would add nothing.
    if (!Array.isArray(error?.errors)) throw error;
    console.error(`\n${error.errors.length} problem${error.errors.length === 1 ? '' : 's'} loading the environments; nothing was rendered.`);
    process.exit(1);
  }
}
let cli;
try {
  cli = await import(pathToFileURL(outFile).href);
} catch (error) {
  // Code of an environment failed while it was being loaded (e.g. it throws at top level).
  const problems = Array.isArray(error?.problems) ? error.problems.map((p) => p.message) : [error?.message ?? String(error)];
  for (const message of problems) console.error(`error while loading the environments: ${message}`);
  process.exit(1);
}
process.exitCode = await cli.main({ root, environments: cli.environments, known: Object.keys(discovered), argv: process.argv.slice(2) });
if (process.env.PLATFORM_REPORT_RSS === '1') process.stderr.write(`platform-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
