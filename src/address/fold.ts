/**
 * Lower case without diacritics, one character for each character of the NFC text (so that a match
 * on the folded text cuts the original at the same place): `Phường` → `phuong`, `Đ` → `d`.
 */
export function fold(nfc: string): string {
  let out = '';
  for (const c of nfc) {
    const base = c.normalize('NFD')[0] ?? c;
    const lower = base.toLowerCase();
    out += lower === 'đ' ? 'd' : lower.length === c.length ? lower : c;
  }
  return out;
}
