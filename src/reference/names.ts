/**
 * The key a province name is matched by (`spec/input.md`, "Province resolution"): NFC, case folded,
 * administrative prefixes removed, then every diacritic dropped. Dropping the marks makes old and
 * new tone-mark placement ("Hoá"/"Hóa"), decomposed (NFD) text and names typed without diacritics
 * one key; no two of the 97 province names collide under it (checked by a test).
 */
const PREFIX = /^(tỉnh|thành phố|tp\.|tp)\s*/u;

export function nameKey(raw: string): string {
  let name = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  name = name.replace(PREFIX, '');
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '');
}

/** Other names people and registries write for a province, by the key of its listed name. */
export const ALIASES: Record<string, string[]> = {
  hochiminh: ['TP HCM', 'TPHCM', 'HCM', 'TP.HCM', 'Sài Gòn', 'Thành phố Hồ Chí Minh'],
  hue: ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thua Thien Hue'],
};
