import type { INetworkPolicy } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { edited, findingsOf, objectOf, render, web } from '../test/fixtures.js';

const client = web({ talksTo: ['api'] }).named('client');

describe('network.service-ingress', () => {
  it("passes when the Service's namespace admits the namespace that sends to it", async () => {
    expect(
      findingsOf(await render([client, web({ admits: ['client'] }).named('api')]), 'network.service-ingress'),
    ).toEqual([]);
  });

  it('reports a Service reachable by egress but not admitted by any ingress policy', async () => {
    const rendered = await render([client, web().named('api')]);
    expect(findingsOf(rendered, 'network.service-ingress')).toEqual([
      {
        rule: 'network.service-ingress',
        severity: 'error',
        environment: 'test',
        component: 'api',
        object: 'Service/api/web',
        path: 'spec.ports[name=http]',
        message:
          'component "client" may connect to Service "web" on port 8080 (http): its NetworkPolicy "client/allow-to-api" allows the egress, but no NetworkPolicy in namespace "api" admits ingress from namespace "client" on that port',
      },
    ]);
  });

  it("requires the admitted port to be the Service's target port, and ignores egress to other ports", async () => {
    const rendered = await render([client, web({ admits: ['client'] }).named('api')]);
    const wrongIngressPort = edited(rendered, (objects) => {
      objectOf<INetworkPolicy>(objects, 'api', 'networkpolicy_allow_from_client').spec!.ingress![0]!.ports = [
        { port: 9090, protocol: 'TCP' },
      ];
    });
    expect(findingsOf(wrongIngressPort, 'network.service-ingress').map((f) => f.object)).toEqual(['Service/api/web']);
    const namedIngressPort = edited(rendered, (objects) => {
      objectOf<INetworkPolicy>(objects, 'api', 'networkpolicy_allow_from_client').spec!.ingress![0]!.ports = [
        { port: 'http', protocol: 'TCP' },
      ];
    });
    expect(findingsOf(namedIngressPort, 'network.service-ingress')).toEqual([]);
    const otherEgressPort = edited(await render([client, web().named('api')]), (objects) => {
      objectOf<INetworkPolicy>(objects, 'client', 'networkpolicy_allow_to_api').spec!.egress![0]!.ports = [
        { port: 9090, protocol: 'TCP' },
      ];
    });
    expect(findingsOf(otherEgressPort, 'network.service-ingress')).toEqual([]);
  });
});
