const DAY = 86_400_000;
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOf = (day: number): string => new Date(Math.round(day) * DAY).toISOString().slice(0, 10);
