// `pnpm promote <component> --from <env> --to <env> [--force]`: pins the target environment to the released
// version the source runs, installs it from the release archive and shows the render diff (see promote.ts).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PromotionRefused, promote, promotionOrder } from './promote.js';

const USAGE = `usage: pnpm promote <component> --from <env> --to <env> [--force]

  Pins <to> to the released version of <component> that <from> runs (a releases/ tarball), installs it, and
  prints the render diff of <to>. Refuses, changing nothing, when <from> runs unreleased source, when the move
  would skip an environment or go backwards in the promotion order, or when <to>'s @platform/core would not
  meet the component's peer range.

  --from <env>   the environment whose version is promoted
  --to <env>     the environment that gets it
  --force        past the order and core checks (a deliberate rollback or an emergency fix); never past the
                 need for a released version`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !values.from || !values.to) {
    console.error(`${USAGE}\n\npromotion order: ${promotionOrder(root).join(' → ')}`);
    return 1;
  }
  try {
    await promote({ root, component: positionals[0]!, from: values.from, to: values.to, force: values.force ?? false });
    return 0;
  } catch (error) {
    if (!(error instanceof PromotionRefused)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
