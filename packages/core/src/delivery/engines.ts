import type { Environment } from '../model/environment.js';
import { PlatformError } from '../model/errors.js';
import { argoCdEngine } from './argocd/engine.js';
import type { DeliveryEngine } from './engine.js';
import { fluxEngine } from './flux/engine.js';

/** The delivery engines core ships, by `delivery.engine` name. */
const ENGINES: Readonly<Record<string, DeliveryEngine>> = { argocd: argoCdEngine, flux: fluxEngine };

/** The engine an environment chooses (`delivery.engine`, default Argo CD). */
export function engineFor(environment: Environment): DeliveryEngine {
  const name = environment.delivery?.engine ?? 'argocd';
  const engine = ENGINES[name];
  if (!engine)
    throw new PlatformError({
      environment: environment.name,
      path: 'delivery.engine',
      message: `unknown delivery engine "${name}"; known: ${Object.keys(ENGINES).join(', ')}`,
    });
  return engine;
}
