import { defineModels } from '@portal/db';
import { articleModel } from './article.model';
import { categoryModel } from './category.model';
import { monthlyReportModels } from './monthly-report.model';
import { revisionModel } from './revision.model';
import { viewStatsModels } from './view-stats.model';

/** Every model of the content database, bound to one connection. */
export const contentModels = defineModels({
  articles: articleModel,
  categories: categoryModel,
  revisions: revisionModel,
  views: viewStatsModels,
  /** The monthly report for leaders and who receives it. */
  monthly: monthlyReportModels,
});

export type ContentModels = ReturnType<typeof contentModels>;
