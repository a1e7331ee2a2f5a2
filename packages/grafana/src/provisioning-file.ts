import { stableJson } from '@platform/core';

/**
 * A Grafana provisioning file. Written as indented JSON with sorted keys: JSON is YAML, which Grafana reads,
 * and the exact bytes depend only on the content, never on the order code built it in.
 */
export function provisioningFile(content: object): string {
  return `${stableJson(content, 2)}\n`;
}

/** Reads a provisioning file back (for tests and tools). */
export function readProvisioningFile<T>(text: string): T {
  return JSON.parse(text) as T;
}
