import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** The Node versions CI runs the suite on: this machine's line and the LTS of `.ci/lts-node`. */
const LTS = /DTE_LTS_NODE:-([\d.]+)/.exec(readFileSync('.ci/lts-node', 'utf8'))?.[1] ?? '';
const NODES = ['20.19.0', process.versions.node, LTS];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};

describe('engines', () => {
  it('CI names a Node 24 LTS and the Dockerfile builds on the same version', () => {
    expect(LTS).toMatch(/^24\.\d+\.\d+$/);
    expect(readFileSync('Dockerfile', 'utf8')).toContain(`node:${LTS}-`);
  });

  it('every locked package accepts Node 20 and the LTS, so npm ci prints no EBADENGINE on either', () => {
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range) continue;
      for (const node of NODES)
        if (!semver.satisfies(node, range, { includePrerelease: true }))
          refusing.push(`${where || 'dte-pipeline'}@${entry.version ?? ''} wants node ${range}, not ${node}`);
    }
    expect(refusing).toEqual([]);
  });
});
