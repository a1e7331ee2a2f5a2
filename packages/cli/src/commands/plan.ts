import { firstSyncPlan, formatFirstSyncPlan, type RenderedEnvironment } from '@platform/core';
import { certificateCalendar, formatCertificateCalendar } from '@platform/pki';
import type { CliInput } from '../cli-input.js';
import { daemonSetNodes, type ParsedCommand } from '../command-line.js';
import { knownEnvironment, renderNamed } from '../environments.js';
import { CliError, reportFailure } from '../errors.js';

/**
 * The calendar as data: each certificate with its lifetime and expiries in seconds after the first sync, the
 * rendered object named instead of embedded.
 */
function calendarJson(rendered: RenderedEnvironment): string {
  const calendar = certificateCalendar(rendered);
  return `${JSON.stringify(
    {
      environment: rendered.environment.name,
      horizonSeconds: calendar.horizon,
      entries: calendar.entries.map(({ object, ...entry }) => ({
        ...entry,
        ...(object
          ? { object: { kind: object.kind, namespace: object.metadata?.namespace, name: object.metadata?.name } }
          : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * `platform plan <env>`: the first sync of an environment, step by step (needs a render of @platform/core 2);
 * with `--certificates`, the expiry calendar of its CAs and certificates instead.
 */
export async function planCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name, ...rest] = parsed.positionals;
  if (name === undefined || rest.length > 0) throw new CliError('name one environment: platform plan <env>');
  knownEnvironment(input, name);
  const nodes = daemonSetNodes(parsed);
  let rendered: RenderedEnvironment;
  try {
    rendered = await renderNamed(input, name);
  } catch (error) {
    return reportFailure(error, input.root, name);
  }
  // Renders of core 1.x carry no delivery facts (engine, folder, rules), which the plan is computed from.
  if (!(rendered as Partial<RenderedEnvironment>).delivery) {
    throw new CliError(
      `plan needs @platform/core 2; environments/${name} renders with an older @platform/core (promote core 2 to it first)`,
    );
  }
  if (parsed.flags.certificates === true) {
    process.stdout.write(
      parsed.flags.format === 'json'
        ? calendarJson(rendered)
        : formatCertificateCalendar(certificateCalendar(rendered)),
    );
    return 0;
  }
  const plan = firstSyncPlan(rendered, { daemonSetNodes: nodes });
  process.stdout.write(
    parsed.flags.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : formatFirstSyncPlan(plan),
  );
  return 0;
}
