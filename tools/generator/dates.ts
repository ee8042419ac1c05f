const DAY = 86_400_000;

export function toDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function toIso(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

export function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
