/** Commander's accumulator for a repeatable flag (`--feed a --feed b`). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
