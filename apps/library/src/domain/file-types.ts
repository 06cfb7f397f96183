export type FileKind =
  'pdf' | 'document' | 'spreadsheet' | 'presentation' | 'ebook' | 'video' | 'audio' | 'image';

/** A type the library accepts: its canonical MIME type, extension and kind. */
export interface AllowedType {
  mime: string;
  ext: string;
  kind: FileKind;
}

/** What content sniffing (magic bytes) found. */
export interface DetectedType {
  ext: string;
  mime: string;
}

/**
 * The allow-list, keyed by the extension the sniffer reports. Legacy Office files
 * (.doc/.xls/.ppt) are left out on purpose: they share their container (MS-CFB) with
 * Windows installers (.msi), which sniffing cannot tell apart; macro-enabled Office
 * files (.docm…) are left out because they carry code.
 */
const ALLOWED: Record<string, AllowedType> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', kind: 'pdf' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    kind: 'document',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', kind: 'document' },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    kind: 'spreadsheet',
  },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods', kind: 'spreadsheet' },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: 'pptx',
    kind: 'presentation',
  },
  ppsx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
    ext: 'ppsx',
    kind: 'presentation',
  },
  odp: {
    mime: 'application/vnd.oasis.opendocument.presentation',
    ext: 'odp',
    kind: 'presentation',
  },
  epub: { mime: 'application/epub+zip', ext: 'epub', kind: 'ebook' },
  mp4: { mime: 'video/mp4', ext: 'mp4', kind: 'video' },
  m4v: { mime: 'video/mp4', ext: 'm4v', kind: 'video' },
  webm: { mime: 'video/webm', ext: 'webm', kind: 'video' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' },
  // The sniffer says audio/x-m4a; audio/mp4 is the registered type browsers expect.
  m4a: { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' },
  png: { mime: 'image/png', ext: 'png', kind: 'image' },
  jpg: { mime: 'image/jpeg', ext: 'jpg', kind: 'image' },
  gif: { mime: 'image/gif', ext: 'gif', kind: 'image' },
  webp: { mime: 'image/webp', ext: 'webp', kind: 'image' },
};

/** Human-readable list for refusal messages. */
export const ALLOWED_TYPES_TEXT =
  'PDF, Word/Excel/PowerPoint (docx, xlsx, pptx) and OpenDocument files, EPUB, MP4/WebM video, MP3/M4A audio, PNG/JPEG/GIF/WebP images';

/** The accepted type for what sniffing found, or null when the library refuses it. */
export function allowedType(detected: DetectedType | undefined): AllowedType | null {
  if (!detected) return null;
  return ALLOWED[detected.ext] ?? null;
}

/**
 * Whether a verdict from the first few kilobytes may still turn into an accepted type
 * once the whole file is seen: nothing recognised yet, or a ZIP that may turn out to be
 * an OOXML, OpenDocument or EPUB file (their markers can sit deep in the archive).
 */
export function mayStillBeAllowed(earlyGuess: DetectedType | undefined): boolean {
  if (!earlyGuess) return true;
  return earlyGuess.ext === 'zip' || allowedType(earlyGuess) !== null;
}

/** Everything a browser can show by itself opens inline; office files and e-books download. */
export function opensInline(mime: string): boolean {
  return (
    mime === 'application/pdf' ||
    mime.startsWith('image/') ||
    mime.startsWith('video/') ||
    mime.startsWith('audio/')
  );
}

/** The kind of a stored file from its canonical MIME type. */
export function kindOfMime(mime: string): FileKind | null {
  for (const t of Object.values(ALLOWED)) if (t.mime === mime) return t.kind;
  return null;
}

/** Extensions a file name may carry for a type (jpeg for jpg, …). */
export function extensionsFor(ext: string): string[] {
  switch (ext) {
    case 'jpg':
      return ['jpg', 'jpeg'];
    case 'mp4':
      return ['mp4', 'm4v'];
    default:
      return [ext];
  }
}
