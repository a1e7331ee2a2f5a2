import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { loadEnvironment } from '../environments.js';
import { problemsOf, reportFailure } from '../errors.js';
import { paint } from '../output.js';
import { environmentPins } from '../pins.js';

interface Listed {
  environment: string;
  cluster?: { name: string; server: string };
  components?: Array<{ name: string; tier: string; namespace: string }>;
  libraries: Array<{ name: string; spec: string; version: string | null; installed: string | null }>;
  problems?: ReturnType<typeof problemsOf>;
}

/** `platform ls`: every environment with its cluster, components (tier, namespace) and pinned library versions. */
export async function lsCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const listed: Listed[] = [];
  let code = 0;
  for (const name of input.known) {
    const dir = input.environmentDirs?.[name];
    const libraries = (dir ? environmentPins(input.root, dir) : []).map((pin) => ({
      name: pin.name,
      spec: pin.spec,
      version: pin.version ?? null,
      installed: pin.installed ?? null,
    }));
    try {
      const environment = await loadEnvironment(input, name);
      listed.push({
        environment: name,
        cluster: { name: environment.cluster.name, server: environment.cluster.server },
        components: environment.components.map((c) => ({ name: c.name, tier: c.tier, namespace: c.namespace })),
        libraries,
      });
    } catch (error) {
      const problems = problemsOf(error, input.root, name);
      if (!problems || parsed.flags.format !== 'json') code = Math.max(code, reportFailure(error, input.root, name));
      else code = Math.max(code, 1);
      listed.push({ environment: name, libraries, problems });
    }
  }
  if (parsed.flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
    return code;
  }
  for (const entry of listed) {
    const lines = [
      `${paint('bold', entry.environment)}${entry.cluster ? `  cluster ${entry.cluster.name} (${entry.cluster.server})` : '  (does not load)'}`,
    ];
    if (entry.components) {
      const width = Math.max(...entry.components.map((c) => c.name.length));
      for (const c of entry.components)
        lines.push(`  ${c.name.padEnd(width)}  ${c.tier.padEnd(9)}  namespace ${c.namespace}`);
    }
    if (entry.libraries.length > 0) {
      lines.push(
        `  libraries: ${entry.libraries.map((l) => `${l.name.replace('@platform/', '')} ${l.version ?? l.spec}${l.spec.startsWith('workspace:') ? ' (workspace)' : ''}`).join(', ')}`,
      );
    }
    console.log(`${lines.join('\n')}\n`);
  }
  return code;
}
