import { describe, expect, it } from 'vitest';
import { checkCustomizationKey, customizationKey, parseCustomizationKey } from './customization-key.js';
import { runHealthScript, toLuaLiteral } from './lua.js';

describe('runHealthScript (Argo CD v3.4.4 util/lua on lua5.1)', () => {
  it('returns the status and message of the returned table', async () => {
    const script = 'local hs = {}\nhs.status = "Healthy"\nhs.message = "replicas: " .. obj.spec.replicas\nreturn hs';
    expect(await runHealthScript(script, { spec: { replicas: 3 } })).toEqual({
      status: 'Healthy',
      message: 'replicas: 3',
    });
  });

  it('turns an invalid status into Unknown, as lua.go does', async () => {
    expect(await runHealthScript('return {status = "Fine"}', {})).toEqual({
      status: 'Unknown',
      message: 'Lua returned an invalid health status',
    });
    expect(await runHealthScript('return {message = "no status"}', {})).toEqual({
      status: 'Unknown',
      message: 'Lua returned an invalid health status',
    });
  });

  it('returns the empty status for nil, for {} (encoded as []) and for a status of the wrong type', async () => {
    expect(await runHealthScript('return nil', {})).toEqual({ status: '' });
    expect(await runHealthScript('local x = 1', {})).toEqual({ status: '' });
    expect(await runHealthScript('return {}', {})).toEqual({ status: '' });
    expect(await runHealthScript('return {status = 1}', {})).toEqual({ status: '' });
  });

  it('uses the last value the chunk returns and rejects non-tables', async () => {
    expect(await runHealthScript('return {status = "Degraded"}, {status = "Suspended"}', {})).toEqual({
      status: 'Suspended',
    });
    expect(await runHealthScript('return "Healthy"', {})).toEqual({
      status: 'Unknown',
      message: 'expect table output from Lua script, not string',
    });
  });

  it('reports a table gopher-json cannot encode as Unknown', async () => {
    expect(await runHealthScript('return {status = "Healthy", "extra"}', {})).toEqual({
      status: 'Unknown',
      message: 'json: error calling MarshalJSON for type json.jsonValue: cannot encode mixed or invalid key types',
    });
    expect(await runHealthScript('return {status = "Healthy", check = print}', {})).toEqual({
      status: 'Unknown',
      message:
        'json: error calling MarshalJSON for type json.jsonValue: json: error calling MarshalJSON for type json.jsonValue: cannot encode function to JSON',
    });
  });

  it('passes obj with nulls absent and arrays 1-based without their nulls', async () => {
    const script = [
      'if obj.status.phase ~= nil then return {status = "Degraded"} end',
      'local c = obj.status.conditions',
      'return {status = "Healthy", message = #c .. " " .. c[1].type .. " " .. c[2].type .. " " .. tostring(obj.status.ready)}',
    ].join('\n');
    const obj = { status: { phase: null, ready: true, conditions: [{ type: 'A' }, null, { type: 'B' }] } };
    expect(await runHealthScript(script, obj)).toEqual({ status: 'Healthy', message: '2 A B true' });
  });

  it('gives scripts only base, table, package and require("os") unless useOpenLibs is set', async () => {
    const script = 'return {status = "Healthy", message = string.format("%d", 1)}';
    const restricted = await runHealthScript(script, {});
    expect(restricted.status).toBe('Unknown');
    expect(restricted.message).toMatch(/^<string>:1: attempt to index global 'string' \(a nil value\)$/);
    expect(await runHealthScript(script, {}, { useOpenLibs: true })).toEqual({ status: 'Healthy', message: '1' });
    const methods =
      'local ok = pcall(function() return ("x"):len() end)\nreturn {status = ok and "Degraded" or "Healthy"}';
    expect(await runHealthScript(methods, {})).toEqual({ status: 'Healthy' });
    expect(await runHealthScript(methods, {}, { useOpenLibs: true })).toEqual({ status: 'Degraded' });
    const os =
      'local os = require("os")\nreturn {status = type(os.time()) == "number" and os.execute == nil and "Healthy" or "Degraded"}';
    expect(await runHealthScript(os, {})).toEqual({ status: 'Healthy' });
  });

  it('reports a resource being deleted as Progressing before running the script', async () => {
    const obj = { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } };
    expect(await runHealthScript('return {status = "Healthy"}', obj)).toEqual({
      status: 'Progressing',
      message: 'Pending deletion',
    });
  });

  it('writes Lua literals that survive escapes and digits after them', () => {
    expect(toLuaLiteral({ a: 'x\n1"\\', b: [1, null, 2.5], c: null })).toBe('{["a"]="x\\0101\\"\\\\",["b"]={1,2.5}}');
  });
});

describe('customization keys', () => {
  it('reads the split key the way settings.go does', () => {
    expect(parseCustomizationKey('resource.customizations.health.argoproj.io_ApplicationSet')).toEqual({
      type: 'health',
      resource: 'argoproj.io/ApplicationSet',
    });
    expect(parseCustomizationKey('resource.customizations.useOpenLibs.ConfigMap')).toEqual({
      type: 'useOpenLibs',
      resource: 'ConfigMap',
    });
    expect(parseCustomizationKey('resource.customizations.ignoreDifferences.all')).toEqual({
      type: 'ignoreDifferences',
      resource: '*/*',
    });
    expect(() => parseCustomizationKey('resource.customizations.health.argoproj.io_Application_Set')).toThrow(
      /group kind should be in format/,
    );
    expect(() => parseCustomizationKey('resource.customizations.healthcheck.Pod')).toThrow(
      'resource customization type healthcheck not supported',
    );
    expect(() => parseCustomizationKey('resource.customizations.health')).toThrow(/ignored by Argo CD/);
  });

  it('checks a key against the resource it must apply to', () => {
    const applicationSet = { type: 'health' as const, group: 'argoproj.io', kind: 'ApplicationSet' };
    expect(customizationKey('health', 'argoproj.io', 'ApplicationSet')).toBe(
      'resource.customizations.health.argoproj.io_ApplicationSet',
    );
    expect(checkCustomizationKey('resource.customizations.health.argoproj.io_ApplicationSet', applicationSet)).toEqual(
      [],
    );
    expect(
      checkCustomizationKey('resource.customizations.health.argoproj.io/ApplicationSet', applicationSet)[0],
    ).toMatch(/not a valid ConfigMap key/);
    expect(checkCustomizationKey('resource.customizations.health.argoproj.io_Application', applicationSet)[0]).toMatch(
      /applies to argoproj.io\/Application, not argoproj.io\/ApplicationSet/,
    );
  });
});
