import { REJECT_REASONS, type RejectReason } from '../../src/domain/rejects.js';
import { vnDate } from './dates.js';
import type { Prng } from './prng.js';

/**
 * Ways a registry row goes wrong, one per reject reason of `spec/input.md`, broken rows last (the
 * order the seeded series were made in).
 */
export const DIRT: readonly RejectReason[] = [
  ...REJECT_REASONS.filter((reason) => reason !== 'malformed_row'),
  'malformed_row',
];
export type Dirt = RejectReason;

/** Spoils a row's cells (file order of the CSV formats) in the way its kind names. */
export function spoilCells(
  cells: readonly string[],
  dirt: Dirt,
  rng: Prng,
  asOf: string,
  vietnamese: boolean,
): string[] {
  const out = [...cells];
  switch (dirt) {
    case 'invalid_enterprise_id':
      out[0] = out[0]!.slice(0, 7);
      break;
    case 'missing_name':
      out[1] = '  ';
      break;
    case 'unknown_province':
      out[2] = rng.pick(['Atlantis', 'Tỉnh Không Tồn Tại', '99', 'Xứ Đoài']);
      out[3] = '';
      break;
    case 'invalid_date':
      out[4] = rng.pick(
        vietnamese ? ['30/02/2020', '01/13/2019', 'hôm qua'] : ['2020-02-30', '2019-13-01', 'hôm qua'],
      );
      break;
    case 'future_registration_date': {
      const future = `${Number(asOf.slice(0, 4)) + 1}${asOf.slice(4)}`;
      out[4] = vietnamese ? vnDate(future) : future;
      break;
    }
    case 'invalid_industry_code':
      out[5] = rng.pick(['9999', '0000', 'abc']);
      break;
    case 'unknown_status':
      out[7] = rng.pick(['Đang ngủ đông', 'Không rõ', 'unknown']);
      break;
    case 'invalid_number':
      out[9] = rng.pick(['12abc', '1.000,5', 'một tỷ']);
      break;
    case 'malformed_row':
      return out.slice(0, 5);
  }
  return out;
}
