import { describe, expect, it } from 'vitest';
import { parseApiConfig } from '../src';
import { API_ENV as ENV } from './support/api-env';

describe('API configuration', () => {
  it('reads the queue, Clerk and CORS settings with their defaults', () => {
    const config = parseApiConfig(ENV);
    expect(config).toMatchObject({ ...ENV, DATABASE_NAME: 'alex', CORS_ORIGINS: ['http://localhost:3000'] });
    expect(config.CLERK_AUDIENCE).toBeUndefined();
    expect(config.CLERK_AUTHORIZED_PARTIES).toBeUndefined();
  });

  it('splits the comma lists of origins and authorized parties', () => {
    const config = parseApiConfig({
      ...ENV,
      CORS_ORIGINS: 'https://alex.example.com, http://localhost:3000',
      CLERK_AUTHORIZED_PARTIES: 'https://alex.example.com,',
    });
    expect(config.CORS_ORIGINS).toEqual(['https://alex.example.com', 'http://localhost:3000']);
    expect(config.CLERK_AUTHORIZED_PARTIES).toEqual(['https://alex.example.com']);
  });

  it('names every missing variable and where its value comes from', () => {
    expect(() => parseApiConfig({ ...ENV, JOBS_QUEUE_URL: undefined, CLERK_ISSUER: '' })).toThrow(
      /JOBS_QUEUE_URL.*terraform output jobs_queue_url.*CLERK_ISSUER/,
    );
  });
});
