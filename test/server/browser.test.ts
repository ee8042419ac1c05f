import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateTargets } from '../../src/alerts/index.js';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { codeVersion } from '../../src/package/codeVersion.js';
import { runInline } from '../../src/runners/inline.js';
import { buildServer } from '../../src/server/app.js';
import { LocalStore } from '../../src/store/localStore.js';
import { tempDir } from '../support/pipelineContext.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('test-output');
let server: Awaited<ReturnType<typeof buildServer>>;
let base: string;

/** The committed demo series through the inline runner, as `npm run demo` does. */
async function demoStore(): Promise<PipelineContext> {
  const store = new LocalStore(path.join(await tempDir('dte-browser-'), 'store'));
  const { series } = parse(await readFile('fixtures/demo/feeds.yaml', 'utf8')) as {
    series: Array<{ as_of: string; file: string }>;
  };
  let ctx: PipelineContext | undefined;
  for (const entry of series) {
    ctx = {
      store,
      logger: pino({ level: 'silent' }),
      config: configSchema.parse({
        targets: path.resolve('fixtures/targets.yaml'),
        feeds: [
          {
            id: 'national',
            format: 'vn-dkkd-csv',
            source: { type: 'file', path: path.resolve('fixtures/demo', entry.file) },
          },
        ],
      }),
      baseDir: process.cwd(),
      codeVersion: codeVersion(),
    };
    await runInline(ctx, { asOf: entry.as_of });
  }
  return ctx!;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (bash .ci/setup-browser) or set CHROMIUM_PATH`,
    );
  const ctx = await demoStore();
  server = await buildServer({
    store: ctx.store,
    runtime: null,
    adminToken: undefined,
    logger: pino({ level: 'silent' }),
    evaluations: (asOf) => evaluateTargets(ctx, asOf),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await mkdir(OUT, { recursive: true });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the page in a real browser', () => {
  it('shows the latest date, the province table and a chart per target, on a laptop and on a phone', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
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
    try {
      for (const [label, viewport] of [
        ['laptop', { width: 1366, height: 768 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const page = await browser.newPage({ viewport });
        await page.goto(`${base}/`);
        expect(await page.textContent('#as-of')).toBe('2026-09-30');
        expect(await page.locator('#provinces tbody tr').count()).toBe(35);
        expect(await page.locator('#provinces tbody tr.nation td').nth(1).textContent()).toBe('Việt Nam');
        expect(await page.locator('.card.target svg.chart').count()).toBe(4);
        expect(
          await page.locator('.card.target[data-target="ba-ria-vung-tau-kh63"] .badge').textContent(),
        ).toBe('Chậm nghiêm trọng');
        // Nothing spills sideways on a phone: only the table scrolls inside its box.
        const overflow = (await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        )) as number;
        expect(overflow).toBeLessThanOrEqual(1);
        await page.screenshot({ path: path.join(OUT, `page-${label}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
    expect(existsSync(path.join(OUT, 'page-laptop.png'))).toBe(true);
  }, 120_000);
});
