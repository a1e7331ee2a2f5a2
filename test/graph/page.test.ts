/**
 * The environment page in a real browser (Debian's Chromium through playwright-core): no console errors, every
 * component and every edge drawn, selecting a component shows its objects, and a compare page marks a change.
 * Screenshots go to test-results/ (git-ignored) for a human to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareModels, graphModel, graphPage } from '@platform/graph';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dev from '../../environments/dev/index.js';

const out = join(import.meta.dirname, '..', '..', 'test-results', 'graph');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(out, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(html: string, name: string) {
  const file = join(out, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Everything is inline: a request of any kind would be a defect of the page.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`file://${file}`);
  return { page, errors };
}

describe('the environment page', () => {
  it("shows every component and edge of dev, and a component's objects on click, without console errors", async () => {
    const rendered = await dev.render();
    const model = graphModel(rendered);
    const { page, errors } = await open(await graphPage(model), 'dev');
    const components = await page
      .locator('[data-component]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-component')));
    expect(components.sort()).toEqual(rendered.components.map((c) => c.name).sort());
    const edges = await page
      .locator('[data-edge]')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-edge')));
    expect(edges.sort()).toEqual(model.edges.map((e) => e.id).sort());
    expect(model.edges.filter((e) => e.type === 'dependency').length).toBeGreaterThan(0);
    expect(model.edges.filter((e) => e.type === 'wiring').length).toBeGreaterThan(0);
    await page.locator('[data-component="mimir"]').click();
    await expect.poll(() => page.locator('#details [data-selected]').textContent()).toBe('mimir');
    expect(await page.locator('#details [data-object="mimir/deployment-distributor.yaml"]').count()).toBe(1);
    await page.screenshot({ path: join(out, 'dev.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('marks a changed component on a compare page', async () => {
    const base = graphModel(await dev.render());
    const changed = await dev.render.call({
      ...dev,
      components: dev.components.map((c) =>
        c.name === 'mimir' ? c.override({ distributor_deployment: { spec: { replicas: 7 } } }) : c,
      ),
    });
    const { page, errors } = await open(
      await graphPage(graphModel(changed), compareModels(base, graphModel(changed), 'main')),
      'dev-compare',
    );
    expect(await page.locator('[data-component="mimir"]').getAttribute('data-change')).toBe('changed');
    expect(await page.locator('[data-component="loki"]').getAttribute('data-change')).toBeNull();
    await page.locator('[data-component="mimir"]').click();
    expect(
      await page.locator('#details [data-object="mimir/deployment-distributor.yaml"] .change-mark-changed').count(),
    ).toBe(1);
    await page.screenshot({ path: join(out, 'dev-compare.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
