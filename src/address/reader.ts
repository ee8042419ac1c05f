import { detach } from '../input/memo.js';
import { MERGER_DATE, provinceResolverAsOf, type ResolvedProvince } from '../reference/provinces.js';
import { readSegments, segmentsOf } from './parse.js';
import { type AddressPlace, placeAddress } from './resolve.js';

/** Comma-separated parts an address's places are read from: commune, district and province at most. */
const TAIL_PARTS = 3;
const COUNTRY_END = /(vi[eệ]t\s*nam|vn)[\s.]*$/iu;
/** Distinct address tails remembered per parse; beyond it an address is read afresh. */
const CACHE_LIMIT = 100_000;

/**
 * Reads the addresses of one export (as of one day), remembering each address's tail: the street
 * and house number differ from row to row, the commune, district and province after them repeat,
 * so most rows are answered from memory.
 */
export class AddressReader {
  private readonly seen = new Map<string, AddressPlace>();
  private readonly resolve: (value: string) => ResolvedProvince | null;
  private readonly preMerger: boolean;

  constructor(asOf: string) {
    this.resolve = provinceResolverAsOf(asOf);
    this.preMerger = asOf < MERGER_DATE;
  }

  /** The address's place in the row's province; `legacy` is the pre-2025 province already certain. */
  read(address: string, province: ResolvedProvince, legacy: string | null): AddressPlace {
    const cut = tailStart(address);
    const lead = cut > 0 && hasText(address, cut);
    const tail = cut === 0 ? address : address.slice(cut);
    const key = `${province.code}${legacy ?? '--'}${lead ? 1 : 0}${tail}`;
    const hit = this.seen.get(key);
    if (hit) return hit;
    const parts = readSegments(segmentsOf(tail), lead);
    const place = placeAddress(parts, { province, legacy, preMerger: this.preMerger }, this.resolve);
    if (this.seen.size < CACHE_LIMIT) this.seen.set(detach(key), place);
    return place;
  }
}

/** Where the last parts start (after a comma), the country not counted; 0 where the address has no more. */
function tailStart(address: string): number {
  let wanted = COUNTRY_END.test(address) ? TAIL_PARTS + 1 : TAIL_PARTS;
  let filled = false;
  for (let i = address.length - 1; i >= 0; i--) {
    const c = address.charCodeAt(i);
    if (c === 0x2c) {
      if (filled && --wanted === 0) return i + 1;
      filled = false;
    } else if (c !== 0x20) filled = true;
  }
  return 0;
}

/** Whether anything but spaces and commas stands before `end`. */
function hasText(address: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = address.charCodeAt(i);
    if (c !== 0x20 && c !== 0x2c) return true;
  }
  return false;
}
