import { deriveSealingKey, sealSecret, unsealSecret } from '../../src/common/crypto/sealed-secret';

describe('sealed secrets', () => {
  const key = deriveSealingKey('x'.repeat(32), 'mail-token');

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = sealSecret('tok_abc123', key);
    expect(sealed).not.toContain('tok_abc123');
    expect(unsealSecret(sealed, key)).toBe('tok_abc123');
  });

  it('refuses another key, another purpose, a tampered value and garbage', () => {
    const sealed = sealSecret('tok_abc123', key);
    expect(unsealSecret(sealed, deriveSealingKey('y'.repeat(32), 'mail-token'))).toBeNull();
    expect(unsealSecret(sealed, deriveSealingKey('x'.repeat(32), 'other'))).toBeNull();
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    expect(unsealSecret([...parts.slice(0, 3), data.toString('base64url')].join('.'), key)).toBeNull();
    expect(unsealSecret('v1.a.b', key)).toBeNull();
    expect(unsealSecret('nonsense', key)).toBeNull();
  });
});
