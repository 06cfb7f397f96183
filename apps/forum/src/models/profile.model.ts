import { Schema, type Connection, type Model } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

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

const ProfileSchema = new Schema<ProfileDoc>(
  {
    _id: { type: String, required: true },
    publicId: { type: String },
    displayName: { type: String, required: true },
    email: { type: String, default: null },
    firstSeenAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'profiles', versionKey: false },
);
trackGraphChanges(ProfileSchema, { type: 'User', listPaths: [] });
ProfileSchema.index({ publicId: 1 });

export type ProfileModel = Model<ProfileDoc>;

export function profileModel(conn: Connection): ProfileModel {
  return modelOn<ProfileDoc>(conn, 'Profile', ProfileSchema);
}
