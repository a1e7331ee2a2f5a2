import { describe, expect, it } from 'vitest';
import { hungProcessProbe } from '../index.js';

describe('hungProcessProbe', () => {
  it('checks only that the port accepts connections, and restarts after 200 s of refusals', () => {
    const probe = hungProcessProbe('http-metrics');
    expect(probe).toEqual({
      tcpSocket: { port: 'http-metrics' },
      initialDelaySeconds: 60,
      periodSeconds: 20,
      timeoutSeconds: 5,
      failureThreshold: 10,
    });
    expect(probe.httpGet).toBeUndefined();
    expect(probe.periodSeconds! * probe.failureThreshold!).toBe(200);
    expect(hungProcessProbe(8080).tcpSocket).toEqual({ port: 8080 });
  });
});
