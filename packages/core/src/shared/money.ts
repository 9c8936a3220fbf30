/** Money is stored in integer minor units; the API shows decimal amounts (34.99) as the specs do. */
export function toMajor(minor: number): number {
  return Math.round(minor) / 100;
}

/** 19.99 -> 1999, tolerant of binary float noise (19.99 * 100 = 1998.9999...). */
export function toMinor(major: number): number {
  return Math.round(major * 100);
}
