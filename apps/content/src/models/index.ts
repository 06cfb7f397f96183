import type { Connection } from 'mongoose';
import { databasePreparer } from '@portal/db';
import { articleModel, type ArticleModel } from './article.model';
import { categoryModel, type CategoryModel } from './category.model';
import { monthlyReportModels, type MonthlyReportModels } from './monthly-report.model';
import { revisionModel, type RevisionModel } from './revision.model';
import { viewStatsModels, type ViewStatsModels } from './view-stats.model';

/** Every model of the content database, bound to one connection. */
export interface ContentModels {
  articles: ArticleModel;
  categories: CategoryModel;
  revisions: RevisionModel;
  views: ViewStatsModels;
  /** The monthly report for leaders and who receives it. */
  monthly: MonthlyReportModels;
}

export function contentModels(conn: Connection): ContentModels {
  return {
    articles: articleModel(conn),
    categories: categoryModel(conn),
    revisions: revisionModel(conn),
    views: viewStatsModels(conn),
    monthly: monthlyReportModels(conn),
  };
}

/** Registers the models and builds their indexes (idempotent; run at every start). */
export const prepareDatabase = databasePreparer(contentModels);
