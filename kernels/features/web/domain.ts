// Domains of emails and URLs, read with the Public Suffix List (tldts), and whether a domain is a
// free-mail provider (the email-providers list: gmail.com, gmx.de, orange.fr, ...).
import providers from 'email-providers/all.json';
import { parse } from 'tldts';

const FREE_MAIL = new Set<string>(providers as string[]);
const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

export interface EmailParts {
  valid: boolean;
  /** Lower-case host after the @, '' when invalid. */
  domain: string;
  /** The registrable name without suffix ("acme" for mail.acme.co.uk). */
  name: string;
  personal: boolean;
}

export function parseEmail(raw: string): EmailParts {
  const m = EMAIL.exec(raw.trim());
  if (!m) return { valid: false, domain: '', name: '', personal: false };
  const host = m[1].toLowerCase().replace(/\.$/, '');
  const p = parse(host);
  const valid = p.domain != null && p.isIcann === true && /^[a-z0-9.-]+$/.test(host) && !host.includes('..');
  const registrable = p.domain ?? host;
  return {
    valid,
    domain: host,
    name: p.domainWithoutSuffix ?? host,
    personal: FREE_MAIL.has(host) || FREE_MAIL.has(registrable),
  };
}

export interface UrlParts { valid: boolean; domain: string }

/** Registrable domain of a URL or bare host ("https://www.shop.acme.com/x" → "acme.com"). */
export function parseUrl(raw: string): UrlParts {
  const t = raw.trim();
  if (t === '' || /\s/.test(t)) return { valid: false, domain: '' };
  const p = parse(t);
  if (p.domain == null || (p.isIcann !== true && !p.isIp)) return { valid: false, domain: p.hostname ?? '' };
  return { valid: true, domain: p.domain };
}
