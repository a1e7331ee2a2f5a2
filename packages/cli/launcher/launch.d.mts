/** What launch.mjs exports (the launcher is plain JavaScript; this lets TypeScript tests import it). */
import type { EnvironmentEntry } from './project.mjs';

export function environmentsFor(argv: string[], environments: EnvironmentEntry[]): EnvironmentEntry[];
export function launch(options: { argv: string[]; root?: string }): Promise<number>;
