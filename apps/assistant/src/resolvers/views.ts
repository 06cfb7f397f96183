import type { Page } from '@portal/db';
import type { DatasetDoc } from '../models/dataset.model';

export type DatasetPage = Page<DatasetDoc>;
