import { loadAppConfig } from '../../src/config/app-config';
import { domainOf } from '../../src/mail/mail-sender.service';

const base = { DATABASE_URL: 'postgres://app:pw@db:5432/shop', JWT_SECRET: 'x'.repeat(32) };
const load = (env: NodeJS.ProcessEnv) => loadAppConfig({ ...base, ...env }).mail;
const failure = (env: NodeJS.ProcessEnv): string => {
  try {
    load(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected loadAppConfig to throw');
};

describe('mail configuration (SMTP_URL, MAIL_FROM, STOREFRONT_URL)', () => {
  it('defaults: the file transport, a no-reply sender, the local storefront', () => {
    expect(load({})).toEqual({
      smtpUrl: undefined,
      from: 'Shop <no-reply@example.com>',
      storefrontUrl: 'http://localhost:3000',
    });
  });

  it('reads every variable; a trailing slash of STOREFRONT_URL is dropped', () => {
    expect(
      load({
        SMTP_URL: 'smtps://user:secret@mail.example.com:465',
        MAIL_FROM: 'orders@shop.example',
        STOREFRONT_URL: 'https://shop.example/',
      }),
    ).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      from: 'orders@shop.example',
      storefrontUrl: 'https://shop.example',
    });
  });

  it.each([
    [{ SMTP_URL: 'http://user:secret@mail.example.com' }, 'SMTP_URL must be a URL like smtp://'],
    [{ SMTP_URL: 'not a url secret' }, 'SMTP_URL must be a URL like smtp://'],
    [{ MAIL_FROM: 'shop' }, 'MAIL_FROM must be an email address or "Name <address>" (got "shop")'],
    [{ MAIL_FROM: 'Shop <shop>' }, 'MAIL_FROM must be an email address'],
    [{ STOREFRONT_URL: 'shop.example' }, 'STOREFRONT_URL must be an http:// or https:// URL'],
  ])('refuses %j', (env, message) => {
    expect(failure(env)).toContain(message);
  });

  it('never echoes an SMTP password', () => {
    expect(failure({ SMTP_URL: 'ftp://user:hunter2@mail.example.com' })).not.toContain('hunter2');
  });

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(domainOf('Shop <no-reply@shop.example>')).toBe('shop.example');
    expect(domainOf('orders@mail.shop.example')).toBe('mail.shop.example');
  });
});
