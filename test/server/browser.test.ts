import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateTargets, targetHistories } from '../../src/alerts/index.js';
import { buildServer } from '../../src/server/app.js';
import { demoStore } from './fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('test-output');
const VIEWPORTS = [
  ['laptop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;
let server: Awaited<ReturnType<typeof buildServer>>;
let browser: BrowserContext;
let profile: string;
let base: string;
let dates: string[];
let histories: (asOf: string) => ReturnType<typeof targetHistories>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (bash .ci/setup-browser) or set CHROMIUM_PATH`,
    );
  const demo = await demoStore();
  dates = demo.dates;
  histories = (asOf) => targetHistories(demo.ctx, asOf);
  server = await buildServer({
    store: demo.ctx.store,
    runtime: null,
    adminToken: undefined,
    logger: pino({ level: 'silent' }),
    evaluations: (asOf) => evaluateTargets(demo.ctx, asOf),
    histories: (asOf) => histories(asOf),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await mkdir(OUT, { recursive: true });
  profile = await mkdtemp(path.join(os.tmpdir(), 'dte-chromium-'));
  // A fresh profile per run: nothing of an earlier run (cache, settings) reaches this one.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** The smallest rendered size of chart text in CSS px: computed font size times the SVG's scale. */
function smallestChartText(page: Page): Promise<number> {
  // DOM code goes as a string: the test project has no DOM types.
  return page.evaluate(`(() => {
    const sizes = [...document.querySelectorAll('svg.chart text')].map(
      (t) => Number.parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
    return sizes.length ? Math.min(...sizes) : 0;
  })()`) as Promise<number>;
}

/** Chart labels whose box leaves their SVG's box (a cut label). */
function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('svg.chart text')]
    .filter((t) => {
      const box = t.getBoundingClientRect();
      const svg = t.ownerSVGElement.getBoundingClientRect();
      return box.left < svg.left - 0.5 || box.right > svg.right + 0.5 || box.top < svg.top - 0.5
        || box.bottom > svg.bottom + 0.5;
    })
    .map((t) => t.textContent)`) as Promise<string[]>;
}

interface Box {
  right: number;
  size: number;
  display: string;
}

/** Right edge, font size and display of a selector's elements. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((d) => ({
    right: d.getBoundingClientRect().right,
    size: Number.parseFloat(getComputedStyle(d).fontSize),
    display: getComputedStyle(d).display,
  }))`) as Promise<Box[]>;
}

async function checkDate(page: Page, asOf: string, label: string, width: number) {
  const thanhHoa = '.card.target[data-target="thanh-hoa-kh77"]';
  expect(await page.getAttribute('#as-of', 'datetime')).toBe(asOf);
  expect(await page.inputValue('#as-of-picker')).toBe(asOf);
  expect(await page.locator('#as-of-picker option').count()).toBe(dates.length);
  expect(await page.locator('.card.target svg.chart').count()).toBe(4);
  // One point per published snapshot since the baseline (the first demo date), up to the shown date.
  const points = await page
    .locator(`${thanhHoa} svg.chart circle.point`)
    .evaluateAll((cs) => cs.map((c) => c.getAttribute('data-as-of')));
  expect(points).toEqual(dates.filter((d) => d <= asOf));
  // Every target's dots carry the status it had at that date.
  for (const history of await histories(asOf)) {
    const drawn = await page
      .locator(`.card.target[data-target="${history.target_id}"] svg.chart circle.point`)
      .evaluateAll((cs) => cs.map((c) => `${c.getAttribute('data-as-of')} ${c.getAttribute('class')}`));
    expect(drawn).toEqual(history.points.map((p) => `${p.as_of} point ${p.status}`));
  }
  const milestones = await page.locator(`${thanhHoa} svg.chart g.milestone text`).allTextContents();
  expect(milestones).toEqual(asOf < '2025-12-31' ? ['2025: 100'] : ['2025: 100', '2030: 150']);
  expect(await smallestChartText(page)).toBeGreaterThanOrEqual(12);
  expect(await cutLabels(page)).toEqual([]);
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  expect(overflow).toBeLessThanOrEqual(0);
  // Status, actual, expected and gap of a target fit the screen, each at least 12 px.
  const figures = await boxes(page, `${thanhHoa} .figures dd`);
  expect(figures).toHaveLength(4);
  for (const f of figures) {
    expect(f.right).toBeLessThanOrEqual(width);
    expect(f.size).toBeGreaterThanOrEqual(12);
  }
  // On a phone each province is a card of its own.
  expect((await boxes(page, '#provinces tbody tr'))[0]?.display).toBe(width < 640 ? 'grid' : 'table-row');
  await page.screenshot({ path: path.join(OUT, `page-${asOf}-${label}.png`), fullPage: true });
  await page.screenshot({ path: path.join(OUT, `top-${asOf}-${label}.png`) });
  await page.locator(thanhHoa).screenshot({ path: path.join(OUT, `target-${asOf}-${label}.png`) });
  await page.locator('#files').screenshot({ path: path.join(OUT, `files-${asOf}-${label}.png`) });
  await page
    .locator('#provinces tbody tr')
    .nth(17)
    .screenshot({ path: path.join(OUT, `province-${asOf}-${label}.png`) });
}

describe('the page in a real browser', () => {
  it('shows three dates on a laptop and on a phone: selected date, milestones, history, readable text', async () => {
    const shown = [dates[2]!, dates[5]!, dates.at(-1)!];
    for (const [label, viewport] of VIEWPORTS) {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      for (const asOf of shown) {
        const response = await page.goto(asOf === dates.at(-1) ? `${base}/` : `${base}/?as_of=${asOf}`);
        expect(response?.status()).toBe(200);
        await checkDate(page, asOf, label, viewport.width);
      }
      await page.close();
    }
    // Đắk Lắk fell behind in 2025: that period is on its chart.
    const dakLak = (await histories(dates.at(-1)!)).find((h) => h.target_id === 'dak-lak-kh74')!;
    expect(dakLak.points.filter((p) => p.status !== 'on_track').map((p) => p.as_of.slice(0, 4))).toContain(
      '2025',
    );
    for (const asOf of shown)
      for (const [label] of VIEWPORTS)
        expect(existsSync(path.join(OUT, `page-${asOf}-${label}.png`))).toBe(true);
  }, 180_000);

  it('moves to another date through the picker and through the earlier-period links', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/?lang=en`);
    await page.selectOption('#as-of-picker', dates[3]!);
    await Promise.all([page.waitForURL(/as_of=/), page.click('.picker button')]);
    expect(new URL(page.url()).searchParams.get('as_of')).toBe(dates[3]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('#as-of', 'datetime')).toBe(dates[3]);
    await Promise.all([
      page.waitForURL(new RegExp(`as_of=${dates[0]}`)),
      page.click(`nav.earlier a[href*="${dates[0]}"]`),
    ]);
    expect(await page.getAttribute('#as-of', 'datetime')).toBe(dates[0]);
    const missing = await page.goto(`${base}/?as_of=2025-01-01&lang=en`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent('#message')).toContain('1 Jan 2025');
    await page.close();
  }, 60_000);
});
