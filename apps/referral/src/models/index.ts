import type { Connection } from 'mongoose';
import { databasePreparer } from '@portal/db';
import { agencyContactModel, type AgencyContactModel } from './agency-contact.model';
import { callbackReceiptModel, type CallbackReceiptModel } from './callback-receipt.model';
import { categoryRevisionModel, type CategoryRevisionModel } from './category-revision.model';
import { hotlineCategoryModel, type HotlineCategoryModel } from './hotline-category.model';
import { referralEventModel, type ReferralEventModel } from './referral-event.model';
import {
  referralStatPeriodModel,
  type ReferralStatPeriodModel,
} from './referral-stat-period.model';
import {
  referralStatPendingModel,
  type ReferralStatPendingModel,
} from './referral-stat-pending.model';
import { referralModel, type ReferralModel } from './referral.model';

export interface ReferralModels {
  Referral: ReferralModel;
  ReferralEvent: ReferralEventModel;
  HotlineCategory: HotlineCategoryModel;
  CategoryRevision: CategoryRevisionModel;
  AgencyContact: AgencyContactModel;
  CallbackReceipt: CallbackReceiptModel;
  ReferralStatPeriod: ReferralStatPeriodModel;
  ReferralStatPending: ReferralStatPendingModel;
}

/** This service's models on its own database. */
export function referralModels(conn: Connection): ReferralModels {
  return {
    Referral: referralModel(conn),
    ReferralEvent: referralEventModel(conn),
    HotlineCategory: hotlineCategoryModel(conn),
    CategoryRevision: categoryRevisionModel(conn),
    AgencyContact: agencyContactModel(conn),
    CallbackReceipt: callbackReceiptModel(conn),
    ReferralStatPeriod: referralStatPeriodModel(conn),
    ReferralStatPending: referralStatPendingModel(conn),
  };
}

/** Registers the models and builds their indexes (idempotent; run at every start). */
export const prepareDatabase = databasePreparer(referralModels);
