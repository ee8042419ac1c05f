import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type ChartInput, svgToPng, targetChartSvg } from '../../src/alerts/index.js';

/** Đắk Lắk's story: behind through 2024, catching up in 2025. */
const dakLak: ChartInput = {
  title: 'Đắk Lắk — Phát triển doanh nghiệp công nghệ số tỉnh Đắk Lắk giai đoạn 2023-2025',
  lang: 'vi',
  as_of: '2025-06-30',
  baseline: { date: '2023-05-10', value: 0 },
  milestones: [
    { date: '2025-12-31', value: 20 },
    { date: '2030-12-31', value: 50 },
  ],
  history: [
    { as_of: '2023-06-30', actual: 1, expected: 0.8 },
    { as_of: '2023-12-31', actual: 2, expected: 4.7 },
    { as_of: '2024-06-30', actual: 5, expected: 8.6 },
    { as_of: '2024-12-31', actual: 11, expected: 12.5 },
    { as_of: '2025-06-30', actual: 17, expected: 16.5 },
  ],
  projection: { next: { date: '2025-12-31', value: 20 }, projected_value_next: 21.5 },
  tolerance_pct: 2,
  critical_pct: 15,
};

describe('the alert chart', () => {
  it('draws every snapshot coloured by status, the expected trajectory and the labelled milestones', () => {
    const svg = targetChartSvg(dakLak);
    expect(svg).toBe(targetChartSvg(dakLak));
    const dots = [...svg.matchAll(/<circle [^>]*fill="(#[0-9a-f]{6})" class="actual"/g)].map((m) => m[1]);
    // on track, critical, critical, behind, on track
    expect(dots).toEqual(['#2e7d32', '#c62828', '#c62828', '#ef8f00', '#2e7d32']);
    expect(svg).toContain('>2025: 20</text>');
    // The milestone after the next one is not drawn, so that the history keeps its width.
    expect(svg).not.toContain('2030: 50');
    expect(svg).toContain('>30/06/2025: 17</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    const en = targetChartSvg({
      ...dakLak,
      lang: 'en',
      history: [{ as_of: '2025-06-30', actual: 1234, expected: 1300 }],
    });
    expect(en).toContain('>30 Jun 2025: 1,234</text>');
  });

  it('renders to a PNG twice its size', async () => {
    const png = svgToPng(targetChartSvg(dakLak));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(680);
    await mkdir('test-output', { recursive: true });
    await writeFile('test-output/alert-chart-dak-lak.png', png);
  });
});
