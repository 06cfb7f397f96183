import type { MediaFileResolvers } from '../__generated__/resolvers-types';
import { fileUrl } from '../files/file-url';

export const MediaFile: MediaFileResolvers = {
  id: (file) => file._id.toHexString(),
  url: (file, _args, ctx) => fileUrl(ctx.publicBaseUrl, file._id.toHexString()),
};
