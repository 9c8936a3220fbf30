import { expect, it } from 'vitest';

it('fails on purpose (see exit-code.smoke.ts)', () => {
  expect(1 + 1).toBe(3);
});
