import { defineModels } from '@portal/db';
import { agencyContactModel } from './agency-contact.model';
import { callbackReceiptModel } from './callback-receipt.model';
import { categoryRevisionModel } from './category-revision.model';
import { hotlineCategoryModel } from './hotline-category.model';
import { referralEventModel } from './referral-event.model';
import { referralStatPeriodModel } from './referral-stat-period.model';
import { referralStatPendingModel } from './referral-stat-pending.model';
import { referralModel } from './referral.model';

/** This service's models on its own database. */
export const referralModels = defineModels({
  Referral: referralModel,
  ReferralEvent: referralEventModel,
  HotlineCategory: hotlineCategoryModel,
  CategoryRevision: categoryRevisionModel,
  AgencyContact: agencyContactModel,
  CallbackReceipt: callbackReceiptModel,
  ReferralStatPeriod: referralStatPeriodModel,
  ReferralStatPending: referralStatPendingModel,
});

export type ReferralModels = ReturnType<typeof referralModels>;
