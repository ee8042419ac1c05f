/**
 * The key a province name is matched by (`spec/input.md`, "Province resolution"): NFC, case folded,
 * administrative prefixes removed, then every diacritic dropped. Dropping the marks makes old and
 * new tone-mark placement ("Hoá"/"Hóa"), decomposed (NFD) text and names typed without diacritics
 * one key; no two of the 97 province names collide under it (checked by a test).
 */
const PREFIX = /^(tỉnh|thành phố|tp\.|tp)\s*/u;

export function nameKey(raw: string): string {
  const name = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return looseKey(name.replace(PREFIX, ''));
}

/** A name with every diacritic, space and sign dropped, and numbers without leading zeros (`01` is `1`). */
export function looseKey(raw: string): string {
  return raw
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '')
    .replace(/\d+/g, (digits) => String(Number(digits)));
}

/** The five tone marks; the other marks (circumflex, breve, horn) change the vowel and stay where they are. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A name keyed with its diacritics, but blind to where a syllable's tone mark sits (`Hoà`/`Hòa`),
 * to NFD text, case, spaces and signs: each word's tone mark is moved to the word's end. Two
 * communes of one province can differ only in their marks (`Tân Thành`, `Tân Thạnh`), which the
 * loose key cannot tell apart.
 */
export function tonedKey(raw: string): string {
  const words = raw
    .normalize('NFD')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u);
  let key = '';
  for (const word of words) {
    if (word === '') continue;
    const tones = word.match(TONES)?.join('') ?? '';
    const bare = word.replace(TONES, '').replace(/\d+/g, (digits) => String(Number(digits)));
    key += `${key === '' ? '' : ' '}${bare}${tones}`;
  }
  return key;
}

/** Other names people and registries write for a province, by the key of its listed name. */
export const ALIASES: Record<string, string[]> = {
  hochiminh: ['TP HCM', 'TPHCM', 'HCM', 'TP.HCM', 'Sài Gòn', 'Thành phố Hồ Chí Minh'],
  hue: ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thua Thien Hue'],
};
