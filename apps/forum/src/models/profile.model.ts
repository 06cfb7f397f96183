import type { Model } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';

/** A participant as the forum knows them, from the viewer at their latest write. */
export interface ProfileDoc {
  /** The identity provider's subject: never shown (see `publicId`). */
  _id: string;
  /** The id the graph shows (`User.id`), an HMAC of the subject; set by `ensurePublicIds`. */
  publicId?: string;
  displayName: string;
  /** For notifications the person asked for (following threads); never shown. */
  email: string | null;
  firstSeenAt: Date;
  updatedAt: Date;
}

const ProfileSchema = collectionSchema<ProfileDoc>('profiles', {
  _id: required(String),
  publicId: { type: String },
  displayName: required(String),
  email: nullable(String),
  firstSeenAt: required(Date),
  updatedAt: required(Date),
});
trackGraphChanges(ProfileSchema, { type: 'User', listPaths: [] });
ProfileSchema.index({ publicId: 1 });

export type ProfileModel = Model<ProfileDoc>;

export const profileModel = defineModel('Profile', ProfileSchema);
