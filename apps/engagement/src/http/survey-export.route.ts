import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Express } from 'express';
import { sendHttpError } from '@portal/http';
import { identityOf } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import type { SurveyService } from '../services/survey.service';

export const EXPORT_PATH = '/engagement/surveys/:id/responses.csv';

/**
 * `GET /engagement/surveys/:id/responses.csv` (editors): every submitted response, streamed
 * row by row from a database cursor, with a UTF-8 byte-order mark so spreadsheet programs
 * read Vietnamese correctly. Errors before the first byte answer as JSON with their code.
 */
export function mountSurveyExport(
  app: Express,
  options: { surveys: SurveyService; logger: Logger },
): void {
  const log = options.logger.child({ module: 'survey-export' });
  app.get(EXPORT_PATH, async (req, res) => {
    try {
      const { viewer } = identityOf(res);
      const table = await options.surveys.exportTable(viewer, req.params.id!);
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="khao-sat-${req.params.id}.csv"`);
      res.setHeader('cache-control', 'private, no-store');
      res.write('\uFEFF');
      await pipeline(
        Readable.from(table.rows),
        stringify({ header: true, columns: table.header, bom: false }),
        res,
      );
      log.info({ surveyId: req.params.id, viewer: viewer.id }, 'survey responses exported');
    } catch (err) {
      sendHttpError(res, err, log);
    }
  });
}
