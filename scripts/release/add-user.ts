// `pnpm registry:adduser [--user <name>] [--registry <url>] [--print-token]`: creates a user on the registry (or
// logs an existing one in) through the npm user API, without prompts, so CI can do it; the password comes from
// $PLATFORM_REGISTRY_PASSWORD. The token goes to your npm user config for that registry, or with --print-token
// to stdout only (for `export PLATFORM_REGISTRY_TOKEN=$(pnpm -s registry:adduser --print-token)`).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { credentialsKey, normalizeRegistryUrl, ReleaseError } from './registry.js';

const PASSWORD_VARIABLE = 'PLATFORM_REGISTRY_PASSWORD';
const USAGE = `usage: pnpm registry:adduser [--user <name>] [--registry <url>] [--print-token]

  Creates the user on the registry, or logs it in if it exists, without prompts. The password is read from
  $${PASSWORD_VARIABLE}. The token is saved for that registry in your npm user config ($npm_config_userconfig,
  else ~/.npmrc), or with --print-token printed to stdout and saved nowhere.

  --user <name>      default $PLATFORM_REGISTRY_USER, else $USER
  --registry <url>   default $PLATFORM_REGISTRY, else package.json "platform.registry"
  --print-token      print the token instead of saving it`;

/**
 * Registers `name` through the npm user API (what `npm adduser` does) and returns its token. A name that is
 * taken is logged in instead, by the same request with the user's credentials (npm's legacy login).
 */
export async function addUser(registry: string, name: string, password: string): Promise<string> {
  const url = `${normalizeRegistryUrl(registry)}-/user/org.couchdb.user:${encodeURIComponent(name)}`;
  const body = JSON.stringify({
    _id: `org.couchdb.user:${name}`,
    name,
    password,
    type: 'user',
    roles: [],
    date: new Date().toISOString(),
  });
  const put = async (headers: Record<string, string>) => {
    try {
      return await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body });
    } catch (error) {
      throw new ReleaseError(
        `cannot reach the registry ${registry} (${(error as Error).message}); start the local one with \`pnpm registry\``,
      );
    }
  };
  let response = await put({});
  if (response.status === 409)
    response = await put({ authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` });
  const answer = (await response.json().catch(() => ({}))) as { token?: string; error?: string; reason?: string };
  if (!response.ok || !answer.token) {
    throw new ReleaseError(
      `the registry refused user ${name}: ${response.status} ${answer.error ?? answer.reason ?? response.statusText}`,
    );
  }
  return answer.token;
}

/** Sets the registry's token line in an npm config file, keeping every other line; the file is private to its owner. */
export function saveToken(file: string, registry: string, token: string): void {
  const key = `${credentialsKey(normalizeRegistryUrl(registry))}:_authToken`;
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith(`${key}=`))
    : [];
  writeFileSync(file, `${[...lines, `${key}=${token}`].join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string' },
      registry: { type: 'string' },
      'print-token': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const configured = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { platform?: { registry?: string } }
  ).platform?.registry;
  const registry = values.registry ?? process.env.PLATFORM_REGISTRY ?? configured;
  const user = values.user ?? process.env.PLATFORM_REGISTRY_USER ?? process.env.USER;
  const password = process.env[PASSWORD_VARIABLE];
  if (!registry) throw new ReleaseError('no registry: pass --registry <url> or set PLATFORM_REGISTRY');
  if (!user) throw new ReleaseError('no user name: pass --user <name> or set PLATFORM_REGISTRY_USER');
  if (!password)
    throw new ReleaseError(`set ${PASSWORD_VARIABLE} to the password (it is never asked for, so this works in CI)`);
  const token = await addUser(registry, user, password);
  if (values['print-token']) {
    process.stdout.write(`${token}\n`);
    return 0;
  }
  const file = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  saveToken(file, registry, token);
  console.log(`${user} can publish to ${normalizeRegistryUrl(registry)}; the token is saved in ${file}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (
      !(error instanceof ReleaseError) &&
      !(error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    )
      throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
