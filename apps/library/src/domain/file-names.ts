import { create as contentDisposition } from 'content-disposition';
import { extensionsFor } from './file-types';

const MAX_NAME_LENGTH = 180;
// Control characters, path separators and characters Windows refuses in file names.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a file is stored and served under: the uploader's name without any path,
 * control or bidi-override characters, cut to a sane length, and ending in the extension
 * of the type the content actually is (so "bao-cao.exe" that is really a PDF is served as
 * "bao-cao.pdf").
 */
export function cleanFileName(raw: string | null | undefined, ext: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const currentExt = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (dot > 0 && /^[a-z0-9]{1,5}$/.test(currentExt)) {
    if (extensionsFor(ext).includes(currentExt)) return shorten(name.slice(0, dot), currentExt);
    name = name.slice(0, dot).trim();
  }
  return shorten(name || 'tep-tin', ext);
}

function shorten(stem: string, ext: string): string {
  const room = MAX_NAME_LENGTH - ext.length - 1;
  const chars = [...stem];
  const cut = chars.length > room ? chars.slice(0, room).join('').trimEnd() : stem;
  return `${cut || 'tep-tin'}.${ext}`;
}

/** An ASCII stand-in for clients that cannot read RFC 5987 names: "Cẩm nang ĐTĐ.pdf" → "Cam nang DTD.pdf". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
}

/**
 * `Content-Disposition` with the original (Vietnamese) name as RFC 5987 `filename*` and an
 * ASCII `filename` fallback.
 */
export function contentDispositionFor(name: string, disposition: 'inline' | 'attachment'): string {
  return contentDisposition(name, { type: disposition, fallback: asciiFileName(name) });
}
