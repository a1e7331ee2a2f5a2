import type { ConfigChecks } from '@platform/core';
import type { AlertRoutingConfig } from './config.js';

/** A team name: a label value that is also safe in receiver names and Secret keys. */
const TEAM = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** A Prometheus label name. */
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** What types cannot say: a pager, at least one team, valid names, channels and durations. */
export function checkConfig(config: AlertRoutingConfig, checks: ConfigChecks): void {
  checks.require(
    config.pager !== undefined,
    'pager',
    'declare the on-call pager ({ provider: "pagerduty" | "opsgenie", key: { key, property } }): critical alerts page it',
  );
  const teams = Object.keys(config.teams);
  checks.require(
    teams.length > 0,
    'teams',
    "declare at least one team: non-critical alerts go to their team's channel",
  );
  for (const team of teams) {
    checks.require(TEAM.test(team), `teams.${team}`, 'expected a team name of lower-case letters, digits and "-"');
    const channel = config.teams[team]!.channel;
    checks.require(
      /^[#@]?[a-z0-9][a-z0-9._-]*$/.test(channel),
      `teams.${team}.channel`,
      `expected a Slack channel such as "#${team}-alerts", got ${JSON.stringify(channel)}`,
    );
  }
  checks.require(config.groupBy.length > 0, 'groupBy', 'group by at least one label');
  config.groupBy.forEach((label, i) =>
    checks.require(LABEL.test(label), `groupBy[${i}]`, `"${label}" is not a label name`),
  );
  checks.duration('groupWait', config.groupWait, 'prometheus');
  checks.duration('groupInterval', config.groupInterval, 'prometheus');
  checks.duration('repeatInterval', config.repeatInterval, 'prometheus');
  config.inhibitions.forEach((inhibition, i) => {
    checks.require(Object.keys(inhibition.source).length > 0, `inhibitions[${i}].source`, 'match at least one label');
    checks.require(Object.keys(inhibition.target).length > 0, `inhibitions[${i}].target`, 'match at least one label');
  });
}
