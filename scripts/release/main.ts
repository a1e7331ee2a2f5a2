// `pnpm release [library...] [--registry <url>] [--dry-run] [--no-tag]`: builds, packs and publishes the
// libraries whose version the registry does not hold yet, then archives the tarballs in releases/.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ReleaseError, TOKEN_VARIABLE } from './registry.js';
import { release } from './release.js';

const USAGE = `usage: pnpm release [library...] [--registry <url>] [--dry-run] [--no-tag]

  Publishes every library under packages/ whose version the registry does not hold yet (or only the named
  ones), dependencies first, and archives each published tarball in releases/.

  --registry <url>   registry to publish to; default $PLATFORM_REGISTRY, else package.json "platform.registry"
                     (the local Verdaccio started by \`pnpm registry\`)
  --dry-run          show the plan; build and publish nothing
  --no-tag           do not create the git tags <name>@<version>

  Credentials: $${TOKEN_VARIABLE} (a token with publish rights), else your npm login for that registry
  (\`pnpm registry:adduser\` creates one on the local registry).`;

async function main(argv: string[]): Promise<number> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      registry: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'no-tag': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const configured = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { platform?: { registry?: string } }
  ).platform?.registry;
  const registry = values.registry ?? process.env.PLATFORM_REGISTRY ?? configured;
  if (!registry)
    throw new ReleaseError(
      'no registry: pass --registry <url>, set PLATFORM_REGISTRY, or set "platform.registry" in package.json',
    );
  const report = await release({
    root,
    registry,
    token: process.env[TOKEN_VARIABLE],
    packages: positionals,
    tag: !values['no-tag'],
    dryRun: values['dry-run'],
  });
  return report.failed ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof ReleaseError ||
    (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(`error: ${error.message}`);
    if (error instanceof TypeError) console.error(USAGE);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
