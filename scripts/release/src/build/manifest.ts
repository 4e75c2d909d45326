import { createHash } from 'node:crypto';

/** What the build wrote for one Lambda; deploy reads it for the S3 key and Terraform's hash. */
export interface LambdaManifest {
  name: string;
  /** The Lambda `handler` setting: `handler.mjs` at the zip root exporting `handler`. */
  handler: 'handler.handler';
  zipFile: string;
  zipBytes: number;
  bundleBytes: number;
  mapBytes: number;
  /** Base64 SHA-256 of the zip, the format of Terraform's `source_code_hash`. */
  sha256: string;
  /** Hex SHA-256 of the zip, used in the content-addressed S3 key. */
  sha256Hex: string;
  inputs: number;
}

/** The SHA-256 of some bytes in base64 and in hex. */
export function sha256Of(bytes: Uint8Array): { base64: string; hex: string } {
  const digest = createHash('sha256').update(bytes).digest();
  return { base64: digest.toString('base64'), hex: digest.toString('hex') };
}

/** The S3 key of a Lambda zip: content-addressed, so an unchanged build reuses its object. */
export function artifactKey(manifest: Pick<LambdaManifest, 'name' | 'sha256Hex'>): string {
  return `lambdas/${manifest.name}/${manifest.sha256Hex}.zip`;
}
