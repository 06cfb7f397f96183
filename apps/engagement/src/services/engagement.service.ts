import type { Viewer } from '@portal/auth';
import { findByIdString } from '@portal/db';
import { notFound } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { Model } from 'mongoose';

/** The documents a service reads by id, and who may see one. */
export interface OwnDocuments<T> {
  model: Model<T>;
  /** What NOT_FOUND names. */
  what: string;
  canSee: (viewer: Viewer, doc: T) => boolean;
}

/**
 * What the contest, event and survey services share: their options, a logger for the module,
 * the injected clock, and their own documents read by id for a viewer.
 */
export abstract class EngagementService<T, O extends { logger: Logger; now: () => Date }> {
  protected readonly log: Logger;

  constructor(
    protected readonly o: O,
    module: string,
    private readonly documents: OwnDocuments<T>,
  ) {
    this.log = o.logger.child({ module });
  }

  protected get now(): Date {
    return this.o.now();
  }

  /** The document if it exists and the viewer may see it, else null. */
  async get(viewer: Viewer, id: string): Promise<T | null> {
    const doc = await findByIdString(this.documents.model, id);
    return doc && this.documents.canSee(viewer, doc) ? doc : null;
  }

  /** The same, or NOT_FOUND: a document the viewer may not see is indistinguishable from none. */
  protected async require(viewer: Viewer, id: string): Promise<T> {
    const doc = await this.get(viewer, id);
    if (!doc) throw notFound(this.documents.what);
    return doc;
  }
}
