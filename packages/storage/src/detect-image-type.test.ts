import { describe, expect, it } from 'vitest';
import { detectImageType } from './detect-image-type';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('detectImageType', () => {
  it('knows the four accepted formats by their bytes', () => {
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))?.mime).toBe('image/jpeg');
    expect(detectImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toEqual({
      mime: 'image/png',
      ext: 'png',
    });
    expect(detectImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))?.mime).toBe('image/webp');
    expect(detectImageType(bytes('GIF89a', [1, 0, 1, 0]))?.mime).toBe('image/gif');
    expect(detectImageType(bytes('GIF87a', [1, 0, 1, 0]))?.ext).toBe('gif');
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(detectImageType(bytes('hello, I am a PNG'))).toBeNull();
    expect(detectImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(detectImageType(bytes([0x89], 'PNG'))).toBeNull(); // truncated
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});

describe('isUploadThingToken', () => {
  it('accepts base64 JSON with apiKey, appId and regions, and nothing else', async () => {
    const { isUploadThingToken } = await import('./token');
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
    expect(isUploadThingToken(b64({ apiKey: 'sk_live_x', appId: 'app', regions: ['sea1'] }))).toBe(true);
    expect(isUploadThingToken(b64({ apiKey: 'sk_live_x', appId: 'app', regions: [] }))).toBe(false);
    expect(isUploadThingToken('sk_live_x')).toBe(false);
  });
});
