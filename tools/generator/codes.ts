/** Industry classes the generator draws from, with weights, as registries show them. */
export const DTE_2018: ReadonlyArray<readonly [string, number]> = [
  ['6201', 30],
  ['6202', 12],
  ['6209', 14],
  ['4651', 12],
  ['4652', 8],
  ['6311', 6],
  ['6312', 4],
  ['5820', 3],
  ['6110', 2],
  ['6120', 2],
  ['6190', 2],
  ['2610', 1],
  ['2620', 1],
  ['2630', 1],
  ['9511', 2],
  ['9512', 1],
];
export const DTE_2018_TOTAL = DTE_2018.reduce((s, [, w]) => s + w, 0);

/** Common non-digital classes; a re-coded enterprise keeps its code, still a class of VSIC 2018 or 2025 (so `auto` reads it). */
export const COMMON: ReadonlyArray<readonly [string, number]> = [
  ['4633', 6],
  ['4711', 8],
  ['4101', 7],
  ['1074', 2],
  ['4933', 7],
  ['5610', 8],
  ['6810', 6],
  ['7020', 6],
  ['8559', 4],
  ['4659', 6],
  ['4690', 8],
  ['4752', 5],
  ['4722', 4],
  ['5510', 3],
  ['7310', 3],
  ['8299', 4],
  ['1410', 3],
  ['2592', 2],
  ['4299', 5],
  ['4321', 4],
  ['6619', 2],
  ['7110', 3],
  ['9610', 1],
  ['4620', 3],
  ['2392', 2],
];
export const COMMON_TOTAL = COMMON.reduce((s, [, w]) => s + w, 0);

/** How an enterprise re-coded after 2025-11-15 writes its 2018 class in VSIC 2025 (the official table). */
export function to2025(code: string, variant: number): string {
  switch (code) {
    case '2610':
      return '2619';
    case '5820':
      return variant < 0.1 ? '5821' : '5829';
    case '6201':
      return variant < 0.1 ? '6211' : '6219';
    case '6202':
      return '6220';
    case '6209':
      return '6290';
    case '6311':
      return '6310';
    case '6312':
      return '6390';
    case '6120':
    case '6130':
      return '6110';
    case '9511':
    case '9512':
      return '9510';
    default:
      return code;
  }
}

export const CODE_NAMES: Record<string, string> = {
  '6201': 'Lập trình máy vi tính',
  '6219': 'Lập trình máy tính khác',
  '4651': 'Bán buôn máy vi tính, thiết bị ngoại vi và phần mềm',
  '4711':
    'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp',
  '5610': 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động',
};
