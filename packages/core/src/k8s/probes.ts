import type { IProbe } from '../registry/kubernetes-types.js';

/**
 * The liveness probe of a long-running process whose readiness must not decide restarts: Grafana's databases
 * (Mimir, Loki, Tempo) and Alloy.
 *
 * Their readiness endpoints (`/ready`, Alloy's `/-/ready`) are false for long, legitimate stretches: while an
 * ingester replays its WAL or waits for its ring, while a Tempo live-store catches up with Kafka, while a
 * query-frontend has no querier, while Alloy replays its remote-write WAL during the initial load. A liveness
 * probe on them restarts the process in the middle of that work, and the next start has even more to replay: a
 * restart loop. Grafana's charts therefore ship no liveness probe for Mimir, Loki and Alloy, and Cortex's
 * guidance is that killing an ingester should not be left to a machine. Alloy's `/-/healthy` reports component
 * health (a bad remote endpoint, a config error), which a restart does not fix either.
 *
 * What is left for liveness is the one failure a restart does fix: a process that stopped accepting connections.
 * The probe opens a TCP connection to the HTTP port. dskit's server (Mimir, Loki, Tempo) and Alloy's HTTP service
 * listen before any replay or ring join begins, so the probe passes through every start-up phase. The timing only
 * restarts a process that has refused connections for more than three minutes:
 *
 * - `initialDelaySeconds: 60`, `timeoutSeconds: 5`: the start delay and timeout Grafana's Tempo chart gives its
 *   liveness probe (the one upstream chart of these systems that has one).
 * - `periodSeconds: 20` × `failureThreshold: 10`: 200 s of consecutive failures before a restart, far longer than
 *   a garbage-collection pause, CPU throttling at a limit or a node under memory pressure stall a process, so
 *   only a wedged process is restarted.
 */
export function hungProcessProbe(port: number | string): IProbe {
  return { tcpSocket: { port }, initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 10 };
}
