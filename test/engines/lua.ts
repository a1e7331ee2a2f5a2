/**
 * Runs Argo CD resource health checks (Lua) the way Argo CD v3.4.4 does, on Debian's `lua5.1` — a PUC Lua
 * 5.1 interpreter, the language gopher-lua implements. `health-driver.lua` rebuilds the environment
 * util/lua/lua.go gives a script; this module converts the object, runs the driver and applies Argo CD's
 * handling of the returned value.
 *
 * Not reproducible on PUC Lua: the wording of compile and runtime error messages (gopher-lua has its own),
 * and the iteration order of a table's hash part (which error gopher-json reports first for a table that is
 * both sparse and mixed).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Argo CD's health status (gitops-engine pkg/health HealthStatus). */
export interface HealthResult {
  /** One of Healthy, Progressing, Degraded, Suspended, Missing, Unknown — or '' when the script returned nil or {}. */
  status: string;
  message?: string;
}

export interface HealthOptions {
  /** `resource.customizations.useOpenLibs.<group>_<kind>: "true"`: all standard libraries. Default false. */
  useOpenLibs?: boolean;
}

const driver = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'health-driver.lua'), 'utf8');

/** lua.go:102: the script runs under a one-second context. */
const TIMEOUT_MS = 1000;

/** health.go isValidHealthStatusCode (lua.go:590-596). */
const VALID_STATUSES = new Set(['Unknown', 'Progressing', 'Suspended', 'Healthy', 'Degraded', 'Missing']);

/** lua.go:33 */
const INVALID_HEALTH_STATUS = 'Lua returned an invalid health status';

/** Quotes a string as a Lua literal (\ddd escapes are decimal, always three digits); UTF-8 passes through. */
function luaString(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point, Lua literals must escape them
  return `"${s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : `\\${String(c.charCodeAt(0)).padStart(3, '0')}`))}"`;
}

/**
 * Converts JSON data to a Lua table constructor as lua.go decodeValue (lines 601-631) builds the table: null
 * leaves the key absent, arrays are 1-based and, since LTable.Append ignores nil, skip null elements.
 */
export function toLuaLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cannot pass ${value} to Lua: not a JSON number`);
      return String(value);
    case 'string':
      return luaString(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `{${value
          .filter((v) => v !== null && v !== undefined)
          .map(toLuaLiteral)
          .join(',')}}`;
      }
      const fields = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `[${luaString(k)}]=${toLuaLiteral(v)}`);
      return `{${fields.join(',')}}`;
    }
  }
  throw new Error(`cannot pass a ${typeof value} to Lua`);
}

type DriverResult = { error: string } | { returned: 'nil' } | { json: string };

function runDriver(program: string, sentinel: string): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('lua5.1', ['-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error('lua5.1 is not installed: run `bash scripts/setup.sh` (README set-up)')
          : error,
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // gopher-lua raises the context's error from the VM loop (vm.go:56-57), with a position prefix.
      if (timedOut) return resolve({ error: 'context deadline exceeded' });
      const stdout = Buffer.concat(out).toString('utf8');
      const at = stdout.lastIndexOf(sentinel);
      if (code !== 0 || at < 0) {
        return reject(new Error(`lua5.1 driver failed (exit ${code}): ${Buffer.concat(err).toString('utf8')}`));
      }
      resolve(JSON.parse(stdout.slice(at + sentinel.length).split('\n')[0]!) as DriverResult);
    });
    child.stdin.end(program);
  });
}

/**
 * What `json.Unmarshal(jsonBytes, &health.HealthStatus{})` leaves (lua.go:143-152): keys match the fields
 * `status` and `message` exactly or case-insensitively, later keys win, null changes nothing; any type
 * mismatch — an array, which is what an empty table encodes to, included — yields the empty status.
 */
function decodeHealthStatus(json: string): HealthResult | 'typeError' {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'typeError';
  const result: HealthResult = { status: '' };
  let typeError = false;
  for (const [key, v] of Object.entries(value)) {
    const field =
      key === 'status' || key === 'message' ? key : ['status', 'message'].find((f) => f === key.toLowerCase());
    if (field === undefined || v === null) continue;
    if (typeof v !== 'string') {
      typeError = true;
      continue;
    }
    if (field === 'status') result.status = v;
    else result.message = v;
  }
  return typeError ? 'typeError' : result;
}

/** gitops-engine pkg/sync/hook/hook.go:13 */
const HOOK_FINALIZER = 'argocd.argoproj.io/hook-finalizer';

/**
 * Runs a health script against `obj` and returns the health Argo CD would record for the resource:
 * gitops-engine health.go:70-89 (a resource being deleted is Progressing before any script runs; a script
 * error is Unknown with the error as message) around lua.go ExecuteHealthLua (lines 132-165).
 */
export async function runHealthScript(
  script: string,
  obj: unknown,
  options: HealthOptions = {},
): Promise<HealthResult> {
  const metadata = (obj as { metadata?: { deletionTimestamp?: unknown; finalizers?: unknown } } | null)?.metadata;
  if (
    metadata?.deletionTimestamp != null &&
    !(Array.isArray(metadata.finalizers) && metadata.finalizers.includes(HOOK_FINALIZER))
  ) {
    return { status: 'Progressing', message: 'Pending deletion' };
  }
  const sentinel = `\n@@health-${randomBytes(8).toString('hex')}@@`;
  const params = `__params = {script=${luaString(script)}, obj=${toLuaLiteral(obj ?? null)}, openLibs=${options.useOpenLibs ? 'true' : 'false'}, sentinel=${luaString(sentinel)}}\n`;
  const outcome = await runDriver(params + driver, sentinel);
  if ('error' in outcome) return { status: 'Unknown', message: outcome.error };
  if ('returned' in outcome) return { status: '' };
  const decoded = decodeHealthStatus(outcome.json);
  if (decoded === 'typeError') return { status: '' };
  if (!VALID_STATUSES.has(decoded.status)) return { status: 'Unknown', message: INVALID_HEALTH_STATUS };
  return decoded.message ? decoded : { status: decoded.status };
}
