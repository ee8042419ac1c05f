/** Units in Vietnamese, for the dictionary's `unit_vi`: the typed list keeps one neutral spelling. */
const UNIT_VI: Record<string, string> = {
  enterprises: 'doanh nghiệp',
  units: 'đơn vị',
  people: 'người',
  '%': '%',
  'per 1,000 people': 'trên 1.000 dân',
  year: 'năm',
  line: 'dòng',
  rows: 'dòng',
};

export function unitVi(unit: string): string {
  return UNIT_VI[unit] ?? unit;
}
