#!/usr/bin/env node
// `node scripts/platform.mjs <command>`: the @platform/cli `platform` command, rooted at this repository
// whatever the current folder (the benchmark and the promotion step call it by path).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../packages/cli/launcher/launch.mjs';

process.exitCode = await launch({
  argv: process.argv.slice(2),
  root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
});
