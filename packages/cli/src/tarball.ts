import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The fields of a package manifest the CLI and the release tooling read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The files of a packed tarball (`package/...` prefix removed), by path. */
export function readTarballFiles(tarball: string): Map<string, Buffer> {
  const archive = gunzipSync(readFileSync(tarball));
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const body = archive.subarray(offset + 512, offset + 512 + size);
    longName = undefined;
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '') files.set(name.replace(/^[^/]+\//, ''), Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Reads `package/package.json` out of a packed tarball (gzip'd ustar), without unpacking it. */
export function readTarballManifest(tarball: string): PackageManifest {
  const manifest = readTarballFiles(tarball).get('package.json');
  if (!manifest) throw new Error(`${tarball} has no package/package.json`);
  return JSON.parse(manifest.toString('utf8')) as PackageManifest;
}
