/** Names of the bundled rule sets' categories (`spec/classification.md`); a deployment's own category shows its id. */
const CATEGORY_NAMES: Record<string, { vi: string; en: string }> = {
  hardware: { vi: 'phần cứng, điện tử', en: 'hardware and electronics' },
  software: { vi: 'phần mềm', en: 'software' },
  it_services: { vi: 'dịch vụ công nghệ thông tin', en: 'IT services' },
  telecom: { vi: 'viễn thông', en: 'telecommunications' },
  trade: { vi: 'thương mại sản phẩm công nghệ số', en: 'wholesale of digital products' },
  repair: {
    vi: 'sửa chữa máy tính, thiết bị thông tin',
    en: 'repair of computers and communication equipment',
  },
};

export function categoryName(category: string): { vi: string; en: string } {
  return CATEGORY_NAMES[category] ?? { vi: category, en: category };
}
