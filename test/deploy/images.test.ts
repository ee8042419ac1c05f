import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** A reference names one image for good: a digest, or a tag with at least major.minor, never `latest`. */
function isPinned(reference: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(reference)) return true;
  const tag = /:([^/:@]+)$/.exec(reference)?.[1];
  return tag !== undefined && tag !== 'latest' && /^v?\d+\.\d+/.test(tag);
}

const composeImages = (): string[] => {
  const file = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
    services: Record<string, { image?: string }>;
  };
  return Object.values(file.services).flatMap((s) => (s.image ? [s.image] : []));
};

const dockerfileImages = (): string[] =>
  [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM\s+(\S+)/gim)].map((m) => m[1]!);

describe('image references', () => {
  it('tells a pinned reference from a floating one', () => {
    expect(isPinned('redis:7.4.9-alpine')).toBe(true);
    expect(isPinned('chrislusf/seaweedfs:4.44')).toBe(true);
    expect(isPinned(`node@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isPinned('minio/minio:latest')).toBe(false);
    expect(isPinned('minio/mc')).toBe(false);
    expect(isPinned('redis:7-alpine')).toBe(false);
    expect(isPinned('node:lts')).toBe(false);
  });

  it('are all pinned, in docker-compose.yml and the Dockerfile', () => {
    const images = [...composeImages(), ...dockerfileImages()];
    expect(images.length).toBeGreaterThan(4);
    expect(images.filter((i) => !isPinned(i))).toEqual([]);
  });

  it("tag the project's own image with the package version", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const own = composeImages().filter((i) => i.startsWith('dte-pipeline:'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((i) => i !== `dte-pipeline:${version}`)).toEqual([]);
  });

  it('build the image on a supported Node LTS with the chart font', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const image of dockerfileImages()) expect(image).toMatch(/^node:(22|24)\./);
    expect(dockerfile).toMatch(/apt-get install[^\n]*fonts-dejavu-core/);
    expect(dockerfile).toMatch(/npm run build/);
  });
});
