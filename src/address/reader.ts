import { detach } from '../input/memo.js';
import { MERGER_DATE, provinceResolverAsOf, type ResolvedProvince } from '../reference/provinces.js';
import { type AddressParts, readSegments, segmentsOf } from './parse.js';
import { type AddressPlace, placeAddress } from './resolve.js';

/** Comma-separated parts an address's places are read from: commune, district and province at most. */
const TAIL_PARTS = 3;
/** The parts of a new-style address's places (commune and province): the street before them varies. */
const NEAR_PARTS = 2;
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
  /** Places read from the last two parts alone; null where those parts do not decide the place. */
  private readonly near = new Map<string, AddressPlace | null>();
  /** Places by the parts read (unit words as types): spellings of one place share an entry. */
  private readonly placed = new Map<string, AddressPlace>();
  private readonly resolve: (value: string) => ResolvedProvince | null;
  private readonly preMerger: boolean;

  constructor(asOf: string) {
    this.resolve = provinceResolverAsOf(asOf);
    this.preMerger = asOf < MERGER_DATE;
  }

  /** The address's place in the row's province; `legacy` is the pre-2025 province already certain. */
  read(address: string, province: ResolvedProvince, legacy: string | null): AddressPlace {
    const country = mayNameCountry(address) && COUNTRY_END.test(address) ? 1 : 0;
    const near = tailStart(address, NEAR_PARTS + country, address.length);
    if (near > 0) {
      const key = `${province.code}${legacy ?? '--'}${address.slice(near)}`;
      let place = this.near.get(key);
      if (place === undefined) {
        place = this.readNear(address.slice(near), province, legacy);
        if (this.near.size < CACHE_LIMIT) this.near.set(detach(key), place);
      }
      if (place !== null) return place;
    }
    const cut = near === 0 ? 0 : tailStart(address, TAIL_PARTS - NEAR_PARTS, near - 1);
    const lead = cut > 0 && hasText(address, cut);
    const tail = cut === 0 ? address : address.slice(cut);
    const key = `${province.code}${legacy ?? '--'}${lead ? 1 : 0}${tail}`;
    const hit = this.seen.get(key);
    if (hit) return hit;
    const place = this.place(readSegments(segmentsOf(tail), lead), province, legacy);
    if (this.seen.size < CACHE_LIMIT) this.seen.set(detach(key), place);
    return place;
  }

  /**
   * The place read from an address's last two parts (text stands before them), or null where the
   * reading would look further left or would depend on what stands there: it reads right to left,
   * and a commune part without a unit word is taken only where a street may stand before it.
   */
  private readNear(tail: string, province: ResolvedProvince, legacy: string | null): AddressPlace | null {
    const segments = segmentsOf(tail);
    const parts = readSegments(segments, true);
    const candidate =
      segments.length - 1 - (parts.province === null ? 0 : 1) - (parts.district === null ? 0 : 1);
    const decided =
      candidate > 0 || (candidate === 0 && parts.commune !== null && parts.commune.type !== null);
    return decided ? this.place(parts, province, legacy) : null;
  }

  private place(parts: AddressParts, province: ResolvedProvince, legacy: string | null): AddressPlace {
    const { commune, district } = parts;
    const key = `${province.code}|${legacy}|${commune?.type}|${commune?.name}|${district?.type}|${district?.name}|${parts.province}`;
    let place = this.placed.get(key);
    if (place === undefined) {
      place = placeAddress(parts, { province, legacy, preMerger: this.preMerger }, this.resolve);
      if (this.placed.size < CACHE_LIMIT) this.placed.set(key, place);
    }
    return place;
  }
}

/**
 * Where the last `parts` parts before `end` start, after a comma; 0 where the address has no more.
 */
function tailStart(address: string, parts: number, end: number): number {
  let wanted = parts;
  let filled = false;
  for (let i = end - 1; i >= 0; i--) {
    const c = address.charCodeAt(i);
    if (c === 0x2c) {
      if (filled && --wanted === 0) return i + 1;
      filled = false;
    } else if (c !== 0x20) filled = true;
  }
  return 0;
}

/**
 * Whether the address may end in the country (its last letter, dots and spaces aside, is an `m` or
 * an `n`): the unanchored pattern would otherwise be tried from every position of every address.
 */
function mayNameCountry(address: string): boolean {
  let i = address.length - 1;
  while (i >= 0 && (address[i] === '.' || TRAILING.test(address[i]!))) i--;
  const c = address.charCodeAt(i) | 0x20;
  return c === 0x6d || c === 0x6e;
}
const TRAILING = /\s/u;

/** Whether anything but spaces and commas stands before `end`. */
function hasText(address: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = address.charCodeAt(i);
    if (c !== 0x20 && c !== 0x2c) return true;
  }
  return false;
}
