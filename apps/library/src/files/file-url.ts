import type { MediaFileDoc } from '../models';

/** Where people fetch a file: through the gateway, which forwards `/files/*` to the library. */
export function fileUrl(publicBaseUrl: string, fileId: string): string {
  return `${publicBaseUrl}/files/${fileId}`;
}

/** A file as the upload endpoint answers it (the same fields as the GraphQL `MediaFile`). */
export function presentFile(file: MediaFileDoc, publicBaseUrl: string) {
  const id = file._id.toHexString();
  return {
    id,
    url: fileUrl(publicBaseUrl, id),
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    originalName: file.originalName,
    createdAt: file.createdAt.toISOString(),
  };
}
