#!/usr/bin/env node
// The `platform` command of @platform/cli: finds the project (the nearest folder with environments/) from the
// current directory and runs the command line there.
import { launch } from '../launcher/launch.mjs';

process.exitCode = await launch({ argv: process.argv.slice(2) });
