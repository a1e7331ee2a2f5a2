import { PORTS } from './config.js';
import { type Block, block, type Expression, ref } from './syntax.js';

/** Where received OTLP signals go; a signal with no destination is not accepted at all. */
export interface OtlpRouting {
  metrics: Expression[];
  logs: Expression[];
  traces: Expression[];
}

/**
 * The OTLP gateway: `otelcol.receiver.otlp` (gRPC and HTTP) → `otelcol.processor.batch` → per signal,
 * the trace stores' OTLP exporters, Prometheus conversion into the metrics pipelines and Loki conversion
 * into the log pipelines. Signals whose stores are absent are left out of the outputs.
 */
export function otlpGateway(routing: OtlpRouting): Block[] {
  const blocks: Block[] = [];
  const batchOutput: Record<string, Expression[] | undefined> = {
    metrics: undefined,
    logs: undefined,
    traces: undefined,
  };
  if (routing.metrics.length > 0) {
    const exporter = block('otelcol.exporter.prometheus', 'otlp', { forward_to: routing.metrics });
    blocks.push(exporter);
    batchOutput.metrics = [ref(exporter, 'input')];
  }
  if (routing.logs.length > 0) {
    const exporter = block('otelcol.exporter.loki', 'otlp', { forward_to: routing.logs });
    blocks.push(exporter);
    batchOutput.logs = [ref(exporter, 'input')];
  }
  if (routing.traces.length > 0) batchOutput.traces = routing.traces;
  if (!batchOutput.metrics && !batchOutput.logs && !batchOutput.traces) return [];

  const batch = block('otelcol.processor.batch', 'otlp', {}, block('output', undefined, batchOutput));
  const input = [ref(batch, 'input')];
  const receiver = block(
    'otelcol.receiver.otlp',
    'default',
    {},
    block('grpc', undefined, { endpoint: `0.0.0.0:${PORTS.otlpGrpc}` }),
    block('http', undefined, { endpoint: `0.0.0.0:${PORTS.otlpHttp}` }),
    block('output', undefined, {
      metrics: batchOutput.metrics && input,
      logs: batchOutput.logs && input,
      traces: batchOutput.traces && input,
    }),
  );
  return [receiver, batch, ...blocks];
}
