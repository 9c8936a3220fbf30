// The real `uploadthing` SDK against a local fake of UploadThing's servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from './create-storage';
import { startFakeUploadThing, type FakeUploadThing } from './testing/fake-uploadthing';
import { UploadThingStorage } from './uploadthing-storage';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e7dd0b0000000049454e44ae426082',
  'hex',
);

let fake: FakeUploadThing;
beforeAll(async () => {
  fake = await startFakeUploadThing();
});
afterAll(async () => fake.close());

describe('UploadThingStorage', () => {
  it('uploads through the SDK with a URL signed by the API key, and deletes with the API key header', async () => {
    const storage = createStorage({
      UPLOADTHING_TOKEN: fake.token,
      UPLOADTHING_API_URL: fake.url,
      UPLOADTHING_INGEST_URL: fake.url,
      PUBLIC_API_URL: 'http://localhost:3000',
    });
    expect(storage).toBeInstanceOf(UploadThingStorage);
    expect(storage.provider).toBe('uploadthing');

    const stored = await storage.put({ key: 'avatar_abc.png', bytes: PNG, contentType: 'image/png', name: 'me.png' });
    expect(fake.uploads).toHaveLength(1);
    const [up] = fake.uploads;
    expect(up!.bytes.equals(PNG)).toBe(true);
    expect(up).toMatchObject({ name: 'me.png', type: 'image/png', customId: 'avatar_abc.png', key: stored.key });
    expect(up!.query['x-ut-identifier']).toBe(fake.appId);
    expect(stored.url).toBe(`${fake.url}/f/${stored.key}`);
    const served = await fetch(stored.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    await storage.delete(stored.key);
    expect(fake.deleted).toEqual([stored.key]);
    expect(fake.requests.find((r) => r.path === '/v6/deleteFiles')?.apiKeyHeader).toBe(fake.apiKey);
  });

  it('fails when the service refuses the token', async () => {
    const other = await startFakeUploadThing({ apiKey: 'sk_test_other' });
    try {
      // A token for another key: the signature does not verify at this fake.
      const storage = new UploadThingStorage({
        token: other.token,
        apiUrl: fake.url,
        ingestUrl: fake.url,
        logLevel: 'None',
      });
      await expect(storage.put({ key: 'x.png', bytes: PNG, contentType: 'image/png', name: 'x.png' })).rejects.toThrow(
        /UploadThing upload failed/,
      );
    } finally {
      await other.close();
    }
  });
});
